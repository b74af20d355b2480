/**
 * Generated TypeScript on disk, for the compiler and for import by the tests. It is written under
 * tests/targets/typescript/__out__/ (excluded by tsconfig.json; removed after each test file, and worth a
 * .gitignore line for interrupted runs) rather than the system temp folder, so that `pg`, `@types/pg` and
 * `kysely` resolve from the repository's node_modules as they would from an application's.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { GeneratedFile } from '../../../generator/targets/target.js';
import { REPO_ROOT } from '../../support/binary.js';

export const OUT = join(dirname(fileURLToPath(import.meta.url)), '__out__');

const written = new Set<string>();

/** Writes the files into a fresh folder `__out__/<name>/` and returns it. */
export function writeOutput(name: string, files: readonly GeneratedFile[], extra: Record<string, string> = {}): string {
  const folder = join(OUT, name);
  rmSync(folder, { recursive: true, force: true });
  written.add(folder);
  const all = [...files.map((f) => [f.path, f.contents] as const), ...Object.entries(extra)];
  for (const [path, contents] of all) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), contents);
  }
  return folder;
}

/** Removes what this test file wrote (each test file uses its own folders: files run in parallel). */
export function removeOutput(): void {
  for (const folder of written) rmSync(folder, { recursive: true, force: true });
  written.clear();
}

/** `tsc --strict --noEmit` as the brief states it, for an ESM application on Node. */
export const STRICT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts'],
  typeRoots: [join(REPO_ROOT, 'node_modules', '@types')],
  types: ['node'],
  skipLibCheck: true,
};

/** The flags strict-minded projects add: generated code must not be what breaks their build. */
export const STRICTEST: ts.CompilerOptions = {
  ...STRICT,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noUnusedLocals: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  // TypeScript 5.8: what Node's built-in type stripping can run
  erasableSyntaxOnly: true,
} as ts.CompilerOptions;

export interface CompilerError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Type-checks the files; `only` restricts the reported errors to one file (the others are still read). */
export function compile(rootNames: readonly string[], options: ts.CompilerOptions, only?: string, oldProgram?: ts.Program): { errors: CompilerError[]; program: ts.Program } {
  const program = ts.createProgram({ rootNames, options, oldProgram });
  const source = only === undefined ? undefined : program.getSourceFile(only);
  if (only !== undefined && !source) throw new Error(`${only} is not part of the program`);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getSyntacticDiagnostics(source),
    ...program.getSemanticDiagnostics(source),
  ];
  return { program, errors: diagnostics.map(toError) };
}

function toError(diagnostic: ts.Diagnostic): CompilerError {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return { file: '', line: 0, message };
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return { file: diagnostic.file.fileName, line: line + 1, message };
}
