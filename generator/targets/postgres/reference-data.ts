/**
 * Reference rows as an idempotent upsert by key (DESIGN.md §3): a changed row is updated and its `systime`
 * set, an unchanged row is left alone (the WHERE of DO UPDATE), and rows that are in the database but no
 * longer in the definitions are deactivated, never deleted. Values are escaped literals, never spliced text.
 */
import type { Table } from '../../model/catalog.js';
import { referenceRowColumns } from '../../model/kinds.js';
import { qualifiedName, quoteIdent, sqlValue } from './quote.js';
import { identList } from './table-ddl.js';

export interface ReferenceDataSql {
  readonly upsert?: string;
  readonly deactivate: string;
}

export function referenceDataSql(table: Table): ReferenceDataSql {
  const name = qualifiedName(table.schema, table.name);
  const key = table.primaryKey;
  const columns = referenceRowColumns(table);
  const deactivate = deactivateSql(table, name);
  if (table.rows.length === 0) return { deactivate };

  const values = table.rows.map((row) =>
    `  (${columns.map((c) => (c.name in row.values ? sqlValue(row.values[c.name]) : c.name === 'is_active' ? 'true' : 'DEFAULT')).join(', ')})`);
  const updatable = columns.filter((c) => !key.includes(c.name)).map((c) => quoteIdent(c.name));
  const upsert = [
    `INSERT INTO ${name} AS existing (${identList(columns.map((c) => c.name))})`,
    'VALUES',
    `${values.join(',\n')}`,
    `ON CONFLICT (${identList(key)}) DO UPDATE`,
    `SET ${[...updatable.map((c) => `${c} = EXCLUDED.${c}`), 'systime = now()'].join(', ')}`,
    `WHERE (${updatable.map((c) => `existing.${c}`).join(', ')}) IS DISTINCT FROM (${updatable.map((c) => `EXCLUDED.${c}`).join(', ')});`,
  ].join('\n');
  return { upsert, deactivate };
}

function deactivateSql(table: Table, name: string): string {
  const key = table.primaryKey;
  const keyTuple = key.length === 1 ? quoteIdent(key[0]) : `(${identList(key)})`;
  const keys = table.rows.map((row) =>
    key.length === 1 ? sqlValue(row.values[key[0]]) : `(${key.map((k) => sqlValue(row.values[k])).join(', ')})`);
  const condition = keys.length > 0 ? ` AND ${keyTuple} NOT IN (${keys.join(', ')})` : '';
  return `UPDATE ${name} SET is_active = false, systime = now()\nWHERE is_active${condition};`;
}
