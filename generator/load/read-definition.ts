import { extname } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParseCache } from './parse-cache.js';
import { readYaml, type ParsedYaml } from './yaml-reader.js';
import { loadDiagnostic } from './load-diagnostic.js';
import { NOT_UTF8_HINT, readUtf8 } from './read-text.js';

const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);
const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts']);

export function isDefinitionFile(name: string): boolean {
  const extension = extname(name);
  return YAML_EXTENSIONS.has(extension) || TYPESCRIPT_EXTENSIONS.has(extension);
}

/**
 * One definition file, whatever its spelling. The TypeScript reader is imported only when a project has
 * .ts definitions, so YAML-only projects never pay for loading the TypeScript compiler.
 */
export async function readDefinitionFile(
  path: string, file: string, load: { readonly definitionsDir: string; readonly cache?: ParseCache },
): Promise<{ parsed?: ParsedYaml; diagnostics: Diagnostic[] }> {
  if (TYPESCRIPT_EXTENSIONS.has(extname(path))) {
    const { readTypeScriptDefinition } = await import('./typescript-reader.js');
    return readTypeScriptDefinition(path, file, load);
  }
  const read = readUtf8(path);
  if ('notUtf8' in read) {
    return { diagnostics: [loadDiagnostic('yaml-syntax', { file, ...read.notUtf8 }, 'the file is not UTF-8 text', NOT_UTF8_HINT)] };
  }
  return readYaml(file, read.text, load.cache);
}
