/**
 * The launcher runs the bundled CLI with V8's code cache (generator/cli/launch.ts). What must hold: the cache
 * changes speed only, never output; a damaged or foreign cache file is replaced, not trusted; it lives where
 * it is told; it can be turned off.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cac } from 'cac';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../generator/cli/command-names.js';
import { registerCommands } from '../../generator/cli/commands.js';
import { BASE_PROJECT } from '../check/fixtures/base-project.js';
import { runBinary } from '../support/binary.js';
import { removeTempProjects, writeProject } from '../support/project.js';

afterAll(removeTempProjects);

const project = writeProject(BASE_PROJECT);

function freshCacheHome(): { home: string; folder: string } {
  const home = writeProject({});
  return { home, folder: join(home, 'lakegen', 'code') };
}

function validate(env: Record<string, string>) {
  // LAKEGEN_NO_CACHE would also turn the code cache off: the tests below set it only where they mean to
  const result = runBinary(['validate'], project, { LAKEGEN_NO_CACHE: '', ...env });
  expect(result.stderr).toBe('');
  return result;
}

const A_DAY_AGO = Math.floor(Date.now() / 1000) - 2 * 24 * 60 * 60; // whole seconds: mtimes round-trip exactly

describe('the launcher and its code cache', () => {
  it('writes one cache file per command on the first run and reuses it afterwards, with the same output', () => {
    const { home, folder } = freshCacheHome();
    const first = validate({ XDG_CACHE_HOME: home });
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{20}-validate\.v8$/);
    const cache = join(folder, files[0]);
    expect(statSync(cache).size).toBeGreaterThan(10_000);
    expect(statSync(cache).mode & 0o077).toBe(0); // the user's own: whoever writes it runs code as the user

    utimesSync(cache, A_DAY_AGO, A_DAY_AGO);
    const second = validate({ XDG_CACHE_HOME: home });
    expect(second).toEqual(first);
    expect(statSync(cache).mtimeMs).toBe(A_DAY_AGO * 1000); // accepted by V8, so not written again

    runBinary(['rules'], project, { XDG_CACHE_HOME: home, LAKEGEN_NO_CACHE: '' });
    expect(readdirSync(folder).sort()).toEqual([files[0], files[0].replace('-validate', '-rules')].sort());
  });

  it('replaces a damaged cache file instead of trusting it', () => {
    const { home, folder } = freshCacheHome();
    const clean = validate({ XDG_CACHE_HOME: home });
    const [name] = readdirSync(folder);
    writeFileSync(join(folder, name), Buffer.alloc(50_000, 7));
    expect(validate({ XDG_CACHE_HOME: home })).toEqual(clean);
    expect(readFileSync(join(folder, name)).equals(Buffer.alloc(50_000, 7))).toBe(false);
  });

  it('removes cache files of other builds once they are a day old, and keeps recent ones', () => {
    const { home, folder } = freshCacheHome();
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'old-build-validate.v8'), 'x');
    utimesSync(join(folder, 'old-build-validate.v8'), A_DAY_AGO, A_DAY_AGO);
    writeFileSync(join(folder, 'other-checkout-validate.v8'), 'x');
    validate({ XDG_CACHE_HOME: home });
    const names = readdirSync(folder);
    expect(names).not.toContain('old-build-validate.v8');
    expect(names).toContain('other-checkout-validate.v8');
    expect(names).toHaveLength(2);
  });

  it('writes nothing with LAKEGEN_NO_CACHE=1', () => {
    const { home, folder } = freshCacheHome();
    const result = runBinary(['validate'], project, { XDG_CACHE_HOME: home, LAKEGEN_NO_CACHE: '1' });
    expect(result.code).toBe(0);
    expect(existsSync(folder)).toBe(false);
  });

  it('knows every command the CLI registers (one cache file each)', () => {
    const cli = cac('lakegen');
    registerCommands(cli, { cwd: '.', env: {}, stdout: () => {}, stderr: () => {}, isTTY: false }, () => {});
    expect(cli.commands.map((command) => command.name).sort()).toEqual([...COMMAND_NAMES].sort());
  });
});
