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
    const { message, lines, code } = error as { message: string; lines?: number; code?: string };
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse reports the end of the file; the mistake is where the quote opened
      const line = unclosedQuoteLine(text);
      return { diagnostics: [loadDiagnostic('csv', { file, line, column: 1 }, `cannot read CSV: the quote opened on line ${line} is never closed`)] };
    }
    return {
      diagnostics: [loadDiagnostic('csv', { file, line: lines ?? 1, column: 1 }, `cannot read CSV: ${message}`)],
    };
  }
}

/** The line of the quote that is still open at the end of the text (`""` inside quotes is a quote). */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let openedOn = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    else if (char === '"') {
      if (quoted && text[i + 1] === '"') i++;
      else {
        quoted = !quoted;
        if (quoted) openedOn = line;
      }
    }
  }
  return openedOn;
}

/** csv-parse is loaded by the first CSV: most projects have a few, many none. */
let csvModule: typeof import('csv-parse/sync') | undefined;
function csvParse(): typeof import('csv-parse/sync') {
  csvModule ??= createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
  return csvModule;
}
