/**
 * TypeScript definitions: `<name>.ts` files whose default export is a definition (`export default table({…})`).
 *
 * They are executed (typescript-runner.ts), so shared column sets and naming helpers are plain code, with Node's
 * globals undefined and `require` limited to `lakegen` and relative files. A definition is therefore data built
 * by code, without network or file access and without side effects — a contract, not a security boundary:
 * review definitions as code. A definition still running when the time limit strikes (10 s plus 10 ms per file,
 * LAKEGEN_DEFINITION_TIMEOUT_MS) is a diagnostic. Positions come from the source's syntax tree: a path into the
 * value maps to the property that wrote it, or to the closest enclosing literal when the value was computed.
 */
import { readFileSync } from 'node:fs';
import { NOT_UTF8_HINT, readUtf8 } from './read-text.js';
import { dirname, join, relative, resolve } from 'node:path';
import type ts from 'typescript';
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';
import { LazySpan, type PositionSource } from '../diagnostics/lazy-span.js';
import { loadDiagnostic } from './load-diagnostic.js';
import { locateInTypeScript } from './typescript-positions.js';
import { DefinitionRuns, DefinitionTimeout, importCandidates, NotPlainData, TranspileError, typescript } from './typescript-runner.js';
import type { ParseCache } from './parse-cache.js';
import type { ParsedYaml } from './yaml-reader.js';
import { toPosix } from '../util/posix-path.js';

/** One per load: the definitions folder's TypeScript files run together, on the first one read. */
const runsByLoad = new WeakMap<object, DefinitionRuns>();

export async function readTypeScriptDefinition(
  path: string, file: string, load: { readonly definitionsDir?: string; readonly cache?: ParseCache } = {},
): Promise<{ parsed?: ParsedYaml; diagnostics: Diagnostic[] }> {
  let runs = runsByLoad.get(load);
  if (!runs) {
    runs = new DefinitionRuns(load.definitionsDir, load.cache);
    runsByLoad.set(load, runs);
  }
  const read = readUtf8(path);
  if ('notUtf8' in read) {
    return { diagnostics: [loadDiagnostic('definition-error', { file, ...read.notUtf8 }, 'the file is not UTF-8 text', NOT_UTF8_HINT)] };
  }
  const text = read.text;
  // the syntax tree for positions is built only when a position is asked for (a diagnostic)
  let tree: ts.SourceFile | undefined;
  const source = () => (tree ??= typescript().createSourceFile(path, text, typescript().ScriptTarget.ES2022, true, typescript().ScriptKind.TS));
  const spanOf = (position: number): SourceSpan => {
    const at = source().getLineAndCharacterOfPosition(position);
    return { file, line: at.line + 1, column: at.character + 1 };
  };
  const positions: PositionSource = {
    file,
    position: (pathInValue, part) => {
      const { line, column } = spanOf(locateInTypeScript(typescript(), source(), pathInValue, part));
      return { line, column };
    },
  };
  const fail = (position: number, message: string, hint?: string) =>
    ({ diagnostics: [loadDiagnostic('definition-error', spanOf(position), message, hint)] });

  const run = runs.get(path);
  if ('error' in run) {
    const { error } = run;
    if (error instanceof TranspileError) {
      if (error.path === path) return fail(error.position, error.message, 'Fix the TypeScript syntax at this position.');
      // the syntax error is in a file this definition imports: say which, and where
      const helper = toPosix(join(dirname(file), relative(dirname(path), error.path)));
      const at = lineAndColumn(readFileSync(error.path, 'utf8'), error.position);
      // at the import that leads to the broken file (directly, or through helpers of its own)
      const imported = error.importedVia[error.importedVia.length - 1] ?? error.path;
      return fail(importPosition(source(), path, imported), `imports ${helper}, which does not compile: ${error.message} (${helper}:${at.line}:${at.column})`,
        `Fix the TypeScript syntax at ${helper}:${at.line}:${at.column}.`);
    }
    if (error instanceof NotPlainData) {
      return fail(defaultExportPosition(source()), `the definition is not plain data: ${error.message}`,
        'A definition holds what YAML can: strings, finite numbers, booleans, null, arrays and plain objects; write a bigint as a string (\'9007199254740993\') and a date as text.');
    }
    if (error instanceof DefinitionTimeout) {
      return fail(defaultExportPosition(source()), `the definition ${error.message} (an endless loop?)`,
        'A definition must build its value quickly; look for a loop that never ends. LAKEGEN_DEFINITION_TIMEOUT_MS sets the limit.');
    }
    // a thrown value need not be an Error
    const message = error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
    return fail(defaultExportPosition(source()), `the definition throws when loaded: ${message}`,
      'A definition must build its value without errors; run the file\'s logic in a test to find the cause.');
  }
  if (!('value' in run)) {
    return fail(0, 'the file exports no definition', 'Export the definition as the default export: export default table({ … }).');
  }
  return {
    diagnostics: [],
    parsed: {
      value: run.value,
      // lazy, as for YAML: a clean run never loads the TypeScript compiler for positions
      locate: (pathInValue, part = 'value') => new LazySpan(positions, pathInValue, part),
    },
  };
}

/** Where `source` imports `target`; the default export when it does not (should not happen). */
function importPosition(source: ts.SourceFile, path: string, target: string): number {
  for (const statement of source.statements) {
    if (!typescript().isImportDeclaration(statement) || !typescript().isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const base = resolve(dirname(path), specifier);
    if (importCandidates(base).includes(target)) return statement.moduleSpecifier.getStart(source);
  }
  return defaultExportPosition(source);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}


function defaultExportPosition(source: ts.SourceFile): number {
  const statement = source.statements.find(typescript().isExportAssignment);
  return statement ? statement.getStart(source) : 0;
}

