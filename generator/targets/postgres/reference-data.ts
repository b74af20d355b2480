/**
 * Reference rows as an idempotent upsert by key (DESIGN.md §3): a changed row is updated and its `systime`
 * set, an unchanged row is left alone (the WHERE of DO UPDATE), and rows that are in the database but no
 * longer in the definitions are deactivated, never deleted. Values are escaped literals, never spliced text.
 */
import type { Column, ReferenceRow, Table } from '../../model/catalog.js';
import { referenceRowColumns } from '../../model/kinds.js';
import { qualifiedName, quoteIdent, sqlValue } from './quote.js';
import { identList } from './table-ddl.js';

export interface ReferenceDataSql {
  /**
   * One INSERT … ON CONFLICT per set of columns the rows leave to an SQL default (usually one), without its
   * semicolon: a row that omits such a column takes the default when inserted and keeps that value afterwards,
   * since `now()` or `gen_random_uuid()` would differ on every apply and the row would never be up to date.
   * They run as one statement (upsertStatement): foreign keys between the rows are checked at its end.
   */
  readonly upserts: readonly string[];
  readonly deactivate: string;
}

/**
 * The upserts as one statement, for the data file: several are the data-modifying parts of one WITH, whose
 * foreign keys PostgreSQL checks when the whole statement ends, so a row may point at a row of another part.
 */
export function upsertStatement(upserts: readonly string[]): string {
  const last = upserts[upserts.length - 1];
  if (upserts.length === 1) return `${last};`;
  const parts = upserts.slice(0, -1).map((upsert, index) => `rows_${index + 1} AS (\n${upsert}\n)`);
  return `WITH ${parts.join(',\n')}\n${last};`;
}

/** The same statement, counting inserted and updated rows (a row inserted has xmax 0): what apply runs. */
export function countedUpsertStatement(upserts: readonly string[]): string {
  const parts = upserts.map((upsert, index) => `rows_${index + 1} AS (\n${upsert}\nRETURNING (xmax = 0) AS inserted)`);
  const all = upserts.map((_, index) => `SELECT inserted FROM rows_${index + 1}`).join(' UNION ALL ');
  return `WITH ${parts.join(',\n')}\nSELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM (${all}) AS upserted`;
}

export function referenceDataSql(table: Table): ReferenceDataSql {
  const deactivate = deactivateSql(table, qualifiedName(table.schema, table.name));
  const groups = new Map<string, { columns: Column[]; rows: ReferenceRow[] }>();
  const columns = referenceRowColumns(table);
  for (const row of table.rows) {
    const own = columns.filter((c) => c.name in row.values || c.default?.kind !== 'sql');
    const id = own.map((c) => c.name).join(',');
    const group = groups.get(id) ?? groups.set(id, { columns: own, rows: [] }).get(id)!;
    group.rows.push(row);
  }
  return { upserts: [...groups.values()].map((group) => upsertSql(table, group.columns, group.rows)), deactivate };
}

function upsertSql(table: Table, columns: readonly Column[], rows: readonly ReferenceRow[]): string {
  const key = table.primaryKey;
  const values = rows.map((row) =>
    `  (${columns.map((c) => (c.name in row.values ? sqlValue(row.values[c.name]) : c.name === 'is_active' ? 'true' : 'DEFAULT')).join(', ')})`);
  const updatable = columns.filter((c) => !key.includes(c.name)).map((c) => quoteIdent(c.name));
  return [
    `INSERT INTO ${qualifiedName(table.schema, table.name)} AS existing (${identList(columns.map((c) => c.name))})`,
    'VALUES',
    `${values.join(',\n')}`,
    `ON CONFLICT (${identList(key)}) DO UPDATE`,
    `SET ${[...updatable.map((c) => `${c} = EXCLUDED.${c}`), 'systime = now()'].join(', ')}`,
    // `*=`, the stored bytes: '1 day' to '24 hours' is a change, though `=` calls them equal
    `WHERE NOT (ROW(${updatable.map((c) => `existing.${c}`).join(', ')})::record *= ROW(${updatable.map((c) => `EXCLUDED.${c}`).join(', ')})::record)`,
  ].join('\n');
}

function deactivateSql(table: Table, name: string): string {
  const key = table.primaryKey;
  const keyTuple = key.length === 1 ? quoteIdent(key[0]) : `(${identList(key)})`;
  const keys = table.rows.map((row) =>
    key.length === 1 ? sqlValue(row.values[key[0]]) : `(${key.map((k) => sqlValue(row.values[k])).join(', ')})`);
  const condition = keys.length > 0 ? ` AND ${keyTuple} NOT IN (${keys.join(', ')})` : '';
  return `UPDATE ${name} SET is_active = false, systime = now()\nWHERE is_active${condition};`;
}
