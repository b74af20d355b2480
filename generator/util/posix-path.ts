import { sep } from 'node:path';

/** A path with `/`, as diagnostics and generated files show it on every platform. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
