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
import { referenceRowSet, type RowCell } from '../warehouse/reference-rows.js';
import { valueLiteral } from '../warehouse/values.js';
import { quoteIdent } from './quote.js';

export function referenceDataStatements(dialect: WarehouseDialect, table: Table, name: string): string[] {
  const set = referenceRowSet(table);
  const deactivate = renderTemplate('snowflake', 'deactivate.sql', {
    table: name, now: dialect.now, keep: keepCondition(dialect, table),
  }).trimEnd();
  if (set.rows.length === 0) return [deactivate];
  const merge = renderTemplate('snowflake', 'reference-merge.sql', {
    table: name,
    select: set.columns.map((c) => `${sourceExpression(dialect, c)} AS ${quoteIdent(c.name)}`),
    rows: set.rows.map((row) => row.map((cell, i) => cellLiteral(dialect, cell, set.columns[i]))),
    columns: set.columns.map((c) => quoteIdent(c.name)),
    key: set.key.map((c) => quoteIdent(c.name)),
    updatable: set.updatable.map((c) => quoteIdent(c.name)),
    now: dialect.now,
  }).trimEnd();
  return [merge, deactivate];
}

function sourceExpression(dialect: WarehouseDialect, column: Column): string {
  const raw = quoteIdent(column.name);
  if (column.type.name === 'jsonb') return `PARSE_JSON(${raw})`;
  if (column.type.name === 'bytea') return `TO_BINARY(${raw}, 'HEX')`;
  return `CAST(${raw} AS ${dialect.types[column.type.name](column.type).sql})`;
}

function cellLiteral(dialect: WarehouseDialect, cell: RowCell, column: Column): string {
  if ('generated' in cell) return cell.generated === 'now' ? dialect.now : dialect.uuid;
  return valueLiteral(cell.value, column.type, dialect);
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
