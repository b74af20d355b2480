/**
 * Reference rows on Databricks, with the PostgreSQL semantics (DESIGN.md §3), in one MERGE
 * (https://docs.databricks.com/sql/language-manual/delta-merge-into.html): new rows are inserted, changed rows
 * updated (and only then is `systime` touched), and rows gone from the definitions are deactivated by
 * WHEN NOT MATCHED BY SOURCE — never deleted. Re-running it changes nothing.
 *
 * The rows arrive as an inline VALUES table and are converted in the SELECT around it: CAST to the column
 * type, PARSE_JSON for VARIANT, UNHEX for BINARY.
 */
import type { Column, Table } from '../../model/catalog.js';
import { renderTemplate } from '../shared/render-template.js';
import type { WarehouseDialect } from '../warehouse/dialect.js';
import { referenceRowSet, type RowCell } from '../warehouse/reference-rows.js';
import { valueLiteral } from '../warehouse/values.js';
import { quoteIdent } from './quote.js';

export function referenceDataStatements(dialect: WarehouseDialect, table: Table, name: string): string[] {
  const set = referenceRowSet(table);
  if (set.rows.length === 0) {
    return [`UPDATE ${name} SET is_active = FALSE, systime = ${dialect.now}\nWHERE is_active;`];
  }
  return [renderTemplate('databricks', 'reference-merge.sql', {
    table: name,
    select: set.columns.map((c) => `${sourceExpression(dialect, c)} AS ${quoteIdent(c.name)}`),
    rows: set.rows.map((row) => row.map((cell, i) => cellLiteral(dialect, cell, set.columns[i]))),
    columns: set.columns.map((c) => quoteIdent(c.name)),
    key: set.key.map((c) => quoteIdent(c.name)),
    updatable: set.updatable.map((c) => quoteIdent(c.name)),
    now: dialect.now,
  }).trimEnd()];
}

function sourceExpression(dialect: WarehouseDialect, column: Column): string {
  const raw = quoteIdent(column.name);
  if (column.type.name === 'jsonb') return `PARSE_JSON(${raw})`;
  if (column.type.name === 'bytea') return `UNHEX(${raw})`;
  return `CAST(${raw} AS ${dialect.types[column.type.name](column.type).sql})`;
}

function cellLiteral(dialect: WarehouseDialect, cell: RowCell, column: Column): string {
  if ('generated' in cell) return cell.generated === 'now' ? dialect.now : dialect.uuid;
  return valueLiteral(cell.value, column.type, dialect);
}
