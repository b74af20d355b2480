import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_PROJECT } from '../check/fixtures/base-project.js';
import { runBinary } from '../support/binary.js';
import { removeTempProjects, runCli, writeProject } from '../support/project.js';

afterAll(removeTempProjects);

const T = 'definitions/shop/tables';
const customer = `${T}/core/customer.yaml`;
const status = `${T}/ref/status_type.yaml`;

function project(changes: Record<string, string>): string {
  const files = { ...BASE_PROJECT };
  for (const [path, [from, to]] of Object.entries(changes).map(([p, c]) => [p, c.split(' => ')] as const)) {
    if (!files[path].includes(from)) throw new Error(`fixture text not found: ${from}`);
    files[path] = files[path].replace(from, to);
  }
  return writeProject(files);
}

/** Acceptance: each mistake is reported at the right line with a hint, exit 1, and no stack trace. */
const MISTAKES: { what: string; change: Record<string, string>; at: string; says: RegExp }[] = [
  { what: 'a misspelled key', change: { [customer]: 'full_name: text => full_name: { type: text, nulable: true }' },
    at: `${customer}:6:28`, says: /did you mean `nullable`/ },
  { what: 'a wrong type', change: { [customer]: 'full_name: text => full_name: txt' }, at: `${customer}:6:14`, says: /did you mean `text`/ },
  { what: 'a reference to a missing table', change: { [customer]: 'references: ref.status_type => references: ref.state_type' },
    at: `${customer}:5:49`, says: /`ref\.state_type`, which does not exist/ },
  { what: 'a reference whose column type differs', change: { [customer]: 'status_type_id: { type: smallint => status_type_id: { type: integer' },
    at: `${customer}:5:27`, says: /is integer but references `ref\.status_type\.status_type_id`, which is smallint/ },
  { what: 'a duplicate reference row key', change: { [status]: '{ status_type_id: 2, => { status_type_id: 1,' },
    at: `${status}:9:23`, says: /rows 1 and 2 of `status_type` both have status_type_id = 1/ },
  { what: 'a reference row value of the wrong type', change: { [status]: '{ status_type_id: 2, => { status_type_id: 70000,' },
    at: `${status}:9:23`, says: /70000 is out of range for smallint/ },
  { what: 'a table file whose name differs from its name:', change: { [`${T}/raw/br_order.yaml`]: 'name: br_order => name: br_orders' },
    at: `${T}/raw/br_order.yaml:1:7`, says: /`br_orders` is defined in table file `br_order`/ },
];

describe('lakegen validate', () => {
  it.each(MISTAKES)('reports $what at its line with a hint, exit 1', async ({ change, at, says }) => {
    const root = project(change);
    const result = await runCli(['validate'], root);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    const index = lines.findIndex((l) => l.startsWith(`${at}  error  `));
    expect(index, result.stdout).toBeGreaterThanOrEqual(0);
    expect(lines[index]).toMatch(says);
    expect(lines[index + 1]).toMatch(/^ {4}hint: \S/);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it('exits 0 on a clean project and says so', async () => {
    // (on the warehouse targets, the uuid keys would be LG804 warnings)
    const result = await runCli(['validate'], writeProject({ ...BASE_PROJECT, 'lakegen.config.yaml': 'targets: [postgres, typescript, docs]\n' }));
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/✔ 10 files checked, no problems/);
  });

  it('refuses what compile would refuse for the configured targets, also for a pre-commit file list', async () => {
    const root = project({ [`${T}/raw/br_order.yaml`]: 'payload: jsonb => payload: jsonb\n  amount: "numeric(50,2)"' });
    const result = await runCli(['validate'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/br_order\.yaml:6:\d+ +error +LG801 portability\/numeric-precision +Snowflake: numeric\(50,2\)/);
    expect(result.stdout).toMatch(/error +LG801 portability\/numeric-precision +Databricks/);
    expect((await runCli(['validate', `${T}/raw/br_order.yaml`], root)).code).toBe(1);
    writeFileSync(join(root, 'lakegen.config.yaml'), 'targets: [postgres]\n');
    expect((await runCli(['validate'], root)).code).toBe(0);
  });

  it('exits 0 with warnings only', async () => {
    const result = await runCli(['validate'], project({ [`${T}/raw/br_order.yaml`]: 'payload: jsonb => select: jsonb' }));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warning {2}LG104 naming\/reserved-word/);
  });

  it('lets the config change a rule\'s severity or turn it off', async () => {
    const root = project({ [`${T}/raw/br_order.yaml`]: 'payload: jsonb => select: jsonb' });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${root}/lakegen.config.yaml`, 'rules:\n  naming/reserved-word: error\n');
    expect((await runCli(['validate'], root)).code).toBe(1);
    writeFileSync(`${root}/lakegen.config.yaml`, 'rules:\n  LG104: off\n');
    const quiet = await runCli(['validate'], root);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toMatch(/LG104/);
  });

  it('exits 2 on usage errors', async () => {
    const root = writeProject(BASE_PROJECT);
    expect((await runCli(['validate', '--bogus'], root)).code).toBe(2);
    expect((await runCli(['validate', 'no/such/folder'], root))).toMatchObject({ code: 2, stderr: /no such file or folder/ });
    expect((await runCli(['validate', '--format', 'xml'], root))).toMatchObject({ code: 2, stderr: /--format must be one of/ });
    expect((await runCli(['frobnicate'], root))).toMatchObject({ code: 2, stderr: /unknown command/ });
  });

  it('with file arguments (pre-commit) reports those files and the cross-file errors they cause', async () => {
    const root = project({
      [`${T}/raw/br_order.yaml`]: 'payload: jsonb => select: jsonb',
      [status]: 'name: status_type => name: state_type',
    });
    const result = await runCli(['validate', status], root);
    // the renamed table breaks customer.yaml's reference: reported, though customer.yaml was not passed
    expect(result.stdout).toMatch(new RegExp(`${status}:1:7 +error +LG102`));
    expect(result.stdout).toMatch(new RegExp(`${customer}:5:49 +error +LG501`));
    expect(result.stdout).not.toMatch(/br_order/);
    expect(result.code).toBe(1);
  });
});

describe('lakegen validate with file arguments: what a staged file can break elsewhere', () => {
  const errorsIn = (stdout: string) => [...new Set(stdout.split('\n').filter((l) => / error /.test(l)).map((l) => l.split(':')[0]))].sort();

  it('a schema file: the tables of that schema (a layer change breaks their names)', async () => {
    const root = project({ 'definitions/shop/schemas/core.yaml': 'layer: silver => layer: bronze' });
    const result = await runCli(['validate', 'definitions/shop/schemas/core.yaml'], root);
    expect(result.code).toBe(1);
    expect(errorsIn(result.stdout)).toContain(customer);
    expect(result.stdout).toMatch(/LG105/);
  });

  it('a table whose new index takes another table\'s index name, and a CSV that drops a row another table points at', async () => {
    const root = writeProject({
      ...BASE_PROJECT,
      [`${T}/core/trade.yaml`]: 'name: trade\nkind: transactional\ncolumns:\n  trade_id: uuid\n  x_y: integer\nprimary_key: [trade_id]\nindexes:\n  - columns: [x_y]\n',
      [`${T}/core/trade_x.yaml`]: 'name: trade_x\nkind: transactional\ncolumns:\n  trade_x_id: uuid\n  y: integer\nprimary_key: [trade_x_id]\nindexes:\n  - columns: [y]\n',
    });
    const collision = await runCli(['validate', `${T}/core/trade.yaml`], root);
    expect(collision.stdout).toMatch(/trade_x\.yaml:\d+:\d+ +error +LG106/);
    expect(collision.code).toBe(1);

    const seeded = writeProject({
      ...BASE_PROJECT,
      [status]: BASE_PROJECT[status].replace(/rows:[\s\S]*$/, ''),
      [`${T}/ref/status_type.csv`]: 'status_type_id,status_type_name\n1,open\n',
      [`${T}/ref/level_type.yaml`]: 'name: level_type\nkind: reference\ncolumns:\n  level_type_id: smallint\n'
        + '  status_type_id: { type: smallint, references: ref.status_type }\nprimary_key: [level_type_id]\nrows:\n  - { level_type_id: 1, status_type_id: 2 }\n',
    });
    const dropped = await runCli(['validate', `${T}/ref/status_type.csv`], seeded);
    expect(dropped.stdout).toMatch(/level_type\.yaml:\d+:\d+ +error +LG706/);
  });

  it('a schema file given from inside the database folder', async () => {
    const root = project({ 'definitions/shop/schemas/core.yaml': 'layer: silver => layer: bronze' });
    const result = await runCli(['validate', 'schemas/core.yaml'], join(root, 'definitions', 'shop'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/tables\/core\/customer\.yaml:\d+:\d+ +error +LG105/);
  });

  it('not an old error of another database that happens to name the same table', async () => {
    const other = Object.fromEntries(Object.entries(BASE_PROJECT).map(([path, text]) => [path.replace('/shop/', '/other/'),
      path.endsWith('database.yaml') ? text.replace('shop', 'other') : text]));
    // the other database's customer references its status_type with the wrong type: an old error, not ours
    other['definitions/other/tables/core/customer.yaml'] = other['definitions/other/tables/core/customer.yaml'].replace('status_type_id: { type: smallint', 'status_type_id: { type: integer');
    const root = writeProject({ ...BASE_PROJECT, ...other });
    const all = await runCli(['validate'], root);
    expect(all.code).toBe(1);
    const staged = await runCli(['validate', status, 'definitions/shop/database.yaml'], root);
    expect(staged.stdout).not.toMatch(/definitions\/other/);
    expect(staged.code).toBe(0);
  });

  it('only deleted files, given from above the project: found from the nearest folder that exists', async () => {
    const root = writeProject(Object.fromEntries(Object.entries(BASE_PROJECT).filter(([path]) => path !== status).map(([p, t]) => [`proj/${p}`, t])));
    const result = await runCli(['validate', `proj/${status}`], root);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`proj/${customer}:\\d+:\\d+ +error +LG501`));
    expect(result.stdout).not.toMatch(/LG004/);
  });

  it('a table file: the CSV beside it', async () => {
    const root = writeProject({
      ...BASE_PROJECT,
      [status]: BASE_PROJECT[status].replace('  status_type_name:', '  label: text\n  status_type_name:').replace(/rows:[\s\S]*$/, ''),
      [`${T}/ref/status_type.csv`]: 'status_type_id,status_type_name\n1,open\n2,closed\n',
    });
    const result = await runCli(['validate', status], root);
    expect(result.code).toBe(1);
    expect(errorsIn(result.stdout)).toEqual([`${T}/ref/status_type.csv`]);
  });

  it('a deleted table file, alone or with others: the references it breaks, no crash', async () => {
    const root = writeProject(Object.fromEntries(Object.entries(BASE_PROJECT).filter(([path]) => path !== status)));
    for (const args of [[status], [customer, status]]) {
      const result = await runCli(['validate', ...args], root);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`${customer}:\\d+:\\d+ +error +LG501`));
    }
  });

  it('a helper module that definitions import: the whole project', async () => {
    const root = project({ [customer]: 'full_name: text => full_name: txt' });
    const result = await runCli(['validate', 'definitions/shop/shared/columns.ts'], root);
    expect(result.code).toBe(1);
    expect(errorsIn(result.stdout)).toEqual([customer]);
  });
});

describe('lakegen validate, the real binary', () => {
  const broken = () => project({ [customer]: 'full_name: text => full_name: { type: text, nulable: true }' });

  it('--format json prints diagnostics and a summary', () => {
    const result = runBinary(['validate', '--format', 'json'], broken());
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ errors: 1, warnings: 0, files: 10 });
    expect(report.diagnostics[0]).toEqual({
      code: 'LG002', rule: 'load/structure', severity: 'error', file: customer, line: 6, column: 28,
      message: 'column `full_name`: unknown key `nulable` — did you mean `nullable`?',
      hint: expect.stringContaining('Allowed keys here: type, nullable'),
    });
  });

  it('--format github prints workflow annotations with escaped properties', () => {
    const root = broken();
    const result = runBinary(['validate', '--format', 'github'], root, { GITHUB_WORKSPACE: root });
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^::error file=${customer},line=6,col=28,title=LG002 load/structure::column \`full_name\`: unknown key \`nulable\` — did you mean \`nullable\`\\?%0AAllowed keys here: `)),
    ]);
  });

  it('--format github names files from the repository root, wherever validate runs', () => {
    const root = broken();
    const inside = join(root, 'definitions', 'shop', 'tables');
    const fromWorkspace = runBinary(['validate', 'core/customer.yaml', '--format', 'github'], inside, { GITHUB_WORKSPACE: root });
    expect(fromWorkspace.stdout).toMatch(new RegExp(`^::error file=${customer},line=6,`));
    mkdirSync(join(root, '.git'));
    const fromGit = runBinary(['validate', 'core/customer.yaml', '--format', 'github'], inside, { GITHUB_WORKSPACE: '' });
    expect(fromGit.stdout).toMatch(new RegExp(`^::error file=${customer},line=6,`));
  });

  it('rules: markdown or json, and an unknown --format is a usage error', async () => {
    const root = writeProject(BASE_PROJECT);
    expect((await runCli(['rules'], root)).stdout).toMatch(/^\| code \| rule \|/);
    expect(JSON.parse((await runCli(['rules', '--format', 'json'], root)).stdout)[0]).toMatchObject({ code: 'LG001' });
    expect(await runCli(['rules', '--format', 'xml'], root)).toMatchObject({ code: 2, stderr: 'lakegen: --format must be one of markdown, json, not `xml`\n' });
  });

  it('--help and --version work, per command too', () => {
    const root = writeProject(BASE_PROJECT);
    expect(runBinary(['--version'], root).stdout).toMatch(/^lakegen\/\d+\.\d+\.\d+/);
    expect(runBinary(['--help'], root).stdout).toMatch(/validate \[\.\.\.paths\]/);
    expect(runBinary(['validate', '--help'], root)).toMatchObject({ code: 0, stdout: expect.stringMatching(/--format <format>/) });
  });
});
