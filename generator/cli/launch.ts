/**
 * Starts the bundled CLI (dist/lakegen.cjs, see bundle.mjs) with V8's code cache, so that a run does not
 * parse and compile lakegen's code again: the first run of each command stores the compiled code, later runs of
 * that command load it. A pre-commit hook runs `lakegen validate` many times a day; this saves it about a
 * quarter of its time on a 100-table project.
 *
 * The cache lives in the user's cache folder ($XDG_CACHE_HOME/lakegen/code or ~/.cache/lakegen/code: owned
 * by the user, never a shared temporary folder, since whoever can write it can run code as the user). A cache
 * file is named after everything that makes V8 reject it (Node version, architecture, V8 flags) and a hash of
 * the bundle's bytes: V8's own check looks at the source's length only. Any failure to read or write it just
 * means an uncached run. LAKEGEN_NO_CACHE=1 turns it off, as it does the parse cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { COMMAND_NAMES } from './command-names.js';

const BUNDLE = fileURLToPath(new URL('../../lakegen.cjs', import.meta.url));
/** Cache files of other builds (or Node versions) are removed once they have not been written for this long. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export function launch(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(BUNDLE);
  } catch {
    process.stderr.write(`lakegen: ${BUNDLE} is missing; build lakegen first (npm run build)\n`);
    process.exitCode = 1;
    return;
  }
  const cacheFile = codeCacheFile(bytes, argv, env);
  const cachedData = cacheFile ? readIfPresent(cacheFile) : undefined;
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, __import_meta_url) {${bytes.toString('utf8')}\n})`,
    { filename: BUNDLE, cachedData },
  );
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // at exit the run has compiled what this command needs; that is what the cache should hold
    process.once('exit', () => writeCodeCache(cacheFile, script.createCachedData()));
  }
  const module = { exports: {} };
  const main = script.runInThisContext() as (...args: unknown[]) => void;
  main(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE), pathToFileURL(BUNDLE).href);
}

function codeCacheFile(bundle: Buffer, argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  if (env.LAKEGEN_NO_CACHE) return undefined;
  const base = env.XDG_CACHE_HOME || safeHomeCache();
  if (!base) return undefined;
  const command = COMMAND_NAMES.find((name) => name === argv[0]) ?? 'other';
  const runtime = createHash('sha256')
    .update(`${process.version} ${process.arch} ${process.execArgv.join(' ')} ${env.NODE_OPTIONS ?? ''}`)
    .update(bundle)
    .digest('hex')
    .slice(0, 20);
  return join(base, 'lakegen', 'code', `${runtime}-${command}.v8`);
}

function safeHomeCache(): string | undefined {
  try {
    const home = homedir();
    return home ? join(home, '.cache') : undefined;
  } catch {
    return undefined;
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCodeCache(file: string, data: Buffer): void {
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    removeStaleCaches(folder, file);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file); // atomic: a concurrent run reads the old file or the new one, never half
  } catch {
    // a cache that cannot be written costs speed, not correctness
  }
}

/** Other builds' files (another hash), unwritten for a day; this build's other commands stay. */
function removeStaleCaches(folder: string, current: string): void {
  const now = Date.now();
  const build = basename(current).split('-')[0];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (name.startsWith(`${build}-`)) continue;
    try {
      if (now - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { force: true });
    } catch {
      // another run removed it first
    }
  }
}
