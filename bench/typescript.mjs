#!/usr/bin/env node
// Benchmark of the typescript target (issue 6) on synthetic projects:
//
//   npm run build && node bench/typescript.mjs [--sizes 1000,5000] [--runs 3] [--tsc 1000] [--ts-morph 1000,5000]
//   (`--tsc 0` / `--ts-morph 0` skip those parts)
//
// 1. `lakegen compile --target typescript` as a whole CLI process per size (postgres alongside, for scale);
// 2. `tsc --noEmit --strict` of the generated client at the --tsc size (check time and memory from
//    --extendedDiagnostics), and the size of the largest generated file;
// 3. in process, the target's generate() against emitting the same declarations through ts-morph's
//    structures API, at the --ts-morph sizes (`--ts-morph 0` skips it: about a minute per 1,000 tables): the
//    measurement behind "templates, not ts-morph" (docs/typescript-client.md).
// Plain Node; loads the compiler from dist/. Output goes to bench/.out/typescript-<N>/ (git-ignored).

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSyntheticProject } from './synthetic-project.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = dirname(BENCH);
const LAKEGEN = join(REPO, 'bin', 'lakegen.js');
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const CHILD_ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

const log = (text) => process.stderr.write(`${text}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,5000' },
      runs: { type: 'string', default: '3' },
      tsc: { type: 'string', default: '1000' },
      'ts-morph': { type: 'string', default: '1000,5000' },
    },
  });
  return {
    sizes: values.sizes.split(',').map(Number),
    runs: Number(values.runs),
    tscSize: Number(values.tsc),
    tsMorphSizes: values['ts-morph'].split(',').map(Number),
  };
}

function run(command, args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd: REPO, env: CHILD_ENV, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) {
    log(`failed (${child.status}): ${command} ${args.join(' ')}\n${child.stdout}\n${child.stderr}`);
    process.exit(1);
  }
  return { ms, stdout: child.stdout };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

/** The synthetic project of N tables under bench/.out/typescript-<N>/project. */
function project(size) {
  const folder = join(BENCH, '.out', `typescript-${size}`);
  writeSyntheticProject(join(folder, 'project'), { tables: size });
  return folder;
}

function compileTimes(folder, target, runs) {
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    const out = join(folder, `out-${target}`);
    rmSync(out, { recursive: true, force: true });
    const { ms } = run(process.execPath, [LAKEGEN, 'compile', '--target', target, '--out', out, join(folder, 'project')]);
    if (i > 0) samples.push(ms); // the first run warms the file cache
  }
  return stats(samples);
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath ?? e.path, e.name));
}

/** tsc on the generated client, as an application would compile it (see tests/targets/typescript/output.ts). */
function typecheck(folder) {
  const out = join(folder, 'out-typescript');
  writeFileSync(join(out, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext',
      skipLibCheck: true, types: ['node'],
    },
    include: ['typescript/**/*.ts'],
  }, null, 2));
  const { ms, stdout } = run(process.execPath, [TSC, '-p', join(out, 'tsconfig.json'), '--extendedDiagnostics']);
  const figure = (name) => stdout.match(new RegExp(`^${name}:\\s+(\\S+)`, 'm'))?.[1] ?? 'n/a';
  return { ms, check: figure('Check time'), memory: figure('Memory used') };
}

/** How big the generated client is: the editor opens one schema module at a time. */
function fileStats(folder) {
  const files = listFiles(join(folder, 'out-typescript', 'typescript'));
  const lines = files.map((f) => readFileSync(f, 'utf8').split('\n').length);
  return { files: files.length, maxLines: Math.max(...lines), totalLines: lines.reduce((a, b) => a + b, 0) };
}

async function inProcess(folder, withTsMorph) {
  const dist = (path) => import(pathToFileURL(join(REPO, 'dist', 'generator', path)).href);
  const { analyzeProject } = await dist('project/analyze.js');
  const { typescriptTarget } = await dist('targets/typescript/index.js');
  const root = join(folder, 'project');
  const { catalog, config } = await analyzeProject({ root }, root);
  typescriptTarget.generate(catalog, { config }); // compiles the templates, warms the JIT
  let started = performance.now();
  typescriptTarget.generate(catalog, { config });
  const templates = performance.now() - started;
  if (!withTsMorph) return { templates };
  const { Project } = await import('ts-morph');
  started = performance.now();
  emitWithTsMorph(Project, catalog);
  return { templates, tsMorph: performance.now() - started };
}

/** The interfaces alone (row, insert, Kysely table per table) through ts-morph structures: a lower bound. */
function emitWithTsMorph(Project, catalog) {
  const project = new Project({ useInMemoryFileSystem: true });
  for (const database of catalog.databases) {
    for (const schema of database.schemas) {
      const file = project.createSourceFile(`/${schema.name}.ts`, '', { overwrite: true });
      for (const table of schema.tables) {
        for (const suffix of ['Row', 'Insert', 'Table']) {
          file.addInterface({
            name: `${table.name}_${suffix}`,
            isExported: true,
            docs: table.description ? [table.description] : [],
            properties: table.columns.map((c) => ({ name: c.name, type: 'string', hasQuestionToken: suffix === 'Insert' && c.nullable })),
          });
        }
      }
      file.getFullText();
    }
  }
}

async function main() {
  const { sizes, runs, tscSize, tsMorphSizes } = options();
  log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}`);
  const rows = [];
  for (const size of [...new Set([...sizes, tscSize])].filter((n) => n > 0).sort((a, b) => a - b)) {
    log(`${size} tables: writing the synthetic project`);
    const folder = project(size);
    const row = { size };
    if (sizes.includes(size)) {
      log(`${size} tables: compile --target typescript / postgres, ${runs} runs each`);
      row.typescript = compileTimes(folder, 'typescript', runs);
      row.postgres = compileTimes(folder, 'postgres', runs);
      row.output = fileStats(folder);
    }
    if (size === tscSize) {
      if (!row.typescript) compileTimes(folder, 'typescript', 0);
      log(`${size} tables: tsc --noEmit of the generated client`);
      row.tsc = typecheck(folder);
    }
    if (sizes.includes(size)) {
      const withTsMorph = tsMorphSizes.includes(size);
      log(`${size} tables: in-process generate()${withTsMorph ? ' vs ts-morph structures' : ''}`);
      row.inProcess = await inProcess(folder, withTsMorph);
    }
    rows.push(row);
  }
  report(rows);
}

function report(rows) {
  const f = (ms) => (ms === undefined ? '–' : Math.round(ms).toString());
  const out = [
    '| tables | compile typescript (median / min / max ms) | compile postgres (median ms) | generate() in process ms | ts-morph, interfaces only, ms | files / lines / largest file |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    if (!r.typescript) continue;
    out.push(`| ${r.size} | ${f(r.typescript.median)} / ${f(r.typescript.min)} / ${f(r.typescript.max)} | ${f(r.postgres.median)} | ` +
      `${f(r.inProcess?.templates)} | ${f(r.inProcess?.tsMorph)} | ${r.output.files} / ${r.output.totalLines} / ${r.output.maxLines} |`);
  }
  for (const r of rows.filter((x) => x.tsc)) {
    out.push('', `tsc --noEmit --strict of the generated client at ${r.size} tables: ${f(r.tsc.ms)} ms wall, check time ${r.tsc.check}, memory ${r.tsc.memory}.`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
