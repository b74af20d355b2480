#!/usr/bin/env node
// Benchmark of whole lakegen CLI processes on synthetic projects (see bench/README.md).
//
//   npm run bench -- [--sizes 100,1000,5000] [--runs 5] [--only validate,compile] [--format yaml|ts] [--warmup 1]
//
// Plain Node, no dependencies. Prints a Markdown table on stdout, progress on stderr.
// Exits 1 (after printing the command and its stderr) when a command fails.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSyntheticProject } from './synthetic-project.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = dirname(BENCH);
// LAKEGEN_BENCH_CLI points the benchmark at another build of the CLI (e.g. a checkout of main).
const LAKEGEN = process.env.LAKEGEN_BENCH_CLI ? resolve(process.env.LAKEGEN_BENCH_CLI) : join(REPO, 'bin', 'lakegen.js');

// ---------------------------------------------------------------------------------------------
// The commands timed — adjust here when the CLI changes. Each is the argument list given to
// `node`; it runs with cwd = the project folder (bench/.out/<N>/, which holds definitions/), so the
// repository's own definitions/ and lakegen.config.yaml are never picked up.
//   project: absolute path of bench/.out/<N>/
//   out:     a fresh, empty temporary folder per run, so no run profits from "write only what changed"
//            of the one before; all are removed when the benchmark ends, not between runs, so that the
//            file system's work of deleting one run's files does not land in the next run's time
//   kept:    one folder per size kept across runs: `recompile` measures the everyday case, compiling
//            into an up-to-date generated/ (the warm-up run fills it)
//   validate runs with the parse cache of .lakegen/cache/ that the warm-up filled (the pre-commit case);
//   validate-cold without it (LAKEGEN_NO_CACHE), as on a fresh checkout.
const COMMANDS = {
  validate: ({ project }) => [LAKEGEN, 'validate', join(project, 'definitions')],
  'validate-cold': ({ project }) => [LAKEGEN, 'validate', join(project, 'definitions')],
  compile: ({ project, out }) => [LAKEGEN, 'compile', '--target', 'postgres', '--out', out, project],
  recompile: ({ project, kept }) => [LAKEGEN, 'compile', '--target', 'postgres', '--out', kept, project],
};
const CHILD_ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const COMMAND_ENV = { 'validate-cold': { LAKEGEN_NO_CACHE: '1' } };
const RUN_TIMEOUT_MS = 10 * 60 * 1000;
const GNU_TIME = '/usr/bin/time';
// ---------------------------------------------------------------------------------------------

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,5000' },
      runs: { type: 'string', default: '5' },
      only: { type: 'string', default: Object.keys(COMMANDS).join(',') },
      format: { type: 'string', default: 'yaml' },
      warmup: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'usage: node bench/run.mjs [--sizes 100,1000,5000] [--runs 5] [--only validate,compile] ' +
        '[--format yaml|ts] [--warmup 1]\n',
    );
    process.exit(0);
  }
  const sizes = values.sizes.split(',').map(Number);
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const only = values.only.split(',').map((s) => s.trim()).filter(Boolean);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--sizes: positive integers, got ${values.sizes}`);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs: a positive integer, got ${values.runs}`);
  if (!Number.isInteger(warmup) || warmup < 0) fail(`--warmup: a non-negative integer, got ${values.warmup}`);
  if (values.format !== 'yaml' && values.format !== 'ts') fail(`--format: yaml or ts, got ${values.format}`);
  const unknown = only.filter((name) => !(name in COMMANDS));
  if (unknown.length > 0) fail(`--only: unknown command ${unknown.join(', ')} (known: ${Object.keys(COMMANDS).join(', ')})`);
  return { sizes, runs, warmup, only, format: values.format };
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

const log = (message) => process.stderr.write(`${message}\n`);

/** bench/.out/<N>/ (or <N>-ts/), regenerated only when the generator's source, N or the format changed. */
function prepareProject(tables, format) {
  const project = join(BENCH, '.out', format === 'yaml' ? String(tables) : `${tables}-ts`);
  const generator = createHash('sha256').update(readFileSync(join(BENCH, 'synthetic-project.mjs'))).digest('hex').slice(0, 16);
  const stampPath = join(project, '.generator.json');
  const stamp = JSON.stringify({ generator, tables, format });
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) {
    log(`reusing ${relative(REPO, project)}`);
    return project;
  }
  const summary = writeSyntheticProject(project, { tables, format });
  writeFileSync(stampPath, stamp);
  log(`generated ${relative(REPO, project)}: ${summary.schemas} schemas, ${summary.tables} tables, ${(summary.bytes / 1024).toFixed(0)} KiB`);
  return project;
}

/** GNU time writes the child's peak RSS (%M, KiB) to a file; BSD/busybox time or none: no memory figure. */
function gnuTimeAvailable() {
  if (!existsSync(GNU_TIME)) return false;
  const dir = mkdtempSync(join(tmpdir(), 'lakegen-bench-'));
  try {
    const file = join(dir, 'rss');
    const probe = spawnSync(GNU_TIME, ['-f', '%M', '-o', file, process.execPath, '-e', ''], { stdio: 'ignore' });
    return probe.status === 0 && /^\d+$/m.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One whole-process run: { ms, rssKiB | undefined }; exits the benchmark when the command fails. */
const scratch = mkdtempSync(join(tmpdir(), 'lakegen-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

function runOnce(name, project, withTime) {
  const out = mkdtempSync(join(scratch, 'out-'));
  const kept = join(scratch, `kept-${project.split(/[\\/]/).pop()}`);
  const rssFile = `${out}.rss`;
  try {
    const nodeArgs = COMMANDS[name]({ project, out, kept });
    const [file, args] = withTime
      ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
    const started = process.hrtime.bigint();
    const child = spawnSync(file, args, {
      cwd: project,
      env: { ...CHILD_ENV, ...COMMAND_ENV[name] },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: RUN_TIMEOUT_MS,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (child.error || child.status !== 0) throw new CommandFailed(describeFailure(name, nodeArgs, project, child));
    let rssKiB;
    if (withTime) {
      // GNU time may put "Command exited with non-zero status" first: the figure is the last line.
      const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
      rssKiB = Number(lines[lines.length - 1]);
    }
    return { ms, rssKiB };
  } finally {
    rmSync(rssFile, { force: true });
  }
}

class CommandFailed extends Error {}

function describeFailure(name, nodeArgs, project, child) {
  const shown = [process.execPath, ...nodeArgs].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
  const why = child.error
    ? child.error.message
    : child.signal
      ? `killed by ${child.signal}`
      : `exit status ${child.status}`;
  const tail = (text, max) => {
    const lines = (text ?? '').trimEnd().split('\n');
    return lines.length > max ? [...lines.slice(0, max), `… ${lines.length - max} more lines`].join('\n') : lines.join('\n');
  };
  let text = `${name} failed (${why})\n  cwd: ${project}\n  command: ${shown}\n`;
  if (child.stderr?.trim()) text += `--- stderr ---\n${tail(child.stderr, 100)}\n`;
  if (child.stdout?.trim()) text += `--- stdout ---\n${tail(child.stdout, 40)}\n`;
  if (!existsSync(join(REPO, 'dist')) && (child.stderr ?? '').includes(join(REPO, 'dist'))) {
    text += 'hint: dist/ is missing; run `npm run build` first\n';
  }
  return text;
}

function median(sorted) {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function gitCommit() {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : 'no commit';
}

function main() {
  const { sizes, runs, warmup, only, format } = options();
  if (!existsSync(LAKEGEN)) fail(`${relative(REPO, LAKEGEN)} not found: the CLI is needed (adjust COMMANDS in bench/run.mjs)`);
  const withTime = gnuTimeAvailable();
  if (!withTime) log(`${GNU_TIME} (GNU time) not usable: peak RSS is reported as n/a`);

  const rows = [];
  for (const size of sizes) {
    const project = prepareProject(size, format);
    for (const name of only) {
      for (let i = 0; i < warmup; i++) runOnce(name, project, false);
      const samples = [];
      for (let i = 0; i < runs; i++) {
        samples.push(runOnce(name, project, withTime));
        log(`  ${size} ${name}: run ${i + 1}/${runs} ${samples[i].ms.toFixed(0)} ms`);
      }
      const times = samples.map((s) => s.ms).sort((a, b) => a - b);
      const peak = withTime ? Math.max(...samples.map((s) => s.rssKiB)) / 1024 : undefined;
      rows.push({ size, name, median: median(times), min: times[0], max: times[times.length - 1], peak });
    }
  }

  // every figure includes Node's own start, which differs between machines more than lakegen's work does
  const nodeStart = median(Array.from({ length: Math.max(runs, 5) }, () => {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    return Number(process.hrtime.bigint() - started) / 1e6;
  }).sort((a, b) => a - b));

  const cpu = cpus();
  const lines = [
    `lakegen bench — node ${process.version}, ${process.platform}/${process.arch}, ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, commit ${gitCommit()}, ` +
      `${format} definitions, ${runs} run(s) after ${warmup} warm-up`,
    `Node's own start (\`node -e 0\`, included in every figure): median ${nodeStart.toFixed(0)} ms`,
    '',
    '| size | command | median ms | min ms | max ms | peak RSS MiB |',
    '|---:|---|---:|---:|---:|---:|',
    ...rows.map((r) =>
      `| ${r.size} | ${r.name} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)} | ${r.max.toFixed(0)} | ` +
        `${r.peak === undefined ? 'n/a' : r.peak.toFixed(1)} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof CommandFailed)) throw error;
  process.stderr.write(`\nbench: ${error.message}`);
  process.exitCode = 1;
}
