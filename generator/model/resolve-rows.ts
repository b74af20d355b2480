import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ROWS_RULES } from '../check/model-rules.js';
import { ruleDiagnostic } from '../check/rule.js';
import type { SourceDocument } from '../load/source-document.js';
import type { Column, ReferenceRow, Scalar } from './catalog.js';
import { coerceRowValue, withWrittenDigits } from './row-values.js';

/** The reference kind's own columns: rows never set them (DESIGN.md §3). */
const MANAGED_COLUMNS = new Set(['is_active', 'systime']);

interface RawRow {
  values: Record<string, unknown>;
  span: SourceSpan;
  valueSpan(column: string, part?: 'key' | 'value'): SourceSpan;
  /** A YAML number's text as written (row-values.ts withWrittenDigits); absent for CSV and TypeScript. */
  written?(column: string): string | undefined;
  fromCsv: boolean;
}

/** Rows from `rows:` and from the sibling CSV, coerced to their columns' types. */
export function resolveRows(
  document: SourceDocument, tableName: string, columns: readonly Column[], diagnostics: Diagnostic[],
): ReferenceRow[] {
  const byName = new Map(columns.map((c) => [c.name, c]));
  return rawRows(document).flatMap((raw, index) => {
    // no prototype: a column named `constructor` must not find Object.prototype's
    const values: Record<string, Scalar> = Object.create(null) as Record<string, Scalar>;
    const valueSpans: Record<string, SourceSpan> = Object.create(null) as Record<string, SourceSpan>;
    let valid = true;
    const invalid = new Set<string>();
    for (const [name, rawValue] of Object.entries(raw.values)) {
      const column = byName.get(name);
      const at = raw.valueSpan(name);
      valueSpans[name] = at;
      if (!column) {
        diagnostics.push(ruleDiagnostic(ROWS_RULES['unknown-column'], raw.valueSpan(name, 'key'),
          `row of \`${tableName}\` sets \`${name}\`, which is not a column`));
        valid = false;
        continue;
      }
      if (MANAGED_COLUMNS.has(name)) {
        // apply would write it and then refuse the result (an inactive row in the definitions), or lose it
        diagnostics.push(ruleDiagnostic(ROWS_RULES['unknown-column'], raw.valueSpan(name, 'key'),
          `row of \`${tableName}\` sets \`${name}\`, which lakegen manages: a row in the definitions is active, `
          + 'a row removed from them is deactivated, and `systime` records when a row last changed',
          `Remove \`${name}\` from the row; to deactivate the row, remove the row.`));
        valid = false;
        continue;
      }
      const value = raw.fromCsv
        ? (rawValue === '' ? null : rawValue)
        : typeof rawValue === 'number' && raw.written ? withWrittenDigits(column.type, rawValue, () => raw.written!(name)) : rawValue;
      const coerced = coerceRowValue(column.type, value, raw.fromCsv);
      if ('error' in coerced) {
        diagnostics.push(ruleDiagnostic(ROWS_RULES.type, at, `\`${tableName}.${name}\`: ${coerced.error}`));
        invalid.add(name);
        valid = false;
        continue;
      }
      values[name] = coerced.value;
    }
    for (const column of columns) {
      const value = values[column.name];
      const missing = (value === undefined || value === null) && !invalid.has(column.name);
      // a `default: null` fills nothing: the server would insert NULL into the NOT NULL column
      const filledByDefault = value === undefined && column.default !== undefined
        && !(column.default.kind === 'literal' && column.default.value === null);
      if (missing && !column.nullable && !filledByDefault) {
        diagnostics.push(ruleDiagnostic(ROWS_RULES['not-null'], raw.span,
          `row of \`${tableName}\` has no value for NOT NULL column \`${column.name}\``));
        valid = false;
      }
    }
    return valid ? [{ values, span: raw.span, valueSpans, ordinal: index + 1 }] : [];
  });
}

function rawRows(document: SourceDocument): RawRow[] {
  const value = document.value as { rows?: unknown[] };
  const fromYaml: RawRow[] = (value.rows ?? []).map((row, index) => ({
    values: row as Record<string, unknown>,
    span: document.locate(['rows', index]),
    valueSpan: (column, part) => document.locate(['rows', index, column], part),
    written: document.writtenNumber && ((column) => document.writtenNumber!(['rows', index, column])),
    fromCsv: false,
  }));
  const csv = document.csv;
  const fromCsv: RawRow[] = (csv?.records ?? []).map((record) => {
    const span = { file: csv!.file, line: record.line, column: 1 };
    return { values: record.values, span, valueSpan: () => span, fromCsv: true };
  });
  return [...fromYaml, ...fromCsv];
}
