/**
 * One fixture per rule: the base project with one change that breaks exactly that rule. Each test asserts the
 * code, file, line and column of the diagnostic, and that nothing else fires.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../../generator/project/analyze.js';
import { ALL_RULES } from '../../generator/check/registry.js';
import { removeTempProjects, runCli, writeProject } from '../support/project.js';
import { BASE_PROJECT } from './fixtures/base-project.js';

interface RuleCase {
  code: string;
  /** Files to replace or add; null deletes. */
  files: Record<string, string | null>;
  /** `path:line:col`, path relative to the project root. */
  at: string;
  message?: RegExp;
}

const T = 'definitions/shop/tables';
const replace = (path: string, from: string, to: string): Record<string, string> => {
  const text = BASE_PROJECT[path];
  if (!text.includes(from)) throw new Error(`fixture text not found in ${path}: ${from}`);
  return { [path]: text.replace(from, to) };
};
const customer = `${T}/core/customer.yaml`;
const status = `${T}/ref/status_type.yaml`;
const account = `${T}/core/account_hist.yaml`;
const order = `${T}/raw/br_order.yaml`;
const summary = `${T}/mart/order_summary.yaml`;

export const RULE_CASES: RuleCase[] = [
  { code: 'LG001', files: replace(customer, '  full_name: text', '   full_name: text'), at: `${customer}:6:4` },
  { code: 'LG002', files: replace(customer, 'full_name: text', 'full_name: { type: text, nulable: true }'), at: `${customer}:6:28`,
    message: /unknown key `nulable` — did you mean `nullable`\?/ },
  { code: 'LG002', files: replace(account, 'key: [account_id]', 'key: [account_id, account_id]'), at: `${account}:3:19`, message: /names `account_id` twice/ },
  { code: 'LG002', files: replace(order, 'payload: jsonb', 'payload: { type: jsonb, default: { fee: 0, enabled: true } }'), at: `${order}:5:36`,
    message: /default: a mapping here is an SQL expression, `\{ sql: … \}`/ },
  { code: 'LG002', files: replace(customer, 'full_name: text', 'full_name: { type: text, description: "a\\0b" }'), at: `${customer}:6:41`,
    message: /cannot contain a NUL/ },
  { code: 'LG003', files: { [`${T}/ref/status_type.csv`]: 'status_type_id,status_type_name\n3,"unterminated\n' }, at: `${T}/ref/status_type.csv:2:1` },
  { code: 'LG003', files: { [`${T}/ref/status_type.csv`]: 'status_type_id,status_type_name\n3,"say ""hi"""\n4,"open\n5,x\n6,y\n' },
    at: `${T}/ref/status_type.csv:3:1`, message: /the quote opened on line 3 is never closed/ },
  { code: 'LG003', files: { [`${T}/ref/status_type.csv`]: 'status_type_id,status_type_name,status_type_name\n3,a,b\n' },
    at: `${T}/ref/status_type.csv:1:1`, message: /names column `status_type_name` twice/ },
  { code: 'LG004', files: { [`${T}/ref/notes.json`]: '{}' }, at: `${T}/ref/notes.json:1:1` },
  { code: 'LG004', files: { [`${T}/core/customer.csv`]: 'customer_id,full_name\n6f1c1d3e-4c1b-4b6e-9d2a-1b2c3d4e5f60,Ann\n' },
    at: `${T}/core/customer.csv:1:1`, message: /rows belong to reference tables only/ },
  { code: 'LG005', files: { [`${T}/core/customer.yml`]: BASE_PROJECT[customer] }, at: `${T}/core/customer.yml:1:1` },
  { code: 'LG007', files: { 'lakegen.config.yaml': 'output: out\nrulez: {}\n' }, at: 'lakegen.config.yaml:2:1', message: /did you mean `rules`/ },
  { code: 'LG010', files: replace(order, 'primary_key: [br_order_id]', 'primary_key: [br_order_id]\nindexes:\n  - columns: [paylod]'), at: `${order}:8:15` },
  { code: 'LG011', files: replace(account, 'key: [account_id]', 'key: [account_id]\ncurrent_view: customer'), at: `${account}:1:7` },
  { code: 'LG012', files: { [`${T}/nowhere/thing.yaml`]: BASE_PROJECT[order].replace(/br_order/g, 'thing') }, at: `${T}/nowhere/thing.yaml:1:1` },
  { code: 'LG013', files: replace(customer, 'full_name: text', 'full_name: { type: text, default: 5 }'), at: `${customer}:6:3` },
  { code: 'LG013', files: replace(order, 'payload: jsonb', 'payload: { type: jsonb, default: "{bad" }'), at: `${order}:5:3`, message: /expected JSON text/ },
  { code: 'LG101', files: replace(customer, 'full_name: text', 'fullName: text'), at: `${customer}:6:3` },
  { code: 'LG102', files: replace(order, 'name: br_order\n', 'name: br_orders\n'), at: `${order}:1:7` },
  { code: 'LG103', files: replace(order, 'payload: jsonb', `${'p'.repeat(64)}: jsonb`), at: `${order}:5:3` },
  { code: 'LG104', files: replace(order, 'payload: jsonb', 'select: jsonb'), at: `${order}:5:3` },
  { code: 'LG105', files: { [order]: null, [`${T}/raw/purchase.yaml`]: BASE_PROJECT[order].replace(/br_order/g, 'purchase') }, at: `${T}/raw/purchase.yaml:1:7` },
  { code: 'LG106', files: { [order]: BASE_PROJECT[order].replace('payload: jsonb', 'payload: jsonb\n  a: integer\n  b: integer\n  a_b: integer')
    .replace('primary_key: [br_order_id]', 'primary_key: [br_order_id]\nindexes:\n  - columns: [a, b]\n  - columns: [a_b]') },
  at: `${order}:12:5`, message: /the index on `br_order` \(a_b\) and the index on `br_order` \(a, b\) are both named `raw.br_order_a_b_idx`/ },
  { code: 'LG106', files: { [`${T}/core/account_hist_stream.yaml`]: BASE_PROJECT[customer].replace(/customer/g, 'account_hist_stream').replace(/ +status_type_id.*\n/, '') },
    at: `${account}:3:6`, message: /the stream on Snowflake of `account_hist` and table `account_hist_stream` are both named `core.account_hist_stream`/ },
  { code: 'LG106', files: replace(account, 'balance: "numeric(12,2)"', 'period: { type: integer, check: "period > 0" }'), at: `${account}:7:3`,
    message: /the check on `account_hist.period` and the period check of `account_hist` are both named `core.account_hist_period_check`/ },
  { code: 'LG201', files: { [`${T}/ref/color_type.yaml`]: 'name: color_type\nkind: reference\ncolumns:\n  color_type_id: integer\nprimary_key: [color_type_id]\n' }, at: `${T}/ref/color_type.yaml:5:14` },
  { code: 'LG202', files: { [`${T}/ref/color.yaml`]: 'name: color\nkind: reference\ncolumns:\n  color_id: smallint\nprimary_key: [color_id]\n' }, at: `${T}/ref/color.yaml:1:7` },
  { code: 'LG203', files: replace(status, '\nprimary_key:', '\n  is_active: boolean?\nprimary_key:'), at: `${status}:6:3` },
  { code: 'LG301', files: replace(order, 'br_order_id: uuid', 'br_order_id: integer'), at: `${order}:6:14` },
  { code: 'LG302', files: replace(order, 'payload: jsonb', 'payload: jsonb\n  effective_time: timestamp'), at: `${order}:6:3` },
  { code: 'LG401', files: { [`${T}/core/balance.yaml`]: 'name: balance\nkind: temporal\nkey: [balance_id]\ncolumns:\n  balance_id: integer\n' }, at: `${T}/core/balance.yaml:1:7` },
  { code: 'LG402', files: replace(account, 'key: [account_id]', 'key: [account_id, sys_start]'), at: `${account}:3:6` },
  { code: 'LG403', files: replace(account, '  balance:', '  sys_end: timestamptz\n  balance:'), at: `${account}:7:3` },
  { code: 'LG404', files: replace(account, 'balance: "numeric(12,2)"', 'balance: { type: "numeric(12,2)", unique: true }'), at: `${account}:7:3` },
  { code: 'LG404', files: replace(account, 'balance: "numeric(12,2)"', 'balance: "numeric(12,2)"\nindexes:\n  - { columns: [owner_id], unique: true }'),
    at: `${account}:9:5`, message: /unique index on `account_hist` \(owner_id\)/ },

  { code: 'LG501', files: replace(customer, 'references: ref.status_type', 'references: ref.state_type'), at: `${customer}:5:49` },
  { code: 'LG502', files: replace(customer, 'status_type_id: { type: smallint', 'status_type_id: { type: integer'), at: `${customer}:5:27` },
  { code: 'LG503', files: replace(summary, '  total:', '  account_id: { type: integer, references: core.account_hist }\n  total:'), at: `${summary}:6:44` },
  { code: 'LG504', files: {
      ...replace(customer, '  full_name: text', '  full_name: text\n  address_id: { type: uuid, references: core.address }'),
      [`${T}/core/address.yaml`]: 'name: address\nkind: transactional\ncolumns:\n  address_id: uuid\n  customer_id: { type: uuid, references: core.customer }\nprimary_key: [address_id]\n',
    }, at: `${T}/core/address.yaml:5:42`, message: /core\.address\.customer_id → core\.customer\.address_id → core\.address/ },
  { code: 'LG505', files: replace(summary, '  total:', '  customer_name: { type: text, references: core.customer.full_name }\n  total:'), at: `${summary}:6:44` },
  { code: 'LG506', files: replace(summary, 'references: core.customer }', 'references: core.customer, on_delete: set_null }'), at: `${summary}:5:42` },
  { code: 'LG601', files: replace(customer, '  full_name: text', '  full_name: text\n  summary_id: { type: uuid, nullable: true, references: mart.order_summary }'), at: `${customer}:7:57` },
  { code: 'LG701', files: replace(status, '{ status_type_id: 2,', '{ status_type_id: two,'), at: `${status}:9:23` },
  { code: 'LG702', files: replace(status, '{ status_type_id: 2,', '{ status_type_id: 1,'), at: `${status}:9:23` },
  { code: 'LG703', files: replace(status, '{ status_type_id: 2, status_type_name: closed }', '{ status_type_id: 2 }'), at: `${status}:9:5` },
  // `default: null` fills nothing: the server would insert NULL
  { code: 'LG703', files: { [status]: BASE_PROJECT[status].replace('unique: true }', 'unique: true, default: null }')
    .replace('{ status_type_id: 2, status_type_name: closed }', '{ status_type_id: 2 }') },
    at: `${status}:9:5`, message: /no value for NOT NULL column `status_type_name`/ },
  { code: 'LG704', files: replace(status, 'status_type_name: closed }', 'status_type_name: closed, colour: red }'), at: `${status}:9:52` },
  { code: 'LG704', files: replace(status, 'status_type_name: closed }', 'status_type_name: closed, is_active: false }'), at: `${status}:9:52`,
    message: /sets `is_active`, which lakegen manages/ },
  { code: 'LG705', files: replace(status, 'status_type_name: closed', 'status_type_name: open'), at: `${status}:9:44` },
  { code: 'LG706', files: { [`${T}/ref/level_type.yaml`]: 'name: level_type\nkind: reference\ncolumns:\n  level_type_id: smallint\n'
    + '  status_type_id: { type: smallint, references: ref.status_type }\nprimary_key: [level_type_id]\nrows:\n'
    + '  - { level_type_id: 1, status_type_id: 1 }\n  - { level_type_id: 2, status_type_id: 7 }\n' },
  at: `${T}/ref/level_type.yaml:9:41`, message: /row 2 of `level_type` has status_type_id = 7, which no row of `ref.status_type` has as status_type_id/ },
  { code: 'LG705', files: { [status]: BASE_PROJECT[status].replace('\nprimary_key:', '\n  code: "numeric(4,1)"\n  rank: smallint\nprimary_key:')
    .concat('indexes: [{ columns: [code, rank], unique: true }]\n')
    .replace('status_type_name: open }', 'status_type_name: open, code: 1, rank: 1 }')
    .replace('status_type_name: closed }', 'status_type_name: closed, code: "1.0", rank: 1 }') },
  at: `${status}:11:58`, message: /rows 1 and 2 of `status_type` both have \(code, rank\) = \(1\.0, 1\)/ },
];

afterAll(removeTempProjects);

async function diagnosticsOf(files: Record<string, string | null>) {
  const merged: Record<string, string> = { ...BASE_PROJECT };
  for (const [path, text] of Object.entries(files)) {
    if (text === null) delete merged[path];
    else merged[path] = text;
  }
  const root = writeProject(merged);
  const project = await analyzeProject({ root }, root);
  return project.diagnostics;
}

describe('convention rules', () => {
  it('the base project is clean', async () => {
    expect(await diagnosticsOf({})).toEqual([]);
  });

  it.each(RULE_CASES)('$code fires alone at $at', async (rule) => {
    const diagnostics = (await diagnosticsOf(rule.files)).map((d) => ({ ...d }));
    const [path, line, column] = rule.at.split(':');
    expect(diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`)).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: rule.code, file: path, line: Number(line), column: Number(column) });
    expect(diagnostics[0].hint).toBeTruthy();
    if (rule.message) expect(diagnostics[0].message).toMatch(rule.message);
  });

  it('the warehouses\' temporal objects count for LG106 only when a warehouse target is compiled', async () => {
    const files = { [`${T}/core/account_hist_stream.yaml`]: BASE_PROJECT[customer].replace(/customer/g, 'account_hist_stream').replace(/ +status_type_id.*\n/, '') };
    expect((await diagnosticsOf({ ...files, 'lakegen.config.yaml': 'targets: [postgres, databricks]\n' })).map((d) => d.code)).toEqual([]);
    expect((await diagnosticsOf({ ...files, 'lakegen.config.yaml': 'targets: [snowflake]\n' })).map((d) => d.code)).toEqual(['LG106']);
    // compile --target snowflake compiles what the config leaves out: the rule follows the targets compiled
    const root = writeProject({ ...BASE_PROJECT, ...files, 'lakegen.config.yaml': 'targets: [postgres]\n' });
    const compiled = await runCli(['compile', '--target', 'snowflake'], root);
    expect([compiled.code, compiled.stderr]).toEqual([1, expect.stringMatching(/LG106 naming\/derived-collision/)]);
  });

  it('a unique index of a temporal table that tells a row\'s versions apart (with sys_start or sys_end) is no LG404', async () => {
    for (const columns of ['[account_id, sys_end]', '[sys_start, account_id, balance]', '[balance, sys_start]', '[owner_id, sys_end]']) {
      const files = replace(account, 'balance: "numeric(12,2)"', `balance: "numeric(12,2)"\nindexes:\n  - { columns: ${columns}, unique: true }`);
      expect([columns, (await diagnosticsOf(files)).map((d) => d.code)]).toEqual([columns, []]);
    }
  });

  it('numbers rows as written, counting rows that are invalid themselves', async () => {
    const rows = replace(status, '  - { status_type_id: 2, status_type_name: closed }',
      '  - { status_type_id: two, status_type_name: closed }\n  - { status_type_id: 1, status_type_name: shut }');
    const diagnostics = await diagnosticsOf(rows);
    expect(diagnostics.map((d) => d.code)).toEqual(['LG701', 'LG702']);
    expect(diagnostics[1].message).toMatch(/rows 1 and 3 of `status_type` both have status_type_id = 1/);
  });

  it('every rule that definitions can break has a fixture', () => {
    // LG006 needs a TypeScript definition and LG8xx a warehouse target: their own tests cover them.
    const covered = new Set(RULE_CASES.map((c) => c.code));
    const uncovered = ALL_RULES.map((r) => r.code).filter((c) => !covered.has(c) && c !== 'LG006' && !c.startsWith('LG8'));
    expect(uncovered).toEqual([]);
  });
});
