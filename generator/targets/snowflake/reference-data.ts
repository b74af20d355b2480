/**
 * Reference rows on Snowflake, with the PostgreSQL semantics (DESIGN.md §3): a MERGE by key
 * (https://docs.snowflake.com/en/sql-reference/sql/merge) that inserts new rows, updates only rows whose
 * values changed (and only then touches `systime`), then an UPDATE that deactivates rows gone from the
 * definitions — never a DELETE. Both are idempotent: a second run changes nothing.
 *
 * The rows arrive as constants in a VALUES list (Snowflake allows only constants there) and are converted in
 * the SELECT around it: CAST to the column type, PARSE_JSON for VARIANT, TO_BINARY for BINARY.
 */
import type { Column, Table } from '../../model/catalog.js';
import { renderTemplate } from '../shared/render-template.js';
import type { WarehouseDialect } from '../warehouse/dialect.js';
import { mergeSource, referenceRowSet } from '../warehouse/reference-rows.js';
import { valueLiteral } from '../warehouse/values.js';
import { quoteIdent } from './quote.js';

const BINARY_FROM_HEX = (raw: string) => `TO_BINARY(${raw}, 'HEX')`;

export function referenceDataStatements(dialect: WarehouseDialect, table: Table, name: string): string[] {
  const set = referenceRowSet(table, dialect);
  const deactivate = renderTemplate('snowflake', 'deactivate.sql', {
    table: name, now: dialect.now, keep: keepCondition(dialect, table),
  }).trimEnd();
  if (set.rows.length === 0) return [deactivate];
  const merge = renderTemplate('snowflake', 'reference-merge.sql', {
    table: name,
    ...mergeSource(dialect, set, BINARY_FROM_HEX),
    now: dialect.now,
  }).trimEnd();
  return [merge, deactivate];
}

/** The rows that stay active: every key still in the definitions (none: deactivate all). */
function keepCondition(dialect: WarehouseDialect, table: Table): string | undefined {
  if (table.rows.length === 0) return undefined;
  const key = table.primaryKey.map((name) => table.columns.find((c) => c.name === name)!);
  const literal = (row: Table['rows'][number], column: Column) => valueLiteral(row.values[column.name], column.type, dialect);
  if (key.length === 1) {
    return `${quoteIdent(key[0].name)} NOT IN (${table.rows.map((row) => literal(row, key[0])).join(', ')})`;
  }
  const matches = table.rows.map((row) => `(${key.map((c) => `${quoteIdent(c.name)} = ${literal(row, c)}`).join(' AND ')})`);
  return `NOT (${matches.join(' OR ')})`;
}
