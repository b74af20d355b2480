/**
 * `lakegen validate [paths…]`: load, check, report. With file paths (as pre-commit passes them) the whole
 * project is checked, and the report keeps the diagnostics of those files plus the cross-file errors they cause.
 */
import { relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DIAGNOSTIC_FORMATS, formatDiagnostics, type DiagnosticFormat } from '../diagnostics/format.js';
import type { AnalyzedProject } from '../project/analyze.js';
import { analyzeFromArgument } from './project-argument.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, useColor, type CliIo } from './io.js';

export interface ValidateOptions {
  readonly format?: string;
}

export async function validateCommand(paths: string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const format = parseFormat(options.format);
  const project = await analyzeFromArgument(paths[0], io);
  const files = paths.filter((p) => statSync(resolve(io.cwd, p)).isFile()).map((p) => relative(io.cwd, resolve(io.cwd, p)));
  const diagnostics = files.length > 0 ? relevantTo(project, files) : project.diagnostics;
  io.stdout(formatDiagnostics(diagnostics, format, { color: useColor(io), fileCount: files.length || project.files.length }));
  return diagnostics.some((d) => d.severity === 'error') ? EXIT_FAILURE : EXIT_OK;
}

export function parseFormat(format: string | undefined): DiagnosticFormat {
  const value = format ?? 'pretty';
  if (!(DIAGNOSTIC_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--format must be one of ${DIAGNOSTIC_FORMATS.join(', ')}, not \`${value}\``);
  }
  return value as DiagnosticFormat;
}

const CROSS_FILE_FAMILIES = ['references/', 'layer/', 'model/duplicate-object', 'model/unknown-schema'];

/** Diagnostics in the given files, and cross-file ones elsewhere that name an object those files define. */
function relevantTo(project: AnalyzedProject, files: string[]): Diagnostic[] {
  const given = new Set(files);
  const stems = files.map((f) => f.replace(/^.*\//, '').replace(/\.[^.]+$/, ''));
  const mentions = (d: Diagnostic) => stems.some((s) => new RegExp(`\\b${s.replace(/[^a-z0-9_]/gi, '\\$&')}\\b`).test(d.message));
  return project.diagnostics.filter((d) =>
    given.has(d.file) || (d.severity === 'error' && CROSS_FILE_FAMILIES.some((f) => d.rule.startsWith(f)) && mentions(d)));
}
