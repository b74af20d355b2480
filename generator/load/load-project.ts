/**
 * Reads a definitions folder (DESIGN.md §3) into source documents. Reading is the only impure step of
 * validation; everything after works on these values. Folder listings are sorted so that results never
 * depend on the file system's order.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve as resolvePath, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readCsv } from './csv-reader.js';
import { ParseCache } from './parse-cache.js';
import { validateStructure } from '../dsl/structure-validator.js';
import { loadDiagnostic } from './load-diagnostic.js';
import type { CsvRows, DocumentRole, SourceDocument } from './source-document.js';
import { readDefinitionFile, isDefinitionFile } from './read-definition.js';
import { NOT_UTF8_HINT, readUtf8 } from './read-text.js';
import { toPosix } from '../util/posix-path.js';

export interface LoadedProject {
  readonly documents: SourceDocument[];
  /** Files that could not be parsed: references to what they define are not reported again. */
  readonly unreadable: UnreadableFile[];
  readonly diagnostics: Diagnostic[];
  /** Every file read, as displayed in diagnostics. */
  readonly files: string[];
}

export interface UnreadableFile {
  readonly role: DocumentRole;
  readonly database: string;
  readonly schemaFolder?: string;
  readonly fileStem: string;
}

export interface LoadOptions {
  /** Paths in diagnostics are shown relative to this folder (default: the working directory). */
  readonly displayBase?: string;
  /** Parsed YAML kept between runs (parse-cache.ts); none when absent. */
  readonly cacheFile?: string;
}

export async function loadProject(definitionsFolder: string, options: LoadOptions = {}): Promise<LoadedProject> {
  const definitionsDir = resolvePath(definitionsFolder);
  const display = displayPaths(definitionsDir, options.displayBase ?? process.cwd());
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const unreadable: UnreadableFile[] = [];
  const cache = options.cacheFile ? ParseCache.open(options.cacheFile) : undefined;
  const brokenLinks: string[] = [];
  const load = { definitionsDir, cache }; // one load: its TypeScript definitions run as one batch

  const readDocument = async (
    path: string, role: DocumentRole, database: string, schemaFolder?: string, csv?: CsvRows,
  ) => {
    const file = display(path);
    files.push(file);
    const result = await readDefinitionFile(path, file, load);
    diagnostics.push(...result.diagnostics);
    if (!result.parsed) {
      unreadable.push({ role, database, schemaFolder, fileStem: stem(path) });
      return;
    }
    const document: SourceDocument = {
      file, role, database, schemaFolder, csv,
      source: underFolder(definitionsDir, path).replace(/\.[^./]+$/, ''),
      fileStem: stem(path),
      value: result.parsed.value,
      locate: result.parsed.locate,
      writtenNumber: result.parsed.writtenNumber,
    };
    const key = result.parsed.contentKey;
    documents.push(cache && key !== undefined ? withStructureMark(document, key, cache) : document);
  };

  for (const databaseName of listDirectories(definitionsDir, brokenLinks)) {
    const databaseDir = join(definitionsDir, databaseName);
    const databaseFile = pickDefinition(databaseDir, 'database', diagnostics, display);
    if (!databaseFile) {
      diagnostics.push(loadDiagnostic('layout', { file: display(databaseDir), line: 1, column: 1 },
        `folder \`${databaseName}\` has no database.yaml`,
        `Create ${display(join(databaseDir, 'database.yaml'))} with at least \`name: ${databaseName}\`.`));
      continue;
    }
    await readDocument(databaseFile, 'database', databaseName);

    const schemasDir = join(databaseDir, 'schemas');
    for (const entry of listFiles(schemasDir, brokenLinks)) {
      const path = join(schemasDir, entry);
      if (isDefinitionFile(entry)) await readDocument(path, 'schema', databaseName);
      else reportStray(path, diagnostics, display);
    }

    const tablesDir = join(databaseDir, 'tables');
    for (const schemaFolder of listDirectories(tablesDir, brokenLinks)) {
      const folder = join(tablesDir, schemaFolder);
      const entries = listFiles(folder, brokenLinks);
      const entrySet = new Set(entries);
      const stems = new Set(entries.filter(isDefinitionFile).map(stem));
      for (const entry of entries) {
        const path = `${folder}${sep}${entry}`; // folder is normalized and entry a plain name: join() would only cost
        if (isDefinitionFile(entry)) {
          const csvPath = `${folder}${sep}${stem(entry)}.csv`;
          // the folder listing says whether a CSV is there: no stat per table
          const csv = entrySet.has(`${stem(entry)}.csv`) ? readSiblingCsv(csvPath, diagnostics, display) : undefined;
          await readDocument(path, 'table', databaseName, schemaFolder, csv);
        } else if (extname(entry) === '.csv') {
          if (!stems.has(stem(entry))) {
            diagnostics.push(loadDiagnostic('layout', { file: display(path), line: 1, column: 1 },
              `\`${entry}\` has no table definition beside it`,
              `Rows in a CSV belong to the reference table defined in ${stem(entry)}.yaml in the same folder.`));
          }
        } else {
          reportStray(path, diagnostics, display);
        }
      }
    }
    for (const entry of listFiles(databaseDir, brokenLinks)) {
      if (!isDefinitionFile(entry) || stem(entry) !== 'database') reportStray(join(databaseDir, entry), diagnostics, display);
    }
  }
  cache?.save();
  for (const path of new Set(brokenLinks)) {
    diagnostics.push(loadDiagnostic('layout', { file: display(path), line: 1, column: 1 },
      `\`${basename(path)}\` is a symbolic link to nothing`, 'Point the link at an existing file or folder, or remove it.'));
  }
  return { documents: withoutDuplicates(documents, diagnostics), unreadable, diagnostics, files };
}

/**
 * A YAML document's schema check, done once per text: the parse cache remembers texts that passed (per role:
 * the schema differs), so an unchanged file is not validated again. A document that fails is left unmarked and
 * resolve() reports it.
 */
function withStructureMark(document: SourceDocument, key: string, cache: ParseCache): SourceDocument {
  if (cache.hasValidStructure(key, document.role)) return { ...document, structureValid: true };
  if (validateStructure(document).length > 0) return document;
  cache.rememberValidStructure(key, document.role);
  return { ...document, structureValid: true };
}

function readSiblingCsv(path: string, diagnostics: Diagnostic[], display: (p: string) => string): CsvRows | undefined {
  if (!existsSync(path)) return undefined;
  const read = readUtf8(path);
  if ('notUtf8' in read) {
    diagnostics.push(loadDiagnostic('csv', { file: display(path), ...read.notUtf8 }, 'the file is not UTF-8 text', NOT_UTF8_HINT));
    return undefined;
  }
  const result = readCsv(display(path), read.text);
  diagnostics.push(...result.diagnostics);
  return result.rows;
}

/** `database.yaml` or `database.ts`; both at once is a duplicate. */
function pickDefinition(
  dir: string, name: string, diagnostics: Diagnostic[], display: (p: string) => string,
): string | undefined {
  // (a broken link here is reported by loadProject's own listing of the same folder)
  const candidates = listFiles(dir, []).filter((f) => isDefinitionFile(f) && stem(f) === name);
  if (candidates.length > 1) {
    diagnostics.push(loadDiagnostic('duplicate', { file: display(join(dir, candidates[1])), line: 1, column: 1 },
      `\`${name}\` is defined by ${candidates.join(' and ')}`));
  }
  return candidates.length > 0 ? join(dir, candidates[0]) : undefined;
}

/** `x.yaml` beside `x.ts`: the first is kept, the second reported and left out. */
function withoutDuplicates(documents: SourceDocument[], diagnostics: Diagnostic[]): SourceDocument[] {
  const seen = new Map<string, SourceDocument>();
  const kept: SourceDocument[] = [];
  for (const document of documents) {
    if (document.role === 'database') {
      kept.push(document);
      continue;
    }
    const key = `${document.database}/${document.role}/${document.schemaFolder ?? ''}/${document.fileStem}`;
    const earlier = seen.get(key);
    if (earlier) {
      diagnostics.push(loadDiagnostic('duplicate', { file: document.file, line: 1, column: 1 },
        `\`${document.fileStem}\` is defined twice: ${earlier.file} and ${document.file}`));
    } else {
      seen.set(key, document);
      kept.push(document);
    }
  }
  return kept;
}

function reportStray(path: string, diagnostics: Diagnostic[], display: (p: string) => string): void {
  const name = basename(path);
  if (name.startsWith('.') || /\.(md|txt)$/i.test(name)) return; // notes beside definitions are welcome
  diagnostics.push(loadDiagnostic('layout', { file: display(path), line: 1, column: 1 },
    `\`${name}\` is not where lakegen expects a definition`,
    'Databases live in <database>/database.yaml, schemas in <database>/schemas/<schema>.yaml, tables in <database>/tables/<schema>/<table>.yaml.'));
}

function listDirectories(dir: string, brokenLinks: string[]): string[] {
  return listEntries(dir, brokenLinks).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
}

function listFiles(dir: string, brokenLinks: string[]): string[] {
  return listEntries(dir, brokenLinks).filter((e) => e.isFile()).map((e) => e.name);
}

interface Entry {
  readonly name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

/**
 * A folder's entries, sorted, with symbolic links followed: a linked definition or schema folder is read like
 * any other. A link that leads nowhere is reported (loadProject's brokenLinks) instead of being passed over.
 */
function listEntries(dir: string, brokenLinks: string[]): Entry[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry): Entry[] => {
      if (!entry.isSymbolicLink()) return [entry];
      try {
        const target = statSync(join(dir, entry.name));
        return [{ name: entry.name, isFile: () => target.isFile(), isDirectory: () => target.isDirectory() }];
      } catch {
        brokenLinks.push(join(dir, entry.name));
        return [];
      }
    });
}



function stem(file: string): string {
  return basename(file, extname(file));
}

/**
 * Paths as diagnostics show them: relative to the display base. path.relative() normalizes both of its paths
 * on every call, a fifth of loading 1,000 files; below the definitions folder the display path is the
 * folder's own display path joined with the file's path inside it. (Not when the display base is inside the
 * definitions folder: there the shortest path does not pass through the folder.)
 */
function displayPaths(definitionsDir: string, displayBase: string): (path: string) => string {
  const prefix = toPosix(relative(displayBase, definitionsDir));
  const slow = (path: string) => toPosix(relative(displayBase, path) || path);
  if (prefix === '..' || prefix.endsWith('/..')) return slow;
  return (path) => {
    if (!path.startsWith(`${definitionsDir}${sep}`)) return slow(path);
    const inside = toPosix(path.slice(definitionsDir.length + 1));
    return prefix === '' ? inside : `${prefix}/${inside}`;
  };
}

/** `path` relative to `folder`, which holds it, with `/`. */
function underFolder(folder: string, path: string): string {
  return path.startsWith(`${folder}${sep}`) ? toPosix(path.slice(folder.length + 1)) : toPosix(relative(folder, path));
}

