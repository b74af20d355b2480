import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadDiagnostic } from './load-diagnostic.js';
import type { ParsedYaml } from './yaml-reader.js';

export async function readTypeScriptDefinition(
  _path: string, file: string,
): Promise<{ parsed?: ParsedYaml; diagnostics: Diagnostic[] }> {
  return {
    diagnostics: [loadDiagnostic('definition-error', { file, line: 1, column: 1 },
      'TypeScript definitions are not supported by this version', 'Write the definition in YAML.')],
  };
}
