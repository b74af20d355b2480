/**
 * Writes generated files into the output folder: each file atomically (a temporary file in the same folder,
 * then rename), unchanged files untouched (their mtime stays, so watchers and make see no change), and files
 * of the compiled targets that are no longer generated deleted — but only files lakegen wrote (they carry
 * the generated-by header); anything else is left alone and reported. A target folder that does not exist
 * yet is written whole into a temporary folder beside it and renamed into place: one rename instead of one
 * per file (creating files is most of a first compile's time on a journaling file system), and a reader
 * sees all of the target's files or none.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { GeneratedFile } from '../targets/target.js';

export interface OutputComparison {
  readonly changed: GeneratedFile[];
  readonly missing: GeneratedFile[];
  readonly unchanged: GeneratedFile[];
  /** Generated earlier by lakegen, not any more. */
  readonly extra: string[];
  /** In a target folder but not written by lakegen: never deleted. */
  readonly foreign: string[];
}

export function compareOutput(outDir: string, targetFolders: readonly string[], files: readonly GeneratedFile[]): OutputComparison {
  const result: OutputComparison = { changed: [], missing: [], unchanged: [], extra: [], foreign: [] };
  const expected = new Set(files.map((f) => f.path));
  // one listing of the target folders says which files exist, without a stat per generated file; the listing
  // does not enter symbolic links (a link to a parent would never end), so a file it misses is looked up
  const present = new Set(targetFolders.flatMap((folder) => listFilesRecursive(outDir, folder)).sort());
  const absent = new Set(targetFolders.filter((folder) => !existsSync(join(outDir, folder))));
  for (const file of files) {
    const path = join(outDir, file.path);
    const exists = present.has(file.path) || (!absent.has(topFolder(file.path)) && existsSync(path));
    if (!exists) result.missing.push(file);
    else if (readExisting(path) === file.contents) result.unchanged.push(file);
    else result.changed.push(file);
  }
  for (const relativePath of present) {
    if (expected.has(relativePath)) continue;
    if (isGeneratedByLakegen(join(outDir, relativePath))) result.extra.push(relativePath);
    else result.foreign.push(relativePath);
  }
  return result;
}

export function writeOutput(outDir: string, comparison: OutputComparison): void {
  removeAbandonedStaging(outDir);
  const folders = new FolderMaker();
  const newFolders = new Map<string, GeneratedFile[]>();
  const existingFolders = new Set<string>();
  for (const file of comparison.missing) {
    const folder = topFolder(file.path);
    if (folder === file.path || existingFolders.has(folder)) continue;
    let files = newFolders.get(folder);
    if (!files) {
      if (existsSync(join(outDir, folder))) {
        existingFolders.add(folder);
        continue;
      }
      newFolders.set(folder, (files = []));
    }
    files.push(file);
  }
  for (const [folder, files] of newFolders) writeNewFolder(outDir, folder, files);
  for (const file of [...comparison.changed, ...comparison.missing]) {
    if (newFolders.has(topFolder(file.path))) continue;
    const path = join(outDir, file.path);
    folders.make(dirname(path));
    replaceFile(path, file.contents);
  }
  for (const path of comparison.extra) {
    rmSync(join(outDir, path));
    removeEmptyParents(dirname(join(outDir, path)), outDir);
  }
}

/**
 * `outDir/<folder>` appears at once, complete, or not at all. If the folder cannot be renamed into place
 * (another compile created it meanwhile; on Windows a scanner holding a new file open), the files are written
 * into it one by one, each atomically, as into any existing folder.
 */
function writeNewFolder(outDir: string, folder: string, files: readonly GeneratedFile[]): void {
  const staging = join(outDir, `.${folder}.${temporaryName()}`);
  const folders = new FolderMaker();
  try {
    for (const file of files) {
      const path = join(staging, file.path.slice(folder.length + 1));
      folders.make(dirname(path));
      writeFileSync(path, file.contents);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  try {
    renameSync(staging, join(outDir, folder));
    return;
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  const existing = new FolderMaker();
  for (const file of files) {
    const path = join(outDir, file.path);
    existing.make(dirname(path));
    replaceFile(path, file.contents);
  }
}

export function writeAtomically(path: string, contents: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  replaceFile(path, contents);
}

/** Through a temporary file in the same folder: a reader sees the old file or the new one, never a part. */
function replaceFile(path: string, contents: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${temporaryName()}`);
  try {
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A compile that is still writing is done within this; a staging folder older than it was abandoned. */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/** Staging folders a killed compile left in the output folder (writeNewFolder): nothing else removes them. */
function removeAbandonedStaging(outDir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(outDir);
  } catch {
    return; // no output folder yet
  }
  for (const entry of entries) {
    if (!entry.startsWith('.') || !entry.endsWith('.lakegen-tmp')) continue;
    const path = join(outDir, entry);
    try {
      if (Date.now() - statSync(path).mtimeMs > ABANDONED_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed meanwhile by the compile that made it
    }
  }
}

/** One random part per process, a counter per name: no random bytes per file. */
const processToken = randomBytes(6).toString('hex');
let temporaryCount = 0;
function temporaryName(): string {
  return `${processToken}-${temporaryCount++}.lakegen-tmp`;
}

/** mkdir -p, once per folder. */
class FolderMaker {
  private readonly made = new Set<string>();
  make(folder: string): void {
    if (this.made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    this.made.add(folder);
  }
}

function topFolder(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? path : path.slice(0, slash);
}

/** A generated file's current text; a folder in its place is reported with its path (the read error has none). */
function readExisting(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') (error as NodeJS.ErrnoException).path = path;
    throw error;
  }
}

function isGeneratedByLakegen(path: string): boolean {
  const head = readFileSync(path, 'utf8').slice(0, 400);
  return head.includes('generated by lakegen');
}

/** The files under `outDir/<folder>`, as paths relative to outDir with `/`. */
function listFilesRecursive(outDir: string, folder: string): string[] {
  const dir = join(outDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    return entry.isDirectory() ? listFilesRecursive(outDir, path) : entry.isFile() ? [path] : [];
  });
}

function removeEmptyParents(dir: string, stop: string): void {
  for (let current = dir; current !== stop && current.startsWith(stop); current = dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmSync(current, { recursive: true });
  }
}
