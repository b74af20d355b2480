/** Long commands show progress on a terminal and stay line-oriented when piped or in CI. */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runBinary } from '../support/binary.js';
import { removeTempProjects, runCli, writeProject } from '../support/project.js';
import { SERVER_URL, dropDatabase, uniqueDatabaseName } from '../support/server.js';

const databases: string[] = [];
afterAll(async () => {
  for (const name of databases) await dropDatabase(name);
  removeTempProjects();
});

/** Runs the binary under a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
function onTerminal(args: string[], cwd: string, env: Record<string, string> = {}) {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const { CI: _ci, ...rest } = process.env;
  const result = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...rest, ...env, TERM: 'xterm' } });
  return { code: result.status, output: result.stdout };
}

async function project(): Promise<{ root: string; database: string }> {
  const parent = writeProject({});
  await runCli(['init', 'progress_demo'], parent);
  const root = `${parent}/progress_demo`;
  return { root, database: 'progress_demo' };
}

describe.skipIf(spawnSync('script', ['--version']).status !== 0)('progress', () => {
  it('compile draws a progress line on a terminal only', async () => {
    const { root } = await project();
    const terminal = onTerminal(['compile'], root);
    expect(terminal.code).toBe(0);
    expect(terminal.output).toMatch(/\r\u001b\[2Kcompiling 3 tables: postgres \(1\/5\)/);
    const piped = runBinary(['compile', '--check'], root);
    expect(piped.stdout + piped.stderr).not.toContain('\r');
    expect(runBinary(['compile'], root, { CI: 'true' }).stdout).not.toContain('\r');
  });

  it.skipIf(!SERVER_URL)('apply draws a progress line on a terminal and plain lines when piped', async () => {
    const { root } = await project();
    const database = uniqueDatabaseName('progress');
    databases.push(database);
    const { readFileSync, writeFileSync, renameSync } = await import('node:fs');
    renameSync(`${root}/definitions/progress_demo`, `${root}/definitions/${database}`);
    const file = `${root}/definitions/${database}/database.yaml`;
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: progress_demo', `name: ${database}`));
    const terminal = onTerminal(['apply', '--url', SERVER_URL!], root);
    expect(terminal.code).toBe(0);
    expect(terminal.output).toMatch(/\r\u001b\[2K {2}applying \d+\/\d+: /);
    const piped = runBinary(['apply', '--url', SERVER_URL!], root);
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toContain('\r');
    expect(piped.stdout.split('\n').filter(Boolean).every((line) => !line.includes('applying'))).toBe(true);
  });
});
