/**
 * Reference rows on Databricks, with the PostgreSQL semantics (DESIGN.md §3), in one MERGE
 * (https://docs.databricks.com/sql/language-manual/delta-merge-into.html): new rows are inserted, changed rows
 * updated (and only then is `systime` touched), and rows gone from the definitions are deactivated by
 * WHEN NOT MATCHED BY SOURCE — never deleted. Re-running it changes nothing.
 *
 * The rows arrive as an inline VALUES table and are converted in the SELECT around it: CAST to the column
 * type, PARSE_JSON for VARIANT, UNHEX for BINARY.
 */
import type { Table } from '../../model/catalog.js';
import { renderTemplate } from '../shared/render-template.js';
import type { WarehouseDialect } from '../warehouse/dialect.js';
import { mergeSource, referenceRowSet } from '../warehouse/reference-rows.js';

const BINARY_FROM_HEX = (raw: string) => `UNHEX(${raw})`;

export function referenceDataStatements(dialect: WarehouseDialect, table: Table, name: string): string[] {
  const set = referenceRowSet(table, dialect);
  if (set.rows.length === 0) {
    return [`UPDATE ${name} SET is_active = FALSE, systime = ${dialect.now}\nWHERE is_active;`];
  }
  return [renderTemplate('databricks', 'reference-merge.sql', {
    table: name,
    ...mergeSource(dialect, set, BINARY_FROM_HEX),
    now: dialect.now,
  }).trimEnd()];
}

