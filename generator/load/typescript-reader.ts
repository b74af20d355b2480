/**
 * TypeScript definitions: `<name>.ts` files whose default export is a definition (`export default table({…})`).
 *
 * They are executed, so shared column sets and naming helpers are plain code: types stripped by sucrase
 * (no build step for the user), then run as a function whose `process`, `fetch`, timers and other Node
 * globals are undefined; `require` resolves only `lakegen` and relative files. A definition is therefore data built by
 * code, without network or file access and without side effects — a contract, not a security boundary:
 * review definitions as code. Each file must finish within 10 s (LAKEGEN_DEFINITION_TIMEOUT_MS). Positions come from the source's syntax tree: a path into the value maps to the
 * property that wrote it, or to the closest enclosing literal when the value was computed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { transform } from 'sucrase';
import type ts from 'typescript';
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';
import * as authoring from '../dsl/authoring.js';
import { loadDiagnostic } from './load-diagnostic.js';
import { locateInTypeScript } from './typescript-positions.js';
import type { ParsedYaml } from './yaml-reader.js';

export async function readTypeScriptDefinition(path: string, file: string): Promise<{ parsed?: ParsedYaml; diagnostics: Diagnostic[] }> {
  const text = readFileSync(path, 'utf8');
  // the syntax tree for positions is built only when a position is asked for (a diagnostic)
  let tree: ts.SourceFile | undefined;
  const source = () => (tree ??= typescript().createSourceFile(path, text, typescript().ScriptTarget.ES2022, true, typescript().ScriptKind.TS));
  const spanOf = (position: number): SourceSpan => {
    const at = source().getLineAndCharacterOfPosition(position);
    return { file, line: at.line + 1, column: at.character + 1 };
  };
  const fail = (position: number, message: string, hint?: string) =>
    ({ diagnostics: [loadDiagnostic('definition-error', spanOf(position), message, hint)] });

  let value: unknown;
  try {
    value = runModule(path, new Map()).default;
  } catch (error) {
    if (error instanceof TranspileError) return fail(error.position, error.message, 'Fix the TypeScript syntax at this position.');
    if (error instanceof DefinitionTimeout) {
      return fail(defaultExportPosition(source()), `the definition ${error.message} (an endless loop?)`,
        'A definition must build its value quickly; look for a loop that never ends. LAKEGEN_DEFINITION_TIMEOUT_MS sets the limit.');
    }
    // a thrown value need not be an Error
    const message = error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
    return fail(defaultExportPosition(source()), `the definition throws when loaded: ${message}`,
      'A definition must build its value without errors; run the file\'s logic in a test to find the cause.');
  }
  if (value === undefined) {
    return fail(0, 'the file exports no definition', 'Export the definition as the default export: export default table({ … }).');
  }
  const problem = nonDataValue(value, []);
  if (problem) return fail(defaultExportPosition(source()), `the definition is not plain data: ${problem}`);
  return {
    diagnostics: [],
    parsed: {
      value: JSON.parse(JSON.stringify(value)),
      locate: (pathInValue, part = 'value') => spanOf(locateInTypeScript(typescript(), source(), pathInValue, part)),
    },
  };
}

/** Where the running script finds its module, exports and require (set only while it runs). */
const ARGUMENTS_KEY = '__lakegenDefinitionArguments';

/** A definition is data: building it takes milliseconds; one that runs this long loops. */
function definitionTimeoutMs(): number {
  const configured = Number(process.env.LAKEGEN_DEFINITION_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : 10_000;
}

class DefinitionTimeout extends Error {
  constructor(readonly path: string) {
    super(`did not finish within ${definitionTimeoutMs() / 1000} s`);
  }
}

class TranspileError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

/** Transpiles and runs one module (and the relative modules it imports) with Node globals shadowed. */
function runModule(path: string, cache: Map<string, { exports: Record<string, unknown> }>): Record<string, unknown> {
  const cached = cache.get(path);
  if (cached) return cached.exports;
  const output = transpile(readFileSync(path, 'utf8'), path);
  const module = { exports: {} as Record<string, unknown> };
  cache.set(path, module);
  const require = (specifier: string): unknown => {
    if (specifier === 'lakegen') return authoring;
    if (specifier.startsWith('./') || specifier.startsWith('../')) return runModule(resolveRelative(path, specifier), cache);
    throw new Error(`definitions may import only 'lakegen' and relative files, not '${specifier}'`);
  };
  // Run as a function of this realm, with Node's globals shadowed by undefined parameters: a fresh V8 context
  // per file (or one shared) cost ~3 ms of compilation per file and gigabytes of garbage at 1,000 files.
  // The script calls the function itself, so that the time limit covers the definition's own code.
  const script = new vm.Script(
    // the outer function is sloppy, so it may name `eval` as a parameter; the module body is strict
    `(function (module, exports, require, ${SHADOWED_GLOBALS.join(', ')}) { return (function () {\n${output.outputText}\n})(); })` +
      `.call(undefined, ${ARGUMENTS_KEY}.module, ${ARGUMENTS_KEY}.exports, ${ARGUMENTS_KEY}.require)`,
    { filename: path, lineOffset: -1 },
  );
  const globals = globalThis as Record<string, unknown>;
  const outer = globals[ARGUMENTS_KEY];
  globals[ARGUMENTS_KEY] = { module, exports: module.exports, require };
  try {
    script.runInThisContext({ timeout: definitionTimeoutMs() });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new DefinitionTimeout(path);
    throw error;
  } finally {
    if (outer === undefined) delete globals[ARGUMENTS_KEY];
    else globals[ARGUMENTS_KEY] = outer;
  }
  return module.exports;
}

/**
 * TypeScript → CommonJS by stripping types (sucrase): definitions need no type-directed emit, and
 * `ts.transpileModule` builds a program per file (~5 ms and megabytes of garbage each at 1,000 files).
 */
function transpile(text: string, path: string): { outputText: string } {
  try {
    return { outputText: transform(text, { transforms: ['typescript', 'imports'], filePath: path, production: true }).code };
  } catch (error) {
    // the TypeScript compiler says what is wrong in its own words; worth loading it on this path only
    const ts = typescript();
    const checked = ts.transpileModule(text, { fileName: path, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS } });
    const syntaxError = checked.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
    if (syntaxError) throw new TranspileError(ts.flattenDiagnosticMessageText(syntaxError.messageText, '\n'), syntaxError.start ?? 0);
    const { message, pos } = error as { message: string; pos?: number };
    throw new TranspileError(message.replace(/\s*\(\d+:\d+\)$/, ''), pos ?? 0);
  }
}

/** The TypeScript compiler (several MB to load): only for positions in diagnostics and syntax errors. */
let typescriptModule: typeof ts | undefined;
function typescript(): typeof ts {
  typescriptModule ??= createRequire(import.meta.url)('typescript') as typeof ts;
  return typescriptModule;
}

/** Globals a definition has no business with: network, timers, the process, raw Node APIs. */
const SHADOWED_GLOBALS = ['process', 'global', 'globalThis', 'fetch', 'setTimeout', 'setInterval', 'setImmediate',
  'queueMicrotask', 'Buffer', 'WebAssembly', 'XMLHttpRequest', 'WebSocket', 'eval', 'Function'];

function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`];
  const found = candidates.find((candidate) => /\.(ts|mts)$/.test(candidate) && existsSync(candidate));
  if (!found) throw new Error(`cannot find module '${specifier}'`);
  return found;
}

function defaultExportPosition(source: ts.SourceFile): number {
  const statement = source.statements.find(typescript().isExportAssignment);
  return statement ? statement.getStart(source) : 0;
}

/** Functions, symbols, undefined inside arrays, non-finite numbers: JSON would silently change them. */
function nonDataValue(value: unknown, path: (string | number)[]): string | undefined {
  const where = path.length ? ` at ${path.join('.')}` : '';
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return `a ${typeof value}${where}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return `${value}${where}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) return `undefined${where}.${i}`;
      const problem = nonDataValue(value[i], [...path, i]);
      if (problem) return problem;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const problem = child === undefined ? undefined : nonDataValue(child, [...path, key]);
      if (problem) return problem;
    }
  }
  return undefined;
}
