/**
 * rows/*: seeded reference rows have unique keys, and unique values where a column or a unique index says so,
 * compared as the server compares them (row-equality.ts).
 */
import { findTable, type Database, type Table } from '../model/catalog.js';
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
        checkReferencedRows(context, database, table);
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

/**
 * A row's foreign-key value must be a row the referenced reference table seeds: apply seeds both, and on a new
 * database the key would point at nothing. (A target that seeds no rows is filled elsewhere: not judged.)
 */
function checkReferencedRows(context: CheckContext, database: Database, table: Table): void {
  for (const column of table.columns) {
    const reference = column.references;
    if (!reference || reference.logical) continue;
    const target = findTable(database, reference.schema, reference.table);
    const targetColumn = target?.columns.find((c) => c.name === reference.column);
    if (!target || !targetColumn || target.kind !== 'reference' || target.rows.length === 0) continue;
    // a row that leaves the column out takes its literal default
    const fallback = targetColumn.default?.kind === 'literal' ? targetColumn.default.value : undefined;
    const seeded = new Set(target.rows.map((row) => (row.values[reference.column] === undefined ? fallback : row.values[reference.column]))
      .filter((value) => value !== null && value !== undefined).map((value) => equalityKey(targetColumn.type, value!)));
    for (const row of table.rows) {
      const value = row.values[column.name];
      if (value === null || value === undefined || seeded.has(equalityKey(targetColumn.type, value))) continue;
      context.report(ROWS_RULES['missing-referenced-row'], row.valueSpans[column.name] ?? row.span,
        `row ${row.ordinal} of \`${table.name}\` has ${column.name} = ${String(value)}, which no row of \`${reference.schema}.${reference.table}\` has as ${reference.column}`);
    }
  }
}
