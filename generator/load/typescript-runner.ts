/**
 * Runs TypeScript definitions: types stripped by sucrase (no build step for the user), each module compiled as
 * a function of this realm whose Node globals are shadowed by undefined parameters; `require` resolves only
 * `lakegen` and relative files, with a fresh module cache per definition file.
 *
 * All definition files of a load run in one batch under one time limit (vm's watchdog costs ~0.1 ms a call, a
 * fifth of a 1,000-file load if armed per file). When the limit strikes, the file that was running is marked
 * as timed out and the batch goes on from the next file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import type ts from 'typescript';
import * as authoring from '../dsl/authoring.js';
import type { ParseCache } from './parse-cache.js';
import { plainData } from './plain-data.js';

export interface DefinitionRun {
  /** The default export, as plain data copied under the time limit (plain-data.ts); absent when there is none. */
  readonly value?: unknown;
  /** What the module threw: a TranspileError, a DefinitionTimeout, a NotPlainData, or the definition's own error. */
  readonly error?: unknown;
}

/** The default export holds something YAML cannot (plain-data.ts says what and where). */
export class NotPlainData extends Error {}

export class TranspileError extends Error {
  /** The files whose imports led to `path`, innermost first: the last is the one the definition imports. */
  readonly importedVia: string[] = [];

  /** `position` is an offset into the text of `path`: the definition itself, or a file it imports. */
  constructor(message: string, readonly position: number, readonly path: string) {
    super(message);
  }
}

export class DefinitionTimeout extends Error {
  constructor(limitMs: number) {
    super(`did not finish within ${limitMs / 1000} s`);
  }
}

/** A definition is data: building one takes milliseconds. LAKEGEN_DEFINITION_TIMEOUT_MS sets the limit. */
export function definitionTimeoutMs(): number {
  const configured = Number(process.env.LAKEGEN_DEFINITION_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : 10_000;
}

/** Added to the limit per file of a batch, so that a large, slow-but-finite project is never cut short. */
const PER_FILE_ALLOWANCE_MS = 10;

/** The definition files (database, schemas, tables) below a definitions folder, run on first request. */
export class DefinitionRuns {
  private results?: Map<string, DefinitionRun>;

  /** Without a folder, each file runs on its own when asked for (lakegen convert). */
  constructor(private readonly definitionsDir?: string, private readonly cache?: ParseCache) {}

  get(path: string): DefinitionRun {
    this.results ??= this.definitionsDir === undefined ? new Map() : runBatch(definitionFiles(this.definitionsDir), this.cache);
    return this.results.get(path) ?? runBatch([path], this.cache).get(path)!;
  }
}

/** Where the loader looks for definitions (load-project.ts); helpers elsewhere run only when imported. */
const DEFINITION_PATH = /^[^/]+\/(database|schemas\/[^/]+|tables\/[^/]+\/[^/]+)\.m?ts$/;

function definitionFiles(definitionsDir: string): string[] {
  if (!existsSync(definitionsDir)) return [];
  return readdirSync(definitionsDir, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter((path) => DEFINITION_PATH.test(path) && !path.split('/').some((part) => part.startsWith('.')))
    .sort()
    .map((path) => join(definitionsDir, path));
}

const RUNNER_KEY = '__lakegenRunDefinitions';
let runnerScript: vm.Script | undefined;

function runBatch(paths: readonly string[], cache: ParseCache | undefined): Map<string, DefinitionRun> {
  const results = new Map<string, DefinitionRun>();
  const globals = globalThis as Record<string, unknown>;
  runnerScript ??= new vm.Script(`${RUNNER_KEY}()`, { filename: 'lakegen-definitions' });
  let next = 0;
  while (next < paths.length) {
    let current = next;
    globals[RUNNER_KEY] = () => {
      for (; current < paths.length; current++) {
        try {
          results.set(paths[current], definitionValue(runModule(paths[current], new Map(), cache)));
        } catch (error) {
          results.set(paths[current], { error }); // the watchdog's termination is not catchable: it ends the batch
        }
      }
    };
    try {
      runnerScript.runInThisContext({ timeout: definitionTimeoutMs() + PER_FILE_ALLOWANCE_MS * (paths.length - next) });
      next = paths.length;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
      results.set(paths[current], { error: new DefinitionTimeout(definitionTimeoutMs()) });
      next = current + 1;
    } finally {
      delete globals[RUNNER_KEY];
    }
  }
  return results;
}

/** Checked and copied while the watchdog is armed: a getter or a huge value is the definition's time too. */
function definitionValue(exports: Record<string, unknown>): DefinitionRun {
  if (exports.default === undefined) return {};
  const data = plainData(exports.default);
  return 'problem' in data ? { error: new NotPlainData(data.problem) } : { value: data.value };
}

/** V8's wording, except where a definition's rules say more: a definition is built synchronously. */
function v8Message(error: SyntaxError): string {
  return /await is only valid/.test(error.message)
    ? 'top-level await is not supported: a definition is built synchronously, as data'
    : error.message;
}

/**
 * Where V8 found the error: the stack's first lines are `file:line`, the code line and a caret. The code is
 * sucrase's output, which keeps the lines of the source; the column is found by the caret's text in the source
 * line, else the line's start.
 */
function v8Position(error: SyntaxError, text: string): number {
  const [location, codeLine, caret] = (error.stack ?? '').split('\n');
  const line = Number(/:(\d+)$/.exec(location ?? '')?.[1]);
  if (!Number.isInteger(line) || line < 1) return 0;
  const sourceLines = text.split('\n');
  if (line > sourceLines.length) return 0;
  const lineStart = sourceLines.slice(0, line - 1).reduce((offset, l) => offset + l.length + 1, 0);
  const caretAt = caret?.indexOf('^') ?? -1;
  const token = caretAt >= 0 ? codeLine?.slice(caretAt, caretAt + Math.max(1, caret!.trim().length)) : undefined;
  const column = token ? sourceLines[line - 1].indexOf(token) : -1;
  return lineStart + Math.max(0, column);
}

/** Transpiles and runs one module (and the relative modules it imports) with Node globals shadowed. */
function runModule(
  path: string, modules: Map<string, { exports: Record<string, unknown> }>, cache: ParseCache | undefined,
): Record<string, unknown> {
  const cached = modules.get(path);
  if (cached) return cached.exports;
  const output = transpileCached(readFileSync(path, 'utf8'), path, cache);
  const module = { exports: {} as Record<string, unknown> };
  modules.set(path, module);
  const require = (specifier: string): unknown => {
    if (specifier === 'lakegen') return authoring;
    if (specifier.startsWith('./') || specifier.startsWith('../')) {
      const imported = resolveRelative(path, specifier);
      try {
        return runModule(imported, modules, cache);
      } catch (error) {
        if (error instanceof TranspileError) error.importedVia.push(imported);
        throw error;
      }
    }
    throw new Error(`definitions may import only 'lakegen' and relative files, not '${specifier}'`);
  };
  // A function of this realm: a fresh V8 context per file (or one shared) cost ~3 ms of compilation per file
  // and gigabytes of garbage at 1,000 files.
  const run = compileModule(output.outputText, path);
  run(module, module.exports, require);
  return module.exports;
}

/**
 * Some syntax errors pass the type stripping (sucrase) and only V8 finds them (`{ a: 1,, }`): they are the
 * file's syntax errors too, with the file named, not an error the definition throws.
 */
function compileModule(code: string, path: string): (...args: unknown[]) => void {
  try {
    return vm.compileFunction(code, ['module', 'exports', 'require', ...SHADOWED_GLOBALS], { filename: path }) as (...args: unknown[]) => void;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const ts = typescript();
    const text = readFileSync(path, 'utf8');
    const checked = ts.transpileModule(text, { fileName: path, reportDiagnostics: true });
    const syntaxError = checked.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
    if (syntaxError) throw new TranspileError(ts.flattenDiagnosticMessageText(syntaxError.messageText, '\n'), syntaxError.start ?? 0, path);
    throw new TranspileError(v8Message(error), v8Position(error, text), path);
  }
}

/** The stripped code depends on the text alone: kept in the parse cache (only successes; errors are re-derived). */
function transpileCached(text: string, path: string, cache: ParseCache | undefined): { outputText: string } {
  const found = cache?.lookup(text, 'typescript');
  if (found && typeof found.value === 'string') return { outputText: found.value };
  const output = transpile(text, path);
  cache?.remember(text, output.outputText, 'typescript');
  return output;
}

/**
 * TypeScript → CommonJS by stripping types (sucrase): definitions need no type-directed emit, and
 * `ts.transpileModule` builds a program per file (~5 ms and megabytes of garbage each at 1,000 files).
 */
function transpile(text: string, path: string): { outputText: string } {
  try {
    return { outputText: sucrase().transform(text, { transforms: ['typescript', 'imports'], filePath: path, production: true }).code };
  } catch (error) {
    // the TypeScript compiler says what is wrong in its own words; worth loading it on this path only
    const ts = typescript();
    const checked = ts.transpileModule(text, { fileName: path, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS } });
    const syntaxError = checked.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
    if (syntaxError) throw new TranspileError(ts.flattenDiagnosticMessageText(syntaxError.messageText, '\n'), syntaxError.start ?? 0, path);
    const { message, pos } = error as { message: string; pos?: number };
    throw new TranspileError(message.replace(/\s*\(\d+:\d+\)$/, ''), pos ?? 0, path);
  }
}

/** Loaded on the first file the parse cache does not know: a warm run strips no types. */
let sucraseModule: typeof import('sucrase') | undefined;
function sucrase(): typeof import('sucrase') {
  sucraseModule ??= createRequire(import.meta.url)('sucrase') as typeof import('sucrase');
  return sucraseModule;
}

/** The TypeScript compiler (several MB to load): only for positions in diagnostics and syntax errors. */
let typescriptModule: typeof ts | undefined;
export function typescript(): typeof ts {
  typescriptModule ??= createRequire(import.meta.url)('typescript') as typeof ts;
  return typescriptModule;
}

/** Globals a definition has no business with: network, timers, the process, raw Node APIs. */
const SHADOWED_GLOBALS = ['process', 'global', 'globalThis', 'fetch', 'setTimeout', 'setInterval', 'setImmediate',
  'queueMicrotask', 'Buffer', 'WebAssembly', 'XMLHttpRequest', 'WebSocket', 'eval', 'Function'];

function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidates = importCandidates(base);
  const found = candidates.find((candidate) => /\.(ts|mts)$/.test(candidate) && existsSync(candidate));
  if (!found) throw new Error(`cannot find module '${specifier}'`);
  return found;
}

/** The files a relative import of `base` (resolved, without a search) may name, in the order tried. */
export function importCandidates(base: string): string[] {
  return [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`];
}
