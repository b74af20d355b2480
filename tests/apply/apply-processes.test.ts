/**
 * apply as real processes: killed mid-transaction (SIGKILL) it leaves the database as it was; two started
 * together both succeed, one after the other.
 */
import { readFileSync, writeFileSync, renameSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startBinary } from '../support/binary.js';
import { copyToTemp, removeTempProjects, writeProject } from '../support/project.js';
import { CATALOG_SNAPSHOT, dropDatabase, queryDatabase, SERVER_URL, uniqueDatabaseName } from '../support/server.js';

const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(name);
  removeTempProjects();
});

const runProcess = (args: string[], cwd: string) => startBinary(args, cwd);

function renamedCopy(source: string, from: string, label: string): { root: string; database: string } {
  const root = copyToTemp(source);
  const database = uniqueDatabaseName(label);
  created.push(database);
  mkdirSync(join(root, 'definitions'), { recursive: true });
  renameSync(join(root, from), join(root, 'definitions', database));
  const file = join(root, 'definitions', database, 'database.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: ${database}`));
  return { root, database };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!SERVER_URL)('apply processes', () => {
  it('two applies started together both succeed, one after the other: every object created once, rows inserted once', async () => {
    const { root, database } = renamedCopy(join(REPO_ROOT, 'definitions'), 'demo', 'concurrent');
    const args = ['apply', '--url', SERVER_URL!, '--format', 'json'];
    const [a, b] = await Promise.all([runProcess(args, root).done, runProcess(args, root).done]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    // Either process may create the database and either may then win the advisory lock, so both can report
    // work; what must hold is that the two reports together create each object exactly once.
    type Step = { step: string; created: string[]; updated: string[]; rows?: { inserted: number; updated: number; deactivated: number } };
    const steps = [a, b].flatMap((r) => (JSON.parse(r.stdout) as { databases: { steps: Step[] }[] }).databases[0].steps);
    const createdBy = (step: string) => steps.filter((s) => s.step === step).flatMap((s) => s.created).sort();
    expect(createdBy('databases')).toEqual([database]);
    expect(createdBy('schemas')).toEqual(['bronze', 'common', 'gold', 'silver', 'trading']);
    expect(createdBy('tables')).toHaveLength(8);
    expect(new Set(createdBy('tables')).size).toBe(8);
    expect(createdBy('temporal')).toEqual(['silver.dim_customer_hist']);
    expect(steps.filter((s) => s.step !== 'data').flatMap((s) => s.updated)).toEqual([]);
    const data = steps.filter((s) => s.step === 'data').map((s) => s.rows!);
    expect(data.reduce((sum, r) => sum + r.inserted, 0)).toBe(5);
    expect(data.reduce((sum, r) => sum + r.updated + r.deactivated, 0)).toBe(0);
    const rows = await queryDatabase<{ n: string }>(database, 'SELECT (SELECT count(*) FROM common.action_type) + (SELECT count(*) FROM common.trade_status_type) AS n');
    expect(rows[0].n).toBe('5');
  });

  it('killed with SIGKILL in the middle, it leaves the database as it was', async () => {
    // a few hundred tables, so the transaction is still open when the kill arrives
    const synthetic = writeProject({});
    const { writeSyntheticProject } = await import('../../bench/synthetic-project.mjs' as string) as { writeSyntheticProject: (dir: string, options: { tables: number; format: string }) => void };
    writeSyntheticProject(synthetic, { tables: 400, format: 'yaml' });
    const { root, database } = renamedCopy(join(synthetic, 'definitions'), 'synth', 'killed');
    rmSync(synthetic, { recursive: true, force: true });
    const prepared = runProcess(['apply', '--url', SERVER_URL!, '--only', 'databases'], root);
    expect((await prepared.done).code).toBe(0);
    const before = await queryDatabase<{ snapshot: string }>(database, CATALOG_SNAPSHOT);

    const apply = runProcess(['apply', '--url', SERVER_URL!], root);
    // the transaction holds the advisory lock from its first statement: kill once it is taken
    await waitFor(async () => {
      const locks = await queryDatabase<{ n: string }>(database, "SELECT count(*)::text AS n FROM pg_locks WHERE locktype = 'advisory' AND granted");
      return locks[0].n !== '0' ? true : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    apply.kill();
    const result = await apply.done;
    expect(result.signal).toBe('SIGKILL');
    expect(result.stdout).not.toMatch(/applied in/);
    // the server rolls back when it notices the client is gone
    await waitFor(async () => {
      const sessions = await queryDatabase<{ n: string }>(database, 'SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      return sessions[0].n === '0' ? true : undefined;
    });
    expect(await queryDatabase<{ snapshot: string }>(database, CATALOG_SNAPSHOT)).toEqual(before);
  });
});
