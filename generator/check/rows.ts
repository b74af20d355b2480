/**
 * rows/*: seeded reference rows have unique keys, and unique values where a column or a unique index says so,
 * compared as the server compares them (row-equality.ts).
 */
import type { Table } from '../model/catalog.js';
import { equalityKey } from '../model/row-equality.js';
import type { CheckContext } from './context.js';
import { ROWS_RULES } from './model-rules.js';

export function checkRows(context: CheckContext): void {
  for (const database of context.catalog.databases) {
    for (const schema of database.schemas) {
      for (const table of schema.tables) {
        if (table.rows.length === 0) continue;
        checkUnique(context, table, table.primaryKey, 'duplicate-key');
        for (const column of table.columns) if (column.unique) checkUnique(context, table, [column.name], 'duplicate-unique');
        for (const index of table.indexes) if (index.unique) checkUnique(context, table, index.columns, 'duplicate-unique');
      }
    }
  }
}

function checkUnique(context: CheckContext, table: Table, columns: readonly string[], rule: 'duplicate-key' | 'duplicate-unique'): void {
  const seen = new Map<string, number>();
  const types = columns.map((name) => table.columns.find((c) => c.name === name)?.type);
  if (types.some((type) => type === undefined)) return; // model/unknown-column says so
  for (const row of table.rows) {
    const values = columns.map((c) => row.values[c]);
    if (values.some((v) => v === null || v === undefined)) continue;
    const key = JSON.stringify(values.map((value, i) => equalityKey(types[i]!, value!)));
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, row.ordinal);
      continue;
    }
    const label = columns.length === 1 ? `${columns[0]} = ${String(values[0])}` : `(${columns.join(', ')}) = (${values.join(', ')})`;
    context.report(ROWS_RULES[rule], row.valueSpans[columns[0]] ?? row.span,
      `rows ${earlier} and ${row.ordinal} of \`${table.name}\` both have ${label}`);
  }
}
