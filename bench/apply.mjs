#!/usr/bin/env node
// apply on the local server next to `psql -1 -f deploy.sql` of the same generated SQL (bench/README.md).
//
//   node bench/apply.mjs [--sizes 100,1000] [--runs 3] [--url postgres://postgres@127.0.0.1:5432/postgres]
//
// Each run starts with no database: `lakegen apply` creates and fills it; the psql side does the same with
// the compiled files (database.sql creates it, deploy.sql fills it in one transaction), both timed in full.
// Prints medians and the ratio.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, renameSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSyntheticProject } from './synthetic-project.mjs';

const REPO = dirname(dirname(fileURLToPath(import.meta.url)));
const LAKEGEN = join(REPO, 'bin', 'lakegen.js');
const { values } = parseArgs({ options: {
  sizes: { type: 'string', default: '100,1000' },
  runs: { type: 'string', default: '3' },
  url: { type: 'string', default: process.env.LAKEGEN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
} });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const run = (command, args, options = {}) => {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    process.stderr.write(`${command} ${args.join(' ')} failed:\n${result.stderr}\n${result.stdout}\n`);
    process.exit(1);
  }
  return ms;
};
const admin = new URL(values.url);
const psql = (database, args) => ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', admin.hostname, '-p', admin.port || '5432', '-U', admin.username || 'postgres', '-d', database, ...args];

const rows = [];
for (const size of values.sizes.split(',').map(Number)) {
  const project = mkdtempSync(join(tmpdir(), 'lakegen-bench-apply-'));
  writeSyntheticProject(project, { tables: size, format: 'yaml' });
  const database = `lg_bench_${size}`;
  mkdirSync(join(project, 'renamed'));
  renameSync(join(project, 'definitions', 'synth'), join(project, 'renamed', database));
  rmSync(join(project, 'definitions'), { recursive: true });
  renameSync(join(project, 'renamed'), join(project, 'definitions'));
  const dbFile = join(project, 'definitions', database, 'database.yaml');
  writeFileSync(dbFile, readFileSync(dbFile, 'utf8').replace(/^name: .*$/m, `name: ${database}`));
  run(process.execPath, [LAKEGEN, 'compile', '--target', 'postgres', project]);
  const deploy = join(project, 'generated', 'postgres', database, 'deploy.sql');
  if (!existsSync(deploy)) throw new Error(`no ${deploy}`);

  const applyTimes = [];
  const psqlTimes = [];
  for (let i = 0; i < Number(values.runs); i++) {
    run('psql', psql('postgres', ['-c', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`]));
    applyTimes.push(run(process.execPath, [LAKEGEN, 'apply', '--url', values.url, project], { env: { ...process.env, NO_COLOR: '1' } }));
    run('psql', psql('postgres', ['-c', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`]));
    psqlTimes.push(run('psql', psql('postgres', ['-f', deploy.replace(/deploy\.sql$/, 'database.sql')])) + run('psql', psql(database, ['-1', '-f', deploy])));
  }
  run('psql', psql('postgres', ['-c', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`]));
  rmSync(project, { recursive: true, force: true });
  rows.push([size, median(applyTimes), median(psqlTimes)]);
  process.stderr.write(`${size} tables: apply ${median(applyTimes).toFixed(0)} ms, psql ${median(psqlTimes).toFixed(0)} ms\n`);
}
process.stdout.write('| tables | lakegen apply (median ms) | psql -f database.sql && psql -1 -f deploy.sql (median ms) | ratio |\n|---|---|---|---|\n');
for (const [size, apply, plain] of rows) process.stdout.write(`| ${size} | ${apply.toFixed(0)} | ${plain.toFixed(0)} | ${(apply / plain).toFixed(2)}× |\n`);
