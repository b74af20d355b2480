/**
 * Finds the project a command works on. A path may be the project root (it holds lakegen.config.yaml or
 * definitions/), the definitions folder itself, any file inside it (pre-commit passes file names), or any other
 * folder of the project. A folder that is none of these is no project: a command never takes it for an empty
 * definitions folder (compile would then delete all of generated/).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { CONFIG_FILE } from './config.js';

export interface ProjectLocation {
  readonly root: string;
  /** Set when the path given was a definitions folder without a project around it. */
  readonly definitionsOverride?: string;
}

export function locateProject(path: string, cwd: string): ProjectLocation | undefined {
  const absolute = isAbsolute(path) ? path : resolve(cwd, path);
  if (!existsSync(absolute)) return undefined;
  const start = statSync(absolute).isDirectory() ? absolute : dirname(absolute);
  if (isProjectRoot(start)) return { root: start };
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE)) || (existsSync(join(dir, 'definitions')) && within(start, join(dir, 'definitions')))) {
      return { root: dir };
    }
    if (dirname(dir) === dir) break;
  }
  // A bare definitions folder (databases directly inside it).
  if (holdsDatabases(start)) return { root: dirname(start), definitionsOverride: start };
  // Any other folder of a project (docs/, scripts/): its root, as git finds its repository from a subfolder.
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'definitions'))) return { root: dir };
    if (dirname(dir) === dir) return undefined;
  }
}

/** A folder with a database folder directly inside it (one holding database.yaml or database.ts). */
function holdsDatabases(dir: string): boolean {
  try {
    return readdirSync(dir, { withFileTypes: true }).some((entry) => entry.isDirectory()
      && ['database.yaml', 'database.yml', 'database.ts'].some((file) => existsSync(join(dir, entry.name, file))));
  } catch {
    return false;
  }
}

function isProjectRoot(dir: string): boolean {
  return existsSync(join(dir, CONFIG_FILE)) || existsSync(join(dir, 'definitions'));
}

function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder + sep);
}
