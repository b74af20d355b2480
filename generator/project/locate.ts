/**
 * Finds the project a command works on. A path may be the project root (it holds lakegen.config.yaml or
 * definitions/), the definitions folder itself, or any file inside it (pre-commit passes file names).
 */
import { existsSync, statSync } from 'node:fs';
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
  return { root: dirname(start), definitionsOverride: start };
}

function isProjectRoot(dir: string): boolean {
  return existsSync(join(dir, CONFIG_FILE)) || existsSync(join(dir, 'definitions'));
}

function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder + sep);
}
