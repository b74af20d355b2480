import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/binary.js';
import { copyToTemp, readTree, removeTempProjects, runCli } from '../support/project.js';

afterAll(removeTempProjects);

function example(): string {
  const root = copyToTemp(join(REPO_ROOT, 'definitions'));
  const project = copyToTemp(root);
  rmSync(root, { recursive: true });
  mkdirSync(join(project, 'definitions'));
  renameSync(join(project, 'demo'), join(project, 'definitions', 'demo'));
  return project;
}

describe('lakegen compile', () => {
  it('is deterministic: twice, and from a copy at another path, byte for byte', async () => {
    const a = example();
    const b = example();
    expect((await runCli(['compile'], a)).code).toBe(0);
    const first = readTree(join(a, 'generated'));
    expect((await runCli(['compile'], a)).stdout).toMatch(/0 written, \d+ unchanged, 0 deleted/);
    expect((await runCli(['compile'], b)).code).toBe(0);
    expect(readTree(join(b, 'generated'))).toEqual(first);
    // no timestamps: today's date appears nowhere
    expect(Object.values(first).join('')).not.toContain(new Date().toISOString().slice(0, 10));
  });

  it('writes only what changed, deletes the files of a removed table, and --check reports staleness', async () => {
    const root = example();
    await runCli(['compile', '--target', 'postgres'], root);
    const portfolio = join(root, 'generated/postgres/demo/tables/trading.portfolio.sql');
    const instrument = join(root, 'generated/postgres/demo/tables/trading.instrument.sql');
    const instrumentTime = statSync(instrument).mtimeMs;
    expect((await runCli(['compile', '--check', '--target', 'postgres'], root)).code).toBe(0);

    const definition = join(root, 'definitions/demo/tables/trading/portfolio.yaml');
    writeFileSync(definition, readFileSync(definition, 'utf8').replace('A book of positions managed together', 'A book of positions'));
    rmSync(join(root, 'definitions/demo/tables/gold/fct_daily_position.yaml'));
    const check = await runCli(['compile', '--check', '--target', 'postgres'], root);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('changed: generated/postgres/demo/tables/trading.portfolio.sql\n'
      + '    --- a/postgres/demo/tables/trading.portfolio.sql\n    +++ b/postgres/demo/tables/trading.portfolio.sql\n    @@ ');
    expect(check.stderr).toMatch(/-COMMENT ON TABLE trading\.portfolio IS 'A book of positions managed together';\n\s+\+COMMENT ON TABLE trading\.portfolio IS 'A book of positions';/);
    expect(check.stderr).toContain('extra:   generated/postgres/demo/tables/gold.fct_daily_position.sql (no longer generated)');

    const result = await runCli(['compile', '--target', 'postgres'], root);
    expect(result.stdout).toMatch(/1 deleted/);
    expect(readFileSync(portfolio, 'utf8')).toContain("IS 'A book of positions';");
    expect(statSync(instrument).mtimeMs).toBe(instrumentTime);
    expect(existsSync(join(root, 'generated/postgres/demo/tables/gold.fct_daily_position.sql'))).toBe(false);
    expect((await runCli(['compile', '--check', '--target', 'postgres'], root)).code).toBe(0);
  });

  it('names a path of the wrong kind, exit 2, not an internal error: --out a file, a folder where a file goes, init on a file', async () => {
    const root = example();
    writeFileSync(join(root, 'afile'), '');
    const outFile = await runCli(['compile', '--out', 'afile', '--target', 'postgres'], root);
    expect([outFile.code, outFile.stderr]).toEqual([2, 'lakegen: afile is not a folder (a file is in the way)\n']);
    expect((await runCli(['compile', '--target', 'postgres'], root)).code).toBe(0);
    rmSync(join(root, 'generated/postgres/demo/deploy.sql'));
    mkdirSync(join(root, 'generated/postgres/demo/deploy.sql'));
    for (const args of [['compile', '--target', 'postgres'], ['compile', '--check', '--target', 'postgres']]) {
      const folder = await runCli(args, root);
      expect([folder.code, folder.stderr]).toEqual([2, 'lakegen: generated/postgres/demo/deploy.sql is a folder where lakegen writes a file\n']);
    }
    const init = await runCli(['init', 'afile'], root);
    expect([init.code, init.stderr]).toEqual([2, 'lakegen: afile exists already\n']);
  });

  it('run from another folder of a project (no config), compiles that project; a folder of no project is a usage error', async () => {
    const root = example();
    expect(existsSync(join(root, 'lakegen.config.yaml'))).toBe(false);
    expect((await runCli(['compile'], root)).code).toBe(0);
    mkdirSync(join(root, 'scripts'));
    const fromSub = await runCli(['compile', '--check'], join(root, 'scripts'));
    expect([fromSub.code, fromSub.stdout]).toEqual([0, expect.stringMatching(/generated is up to date/)]);
    expect(readTree(join(root, 'generated'))).not.toEqual({});
    const elsewhere = copyToTemp(join(root, 'scripts'));
    expect(await runCli(['compile'], elsewhere)).toMatchObject({ code: 2, stderr: 'lakegen: no lakegen project at .\n' });
    expect((await runCli(['validate'], elsewhere)).code).toBe(2);
  });

  it('writes nothing when the definitions have errors', async () => {
    const root = example();
    const definition = join(root, 'definitions/demo/tables/trading/portfolio.yaml');
    writeFileSync(definition, readFileSync(definition, 'utf8').replace('opened_on: date', 'opened_on: datum'));
    const result = await runCli(['compile'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/portfolio\.yaml:\d+:\d+ +error +LG002/);
    expect(result.stderr).toContain('nothing written');
    expect(existsSync(join(root, 'generated'))).toBe(false);
  });

  it('leaves files it did not write alone', async () => {
    const root = example();
    await runCli(['compile', '--target', 'postgres'], root);
    writeFileSync(join(root, 'generated/postgres/notes.txt'), 'mine');
    const result = await runCli(['compile', '--target', 'postgres'], root);
    expect(result.stderr).toContain('notes.txt was not written by lakegen; left alone');
    expect(readFileSync(join(root, 'generated/postgres/notes.txt'), 'utf8')).toBe('mine');
  });
});
