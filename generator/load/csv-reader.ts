import { createRequire } from 'node:module';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadDiagnostic } from './load-diagnostic.js';
import type { CsvRows } from './source-document.js';

/** Reads the rows of a reference table from CSV: header line names the columns; BOM, quotes and newlines handled. */
export function readCsv(file: string, text: string): { rows?: CsvRows; diagnostics: Diagnostic[] } {
  let repeated: string | undefined;
  try {
    const records = csvParse().parse(text, {
      bom: true,
      // a column named twice would silently keep its last value
      columns: (header: string[]) => {
        repeated = header.find((name, index) => header.indexOf(name) !== index);
        return header;
      },
      skip_empty_lines: true,
      trim: false,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    if (repeated !== undefined) {
      return { diagnostics: [loadDiagnostic('csv', { file, line: 1, column: 1 }, `the header names column \`${repeated}\` twice`)] };
    }
    return {
      diagnostics: [],
      rows: { file, records: records.map((r) => ({ values: r.record, line: r.info.lines })) },
    };
  } catch (error) {
    const { message, lines } = error as { message: string; lines?: number };
    return {
      diagnostics: [loadDiagnostic('csv', { file, line: lines ?? 1, column: 1 }, `cannot read CSV: ${message}`)],
    };
  }
}

/** csv-parse is loaded by the first CSV: most projects have a few, many none. */
let csvModule: typeof import('csv-parse/sync') | undefined;
function csvParse(): typeof import('csv-parse/sync') {
  csvModule ??= createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
  return csvModule;
}
