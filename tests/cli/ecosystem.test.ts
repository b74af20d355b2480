/** init, the pre-commit hooks and compile --watch, on the real CLI. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, REPO_ROOT, runBinary } from '../support/binary.js';
import { removeTempProjects, runCli, writeProject } from '../support/project.js';

afterAll(removeTempProjects);

describe('lakegen init', () => {
  it('names the database after the folder within the naming rules, however long or odd the folder name', async () => {
    const parent = writeProject({});
    const long = 'My Very Long Lakehouse Project Name That Goes On And On And On Forever';
    expect((await runCli(['init', long], parent, {})).code).toBe(0);
    expect(readdirSync(join(parent, long, 'definitions'))).toEqual(['my_very_long_lakehouse_project_name_that_goes_on_and_on_and_on']);
    expect((await runCli(['validate'], join(parent, long))).code).toBe(0);
    expect((await runCli(['init', '123'], parent, {})).code).toBe(0);
    expect(readdirSync(join(parent, '123', 'definitions'))).toEqual(['t_123']);
  });

  it('scaffolds a project in an empty folder where validate, compile and apply (embedded) succeed', async () => {
    const parent = writeProject({});
    const created = await runCli(['init', 'my-lake'], parent, {});
    expect(created.code).toBe(0);
    const root = join(parent, 'my-lake');
    for (const file of ['lakegen.config.yaml', 'docker-compose.yml', '.pre-commit-config.yaml', '.gitignore',
      'definitions/my_lake/database.yaml', 'definitions/my_lake/tables/common/status_type.yaml',
      'definitions/my_lake/tables/sales/purchase.yaml', 'definitions/my_lake/tables/sales/customer_hist.yaml']) {
      expect(existsSync(join(root, file)), file).toBe(true);
    }
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toContain('.lakegen/');
    const validated = await runCli(['validate'], root);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(/0 errors/);
    const compiled = await runCli(['compile'], root);
    expect(compiled.code).toBe(0);
    // validate reports what compile reports (the warehouse targets' warnings too): a pre-commit hook sees it all
    expect(compiled.stderr.match(/LG8\d\d/g)).toEqual(validated.stdout.match(/LG8\d\d/g));
    expect(existsSync(join(root, 'generated/postgres/my_lake/deploy.sql'))).toBe(true);
    const applied = await runCli(['apply'], root, { DATABASE_URL: undefined });
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toMatch(/tables +3 created/);
  });

  it('refuses to overwrite: exit 1, names the files, writes nothing', async () => {
    const root = writeProject({ 'lakegen.config.yaml': 'output: out\n', '.gitignore': 'dist/\n' });
    const result = await runCli(['init'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('lakegen.config.yaml');
    expect(existsSync(join(root, 'definitions'))).toBe(false);
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe('dist/\n');
  });
});

describe('pre-commit hooks', () => {
  interface Hook { id: string; entry: string; files: string; pass_filenames: boolean }
  const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  /** What pre-commit does: run the entry with the staged files that match `files` (or none). */
  function runHook(hook: Hook, root: string, staged: string[]) {
    const matching = staged.filter((f) => new RegExp(hook.files).test(f));
    if (matching.length === 0) return { code: 0, stdout: '', stderr: '' };
    const [command, ...args] = hook.entry.split(' ');
    expect(command).toBe('lakegen');
    return runBinary([...args, ...(hook.pass_filenames ? matching : [])], root);
  }

  it('expose lakegen-validate and lakegen-check', () => {
    expect(hooks.map((h) => h.id)).toEqual(['lakegen-validate', 'lakegen-check']);
  });

  it('pass on a clean repository and fail on a broken definition', async () => {
    const root = writeProject({});
    await runCli(['init', '.'], root);
    await runCli(['compile'], root);
    const database = readdirSync(join(root, 'definitions'))[0];
    const purchase = join(root, 'definitions', database, 'tables/sales/purchase.yaml');
    const files = [`definitions/${database}/tables/sales/purchase.yaml`];
    for (const hook of hooks) expect(runHook(hook, root, files).code, hook.id).toBe(0);

    writeFileSync(purchase, readFileSync(purchase, 'utf8').replace('amount: {', 'amount: { nulable: true,'));
    const validate = runHook(hooks[0], root, files);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/purchase\.yaml:\d+:\d+ +error +LG002 .*did you mean `nullable`/);
    expect(runHook(hooks[1], root, files).code).toBe(1);
  });

  it('lakegen-check fails when generated/ is stale', async () => {
    const root = writeProject({});
    await runCli(['init', '.'], root);
    await runCli(['compile'], root);
    const database = readdirSync(join(root, 'definitions'))[0];
    const purchase = join(root, 'definitions', database, 'tables/sales/purchase.yaml');
    writeFileSync(purchase, readFileSync(purchase, 'utf8').replace('A purchase by a customer', 'A purchase'));
    const result = runHook(hooks[1], root, [`definitions/${database}/tables/sales/purchase.yaml`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is stale/);
  });
});

describe('lakegen compile --watch', () => {
  it('recompiles on a real file change, keeps running after an error, rewrites only what changed', async () => {
    const root = writeProject({});
    await runCli(['init', '.'], root);
    const database = readdirSync(join(root, 'definitions'))[0];
    const purchase = join(root, 'definitions', database, 'tables/sales/purchase.yaml');
    const child = spawn(process.execPath, [BIN, 'compile', '--watch', '--target', 'postgres'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const waitFor = async (pattern: RegExp, from: number) => {
      const deadline = Date.now() + 20_000;
      while (!pattern.test(output.slice(from))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor(/watching/, 0);
      let mark = output.length;
      writeFileSync(purchase, readFileSync(purchase, 'utf8').replace('amount: {', 'amount: { nulable: true,'));
      await waitFor(/LG002/, mark);
      mark = output.length;
      writeFileSync(purchase, readFileSync(purchase, 'utf8').replace('amount: { nulable: true,', 'amount: {').replace('A purchase by a customer', 'A purchase'));
      await waitFor(/compiled postgres: \d+ files, 1 written/, mark);
      expect(readFileSync(join(root, `generated/postgres/${database}/tables/sales.purchase.sql`), 'utf8')).toContain("IS 'A purchase';");
      // a save that writes a new file and renames it over the old one (vim, JetBrains, sed -i), three times
      for (const label of ['One', 'Two', 'Three']) {
        mark = output.length;
        const temporary = `${purchase}.tmp~`;
        writeFileSync(temporary, readFileSync(purchase, 'utf8').replace(/A purchase[^'\n]*/, `A purchase ${label}`));
        renameSync(temporary, purchase);
        await waitFor(/compiled postgres: \d+ files, 1 written/, mark);
        expect(readFileSync(join(root, `generated/postgres/${database}/tables/sales.purchase.sql`), 'utf8')).toContain(`IS 'A purchase ${label}';`);
      }
      // a new schema folder is watched as soon as it appears
      mark = output.length;
      mkdirSync(join(root, 'definitions', database, 'tables', 'extra'));
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(join(root, 'definitions', database, 'tables', 'extra', 'thing.yaml'), 'name: thing\n');
      await waitFor(/extra.thing\.yaml.*recompiling[\s\S]*LG0/, mark);
      // hidden files are never definitions: an editor's swap file does not recompile
      mark = output.length;
      writeFileSync(join(root, 'definitions', database, 'tables', 'sales', '.purchase.yaml.swp'), 'x');
      await new Promise((r) => setTimeout(r, 600));
      expect(output.slice(mark)).not.toMatch(/recompiling/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
