import { requireCsvParse } from '../util/optional-modules.js';
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
    // a record is reported where it starts (csv-parse counts where it ends, and a quoted CRLF as two lines)
    const starts = recordLines(text).starts;
    return {
      diagnostics: [],
      rows: { file, records: records.map((r, index) => ({ values: r.record, line: starts[index + 1] ?? r.info.lines })) },
    };
  } catch (error) {
    const { message, lines, code, records } = error as { message: string; lines?: number; code?: string; records?: number };
    const scanned = recordLines(text);
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse reports the end of the file; the mistake is where the quote opened
      const line = scanned.openQuote ?? lines ?? 1;
      return { diagnostics: [loadDiagnostic('csv', { file, line, column: 1 }, `cannot read CSV: the quote opened on line ${line} is never closed`)] };
    }
    // `records` counts the data records read before the failing one; the header is starts[0]
    const line = (records !== undefined ? scanned.starts[records + 1] : undefined) ?? lines ?? 1;
    return {
      diagnostics: [loadDiagnostic('csv', { file, line, column: 1 }, `cannot read CSV: ${message.replace(/ on line \d+$/, ` on line ${line}`)}`)],
    };
  }
}

/**
 * The line each non-empty record starts on (the header first), and the line of a quote still open at the end.
 * CRLF, LF and a lone CR each end a line; inside quotes they belong to the field (`""` there is a quote).
 */
function recordLines(text: string): { starts: number[]; openQuote?: number } {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let openedOn = 1;
  let atRecordStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      if (!quoted) atRecordStart = true;
      line++;
      continue;
    }
    if (atRecordStart && char !== '\ufeff') {
      starts.push(line);
      atRecordStart = false;
    }
    if (char === '"') {
      if (quoted && text[i + 1] === '"') i++;
      else {
        quoted = !quoted;
        if (quoted) openedOn = line;
      }
    }
  }
  return { starts, openQuote: quoted ? openedOn : undefined };
}

/** csv-parse is loaded by the first CSV: most projects have a few, many none. */
let csvModule: typeof import('csv-parse/sync') | undefined;
function csvParse(): typeof import('csv-parse/sync') {
  csvModule ??= requireCsvParse();
  return csvModule;
}
