/**
 * Starts the bundled CLI (dist/lakegen.cjs, see bundle.mjs) with V8's code cache, so that a run does not
 * parse and compile lakegen's code again: the first complete run of each command stores the compiled code,
 * later runs of that command load it. A pre-commit hook runs `lakegen validate` many times a day; this saves it
 * about a quarter of its time on a 100-table project.
 *
 * Where the cache lives is a security decision. V8 runs cached code without checking it against the source
 * (only the source's length), so whoever can write a cache file can run code as the user. The cache therefore
 * lives beside the bundle it caches, in dist/code-cache/: whoever can write there can already rewrite
 * lakegen.cjs itself, so the cache opens no new way in. (A per-user folder such as ~/.cache would: HOME=/tmp,
 * a shared XDG_CACHE_HOME, or a CI cache restored across pull requests.) When that folder cannot be written
 * (a global install owned by root), runs are simply uncached. LAKEGEN_CODE_CACHE_DIR moves it (tests), and
 * LAKEGEN_NO_CACHE=1 turns it off, as it does the parse cache.
 *
 * A file is named after what makes its code valid: a hash of the bundle's bytes, the Node version,
 * architecture and V8 flags. The build empties the folder whenever it writes a new bundle.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { COMMAND_NAMES } from './command-names.js';

const BUNDLE = fileURLToPath(new URL('../../lakegen.cjs', import.meta.url));
const CODE_CACHE_FOLDER = join(dirname(BUNDLE), 'code-cache');
/** Runs that end with these compiled only start-up code: a cache made from them would stay poor for good. */
const NOT_A_FULL_RUN = new Set(['--help', '-h', '--version', '-v']);

export function launch(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(BUNDLE);
  } catch {
    process.stderr.write(`lakegen: ${BUNDLE} is missing; build lakegen first (npm run build)\n`);
    process.exitCode = 1;
    return;
  }
  warnIfStale();
  const cacheFile = codeCacheFile(bytes, argv, env);
  const cachedData = cacheFile ? readIfPresent(cacheFile) : undefined;
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, __import_meta_url) {${bytes.toString('utf8')}\n})`,
    { filename: BUNDLE, cachedData },
  );
  if (cacheFile && (!cachedData || script.cachedDataRejected) && !argv.some((arg) => NOT_A_FULL_RUN.has(arg))) {
    // at exit the run has compiled what this command needs; that is what the cache should hold (usage
    // errors, exit 2, stop before the command's work)
    process.once('exit', (code) => {
      if (code === 0 || code === 1) writeCodeCache(cacheFile, script.createCachedData());
    });
  }
  const module = { exports: {} };
  const main = script.runInThisContext() as (...args: unknown[]) => void;
  main(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE), pathToFileURL(BUNDLE).href);
}

function codeCacheFile(bundle: Buffer, argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  if (env.LAKEGEN_NO_CACHE) return undefined;
  const command = COMMAND_NAMES.find((name) => name === argv[0]) ?? 'other';
  const runtime = createHash('sha256')
    .update(`${process.version} ${process.arch} ${process.execArgv.join(' ')} ${env.NODE_OPTIONS ?? ''}`)
    .update(bundle)
    .digest('hex')
    .slice(0, 20);
  return join(env.LAKEGEN_CODE_CACHE_DIR || CODE_CACHE_FOLDER, `${runtime}-${command}.v8`);
}

/** `tsc` alone (or `tsc --watch`) rebuilds dist/ but not the bundle the binary runs: say so. */
function warnIfStale(): void {
  try {
    const compiled = statSync(join(dirname(BUNDLE), 'generator', 'cli', 'bin.js')).mtimeMs;
    if (compiled > statSync(BUNDLE).mtimeMs + 1000) {
      process.stderr.write('lakegen: warning: dist/lakegen.cjs is older than dist/generator; run `npm run build` to bundle the current build\n');
    }
  } catch {
    // an installed package may ship the bundle alone
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
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    // `wx`: never through a file (or symlink) someone placed at the temporary name
    writeFileSync(temporary, data, { flag: 'wx', mode: 0o644 });
    renameSync(temporary, file); // atomic: a concurrent run reads the old file or the new one, never half
  } catch {
    rmSync(temporary, { force: true });
    // a cache that cannot be written costs speed, not correctness
  }
}
