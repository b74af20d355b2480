/**
 * `lakegen validate [paths…]`: load, check, report. With file paths (as pre-commit passes them) the whole
 * project is checked, and the report keeps the diagnostics of those files plus the cross-file errors they cause.
 */
import { relative, resolve, sep } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { findTable } from '../model/catalog.js';
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
  // a path that no longer exists is a file the commit deletes: the project is found from the others
  const existing = paths.filter((p) => existsSync(resolve(io.cwd, p)));
  if (paths.length > 0 && existing.length === 0 && !paths.some(looksLikeAFile)) {
    throw new UsageError(`no such file or folder: ${paths[0]}`);
  }
  const project = await analyzeFromArgument(existing[0], io);
  const files = paths.filter((p) => !existsSync(resolve(io.cwd, p)) || statSync(resolve(io.cwd, p)).isFile())
    .map((p) => toPosix(relative(io.cwd, resolve(io.cwd, p))));
  const diagnostics = files.length > 0 ? relevantTo(project, files) : project.diagnostics;
  io.stdout(formatDiagnostics(diagnostics, format, { color: useColor(io), fileCount: files.length || project.files.length }));
  return diagnostics.some((d) => d.severity === 'error') ? EXIT_FAILURE : EXIT_OK;
}

/** A deleted definition or helper, as pre-commit passes it (a typo in a folder name is still a usage error). */
function looksLikeAFile(path: string): boolean {
  return /\.(ya?ml|m?ts|csv)$/.test(path);
}

export function parseFormat(format: string | undefined): DiagnosticFormat {
  const value = format ?? 'pretty';
  if (!(DIAGNOSTIC_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--format must be one of ${DIAGNOSTIC_FORMATS.join(', ')}, not \`${value}\``);
  }
  return value as DiagnosticFormat;
}

const CROSS_FILE_FAMILIES = ['references/', 'layer/', 'model/duplicate-object', 'model/unknown-schema'];

/**
 * With file paths (pre-commit): the diagnostics of every file the given ones can break. A table file affects
 * itself, its CSV and the tables that reference a table it defines; a schema file every table in the schema;
 * database.yaml the whole database; a file that is not a definition (a TypeScript helper that definitions
 * import) or no longer exists (a deleted definition), the whole project. Errors of cross-file rules that name
 * an object of a given file are kept too: a renamed table is no longer in the Catalog to follow.
 */
function relevantTo(project: AnalyzedProject, files: string[]): Diagnostic[] {
  const definitions = new Set(project.files);
  if (files.some((file) => !definitions.has(file) && !file.endsWith('.csv'))) return [...project.diagnostics];
  const affected = new Set(files);
  const under = (prefix: string) => project.files.filter((file) => file.startsWith(prefix)).forEach((file) => affected.add(file));
  for (const file of files) {
    const stem = file.replace(/\.[^./]+$/, '');
    for (const sibling of [`${stem}.csv`, `${stem}.yaml`, `${stem}.yml`, `${stem}.ts`]) affected.add(sibling);
    const schema = /^(.*\/)schemas\/([^/]+)\.[^./]+$/.exec(file);
    if (schema) under(`${schema[1]}tables/${schema[2]}/`);
    const database = /^(.*\/)database\.[^./]+$/.exec(file);
    if (database) under(database[1]);
  }
  for (const database of project.catalog.databases) {
    for (const table of database.schemas.flatMap((s) => s.tables)) {
      for (const column of table.columns) {
        const target = column.references && findTable(database, column.references.schema, column.references.table);
        if (target && files.includes(target.span.file)) affected.add(table.span.file);
      }
    }
  }
  const stems = files.map((f) => f.replace(/^.*\//, '').replace(/\.[^.]+$/, ''));
  const mentions = (d: Diagnostic) => stems.some((s) => new RegExp(`\\b${s.replace(/[^a-z0-9_]/gi, '\\$&')}\\b`).test(d.message));
  return project.diagnostics.filter((d) =>
    affected.has(d.file) || (d.severity === 'error' && CROSS_FILE_FAMILIES.some((f) => d.rule.startsWith(f)) && mentions(d)));
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
