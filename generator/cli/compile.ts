/**
 * `lakegen compile [path] [--check] [--target …] [--out dir]`: definitions → generated/. Any error and
 * nothing is written; `--check` writes nothing and exits 1 when generated/ differs from what compile writes.
 */
import { createTwoFilesPatch } from 'diff';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compileCatalog } from '../compile/compile-project.js';
import { formatDiagnostics } from '../diagnostics/format.js';
import { TARGET_NAMES, type TargetName } from '../project/config.js';
import { AVAILABLE_TARGETS } from '../targets/registry.js';
import { compareOutput, writeOutput, type OutputComparison } from '../write/output-folder.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, useColor, type CliIo } from './io.js';
import { analyzeFromArgument } from './project-argument.js';
import { parseFormat } from './validate.js';
import { createProgress } from './progress.js';

export interface CompileOptions {
  readonly check?: boolean;
  readonly watch?: boolean;
  readonly target?: string | string[];
  readonly out?: string;
  readonly format?: string;
}

const DIFF_LINES = 40;

export async function compileCommand(path: string | undefined, options: CompileOptions, io: CliIo): Promise<number> {
  if (options.watch && options.check) throw new UsageError('--watch and --check do not go together');
  const code = await compileOnce(path, options, io);
  if (!options.watch) return code;
  const { watchDefinitions } = await import('../compile/watch.js');
  const project = await analyzeFromArgument(path, io);
  return watchDefinitions(project.root, project.definitionsDir, () => compileOnce(path, options, io), io);
}

async function compileOnce(path: string | undefined, options: CompileOptions, io: CliIo): Promise<number> {
  const format = parseFormat(options.format);
  // --target names the targets before the config is read: the rules about their objects must follow them
  const explicit = options.target === undefined ? undefined : chooseTargets(options.target, TARGET_NAMES);
  const project = await analyzeFromArgument(path, io, explicit);
  const targets = explicit ?? chooseTargets(undefined, project.config.targets);
  const report = (diagnostics: typeof project.diagnostics) =>
    diagnostics.length > 0 && io.stderr(formatDiagnostics(diagnostics, format, { color: useColor(io), fileCount: project.files.length }));
  if (!project.ok) {
    report(project.diagnostics);
    io.stderr('compile: definitions have errors; nothing written\n');
    return EXIT_FAILURE;
  }
  const progress = createProgress(io);
  const tables = project.catalog.databases.reduce((n, d) => n + d.schemas.reduce((m, s) => m + s.tables.length, 0), 0);
  const result = await compileCatalog(project.catalog, targets, project.config, (name, index, total) => {
    progress.update(`compiling ${tables} tables: ${name} (${index}/${total})`);
  });
  progress.done();
  const diagnostics = [...project.diagnostics, ...result.diagnostics];
  report(diagnostics);
  if (!result.ok) {
    io.stderr('compile: targets reported errors; nothing written\n');
    return EXIT_FAILURE;
  }
  const outDir = options.out ? resolve(io.cwd, options.out) : resolve(project.root, project.config.output);
  const comparison = compareOutput(outDir, targets, result.files);
  const shownOut = relative(io.cwd, outDir) || '.';
  if (options.check) return reportCheck(comparison, outDir, shownOut, io);
  writeOutput(outDir, comparison);
  const written = comparison.changed.length + comparison.missing.length;
  io.stdout(`compiled ${targets.join(', ')}: ${result.files.length} files, ${written} written, ` +
    `${comparison.unchanged.length} unchanged, ${comparison.extra.length} deleted → ${shownOut}\n`);
  for (const foreign of comparison.foreign) io.stderr(`note: ${join(shownOut, foreign)} was not written by lakegen; left alone\n`);
  return EXIT_OK;
}

function chooseTargets(option: string | string[] | undefined, configured: readonly TargetName[]): TargetName[] {
  if (option === undefined) return configured.filter((t) => AVAILABLE_TARGETS.includes(t));
  const requested = (Array.isArray(option) ? option : [option]).flatMap((t) => String(t).split(',')).map((t) => t.trim());
  for (const name of requested) {
    if (!(TARGET_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`unknown target \`${name}\`; targets: ${TARGET_NAMES.join(', ')}`);
    }
    if (!AVAILABLE_TARGETS.includes(name as TargetName)) throw new UsageError(`target \`${name}\` is not available in this version`);
  }
  return [...new Set(requested)] as TargetName[];
}

function reportCheck(comparison: OutputComparison, outDir: string, shownOut: string, io: CliIo): number {
  const { changed, missing, extra } = comparison;
  if (changed.length + missing.length + extra.length === 0) {
    io.stdout(`${shownOut} is up to date (${comparison.unchanged.length} files)\n`);
    return EXIT_OK;
  }
  const lines: string[] = [`${shownOut} is stale: run \`lakegen compile\` and commit the result`];
  for (const file of changed) {
    lines.push(`  changed: ${join(shownOut, file.path)}`);
    // no header text (a tab would follow the names), and the diff from its `--- a/` line on, past the rule
    const patch = createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, readFileSync(join(outDir, file.path), 'utf8'), file.contents, undefined, undefined, { context: 1 });
    const patchLines = patch.split('\n').slice(1);
    lines.push(...patchLines.slice(0, DIFF_LINES).map((l) => `    ${l}`));
    if (patchLines.length > DIFF_LINES) lines.push(`    … ${patchLines.length - DIFF_LINES} more diff lines`);
  }
  for (const file of missing) lines.push(`  missing: ${join(shownOut, file.path)}`);
  for (const path of extra) lines.push(`  extra:   ${join(shownOut, path)} (no longer generated)`);
  io.stderr(`${lines.join('\n')}\n`);
  return EXIT_FAILURE;
}
