/**
 * The launcher runs the bundled CLI with V8's code cache (generator/cli/launch.ts). What must hold: the cache
 * changes speed only, never output; a damaged cache file is replaced; it lives beside the bundle unless told
 * otherwise; runs that compile only start-up code do not write it; it can be turned off.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cac } from 'cac';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../generator/cli/command-names.js';
import { registerCommands } from '../../generator/cli/commands.js';
import { BASE_PROJECT } from '../check/fixtures/base-project.js';
import { REPO_ROOT, runBinary } from '../support/binary.js';
import { removeTempProjects, writeProject } from '../support/project.js';

afterAll(removeTempProjects);

const project = writeProject(BASE_PROJECT);

function freshCacheFolder(): string {
  return join(writeProject({}), 'code-cache');
}

function validate(env: Record<string, string>) {
  // LAKEGEN_NO_CACHE would also turn the code cache off: the tests below set it only where they mean to
  const result = runBinary(['validate'], project, { LAKEGEN_NO_CACHE: '', ...env });
  expect(result.stderr).toBe('');
  return result;
}

const A_DAY_AGO = Math.floor(Date.now() / 1000) - 2 * 24 * 60 * 60; // whole seconds: mtimes round-trip exactly

describe('the launcher and its code cache', () => {
  it('lives beside the bundle it caches, where only who can rewrite the bundle can write', () => {
    const folder = join(REPO_ROOT, 'dist', 'code-cache');
    const initCaches = () => (existsSync(folder) ? readdirSync(folder) : []).filter((name) => name.endsWith('-init.v8'));
    for (const name of initCaches()) rmSync(join(folder, name));
    expect(runBinary(['init', join(writeProject({}), 'fresh')], project, { LAKEGEN_NO_CACHE: '' }).code).toBe(0);
    expect(initCaches()).toEqual([expect.stringMatching(/^[0-9a-f]{20}-init\.v8$/)]);
  });

  it('writes one cache file per command on the first run and reuses it afterwards, with the same output', () => {
    const folder = freshCacheFolder();
    const first = validate({ LAKEGEN_CODE_CACHE_DIR: folder });
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{20}-validate\.v8$/);
    const cache = join(folder, files[0]);
    expect(statSync(cache).size).toBeGreaterThan(10_000);

    utimesSync(cache, A_DAY_AGO, A_DAY_AGO);
    const second = validate({ LAKEGEN_CODE_CACHE_DIR: folder });
    expect(second).toEqual(first);
    expect(statSync(cache).mtimeMs).toBe(A_DAY_AGO * 1000); // accepted by V8, so not written again

    runBinary(['rules'], project, { LAKEGEN_CODE_CACHE_DIR: folder, LAKEGEN_NO_CACHE: '' });
    expect(readdirSync(folder).sort()).toEqual([files[0], files[0].replace('-validate', '-rules')].sort());
  });

  it('replaces a damaged cache file instead of trusting it', () => {
    const folder = freshCacheFolder();
    const clean = validate({ LAKEGEN_CODE_CACHE_DIR: folder });
    const [name] = readdirSync(folder);
    writeFileSync(join(folder, name), Buffer.alloc(50_000, 7));
    expect(validate({ LAKEGEN_CODE_CACHE_DIR: folder })).toEqual(clean);
    expect(readFileSync(join(folder, name)).equals(Buffer.alloc(50_000, 7))).toBe(false);
  });

  it('writes nothing after --help, --version or a usage error (they compile start-up code only)', () => {
    const folder = freshCacheFolder();
    for (const args of [['validate', '--help'], ['--version'], ['validate', '--format', 'nonsense']]) {
      runBinary(args, project, { LAKEGEN_CODE_CACHE_DIR: folder, LAKEGEN_NO_CACHE: '' });
    }
    expect(existsSync(folder)).toBe(false);
  });

  it('writes nothing with LAKEGEN_NO_CACHE=1', () => {
    const folder = freshCacheFolder();
    const result = runBinary(['validate'], project, { LAKEGEN_CODE_CACHE_DIR: folder, LAKEGEN_NO_CACHE: '1' });
    expect(result.code).toBe(0);
    expect(existsSync(folder)).toBe(false);
  });

  it('knows every command the CLI registers (one cache file each)', () => {
    const cli = cac('lakegen');
    registerCommands(cli, { cwd: '.', env: {}, stdout: () => {}, stderr: () => {}, isTTY: false }, () => {});
    expect(cli.commands.map((command) => command.name).sort()).toEqual([...COMMAND_NAMES].sort());
  });
});
