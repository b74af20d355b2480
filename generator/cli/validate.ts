/**
 * `lakegen validate [paths…]`: load, check, report. With file paths (as pre-commit passes them) the whole
 * project is checked, and the report keeps the diagnostics of those files plus the cross-file errors they cause.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { findTable } from '../model/catalog.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { targetDiagnostics } from '../compile/compile-project.js';
import { DIAGNOSTIC_FORMATS, formatDiagnostics, type DiagnosticFormat } from '../diagnostics/format.js';
import type { AnalyzedProject } from '../project/analyze.js';
import { analyzeFromArgument } from './project-argument.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, useColor, type CliIo } from './io.js';
import { toPosix } from '../util/posix-path.js';

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
  // with only deleted paths, the project is found from the nearest folder that still exists
  const project = await analyzeFromArgument(existing[0] ?? nearestExisting(paths[0], io.cwd), io);
  const files = paths.filter((p) => !existsSync(resolve(io.cwd, p)) || statSync(resolve(io.cwd, p)).isFile())
    .map((p) => toPosix(relative(io.cwd, resolve(io.cwd, p))));
  // what the configured targets cannot carry (LG8xx) is judged on a valid Catalog, as compile judges it
  const all = project.ok
    ? sortDiagnostics([...project.diagnostics, ...await targetDiagnostics(project.catalog, project.config.targets, project.config)])
    : project.diagnostics;
  const diagnostics = files.length > 0 ? relevantTo(project, all, files) : all;
  io.stdout(formatDiagnostics(diagnostics, format, {
    color: useColor(io), fileCount: files.length || project.files.length, repositoryPath: repositoryPaths(io),
  }));
  return diagnostics.some((d) => d.severity === 'error') ? EXIT_FAILURE : EXIT_OK;
}

/**
 * GitHub places an annotation by its path from the repository root, not from where validate ran: from
 * GITHUB_WORKSPACE in a workflow, else from the folder that holds .git.
 */
function repositoryPaths(io: CliIo): (file: string) => string {
  let root = io.env.GITHUB_WORKSPACE;
  for (let dir = io.cwd; !root; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) root = dir;
    else if (dirname(dir) === dir) root = io.cwd;
  }
  const base = root;
  return (file) => toPosix(relative(base, resolve(io.cwd, file)));
}

function nearestExisting(path: string | undefined, cwd: string): string | undefined {
  if (path === undefined) return undefined;
  for (let dir = dirname(resolve(cwd, path)); ; dir = dirname(dir)) {
    if (existsSync(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
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

const CROSS_FILE_FAMILIES = ['references/', 'layer/', 'model/duplicate-object', 'model/unknown-schema', 'naming/derived-collision',
  'rows/missing-referenced-row'];

/**
 * With file paths (pre-commit): the diagnostics of every file the given ones can break. A table file affects
 * itself, its CSV and the tables that reference a table it defines; a schema file every table in the schema;
 * database.yaml the whole database; a file that is not a definition (a TypeScript helper that definitions
 * import) or no longer exists (a deleted definition), the whole project. Errors of cross-file rules that name
 * an object of a given file are kept too: a renamed table is no longer in the Catalog to follow.
 */
function relevantTo(project: AnalyzedProject, all: readonly Diagnostic[], files: string[]): Diagnostic[] {
  const definitions = new Set(project.files);
  if (files.some((file) => !definitions.has(file) && !file.endsWith('.csv'))) return [...all];
  const affected = new Set(files);
  const under = (prefix: string) => project.files.filter((file) => file.startsWith(prefix)).forEach((file) => affected.add(file));
  for (const file of files) {
    const stem = file.replace(/\.[^./]+$/, '');
    for (const sibling of [`${stem}.csv`, `${stem}.yaml`, `${stem}.yml`, `${stem}.ts`]) affected.add(sibling);
    // a leading `/` so that `schemas/x.yaml`, given from inside a database folder, matches too
    const schema = /^(.*\/)schemas\/([^/]+)\.[^./]+$/.exec(`/${file}`);
    if (schema) under(`${schema[1]}tables/${schema[2]}/`.slice(1));
    const database = /^(.*\/)database\.[^./]+$/.exec(`/${file}`);
    if (database) under(database[1].slice(1));
  }
  for (const database of project.catalog.databases) {
    for (const table of database.schemas.flatMap((s) => s.tables)) {
      for (const column of table.columns) {
        const target = column.references && findTable(database, column.references.schema, column.references.table);
        if (target && files.includes(target.span.file)) affected.add(table.span.file);
      }
    }
  }
  // a name only counts in the database of the file that defines it; `database` (database.yaml) is no name
  const databaseOf = databaseFolders(project);
  const stems = files.map((f) => ({ stem: f.replace(/^.*\//, '').replace(/\.[^.]+$/, ''), database: databaseOf(f) }))
    .filter(({ stem }) => stem !== 'database');
  const mentions = (d: Diagnostic) => stems.some(({ stem, database }) =>
    (database === undefined || databaseOf(d.file) === undefined || databaseOf(d.file) === database)
    && new RegExp(`\\b${stem.replace(/[^a-z0-9_]/gi, '\\$&')}\\b`).test(d.message));
  return all.filter((d) =>
    affected.has(d.file) || (d.severity === 'error' && CROSS_FILE_FAMILIES.some((f) => d.rule.startsWith(f)) && mentions(d)));
}

/** The database folder a displayed file belongs to, from where the Catalog's database files are. */
function databaseFolders(project: AnalyzedProject): (file: string) => string | undefined {
  const folders = project.catalog.databases.map((d) => d.span.file.replace(/[^/]*$/, ''));
  return (file) => folders.find((folder) => file.startsWith(folder) || `/${file}`.startsWith(`/${folder}`));
}

