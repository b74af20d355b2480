/**
 * Differences between a table's definition and the table a database holds. Apply creates what is missing but
 * never alters: a difference stops it before anything changes (migrations are a later capability).
 */
import type { Table } from '../model/catalog.js';
import { formatLogicalType } from '../model/logical-type.js';
import { postgresCatalogType } from '../targets/postgres/types.js';
import { PERIOD_COLUMNS } from '../model/kinds.js';
import type { LiveState, LiveTable } from './live-catalog.js';

export interface TableDrift {
  readonly table: string;
  readonly differences: string[];
}

export function tableDifferences(table: Table, live: LiveTable): string[] {
  const differences: string[] = [];
  const liveColumns = new Map(live.columns.map((c) => [c.name, c]));
  for (const column of table.columns) {
    const found = liveColumns.get(column.name);
    if (!found) {
      differences.push(`column ${column.name} ${formatLogicalType(column.type)} is defined but not in the database`);
      continue;
    }
    const expectedType = postgresCatalogType(column.type);
    if (found.type !== expectedType) {
      differences.push(`column ${column.name} is ${found.type} in the database, ${expectedType} in the definitions`);
    }
    if (found.notNull === column.nullable) {
      differences.push(`column ${column.name} is ${found.notNull ? 'NOT NULL' : 'nullable'} in the database, ${column.nullable ? 'nullable' : 'NOT NULL'} in the definitions`);
    }
  }
  const defined = new Set(table.columns.map((c) => c.name));
  for (const column of live.columns) {
    if (!defined.has(column.name)) differences.push(`column ${column.name} ${column.type} is in the database but not in the definitions`);
  }
  if (live.primaryKey.join(',') !== table.primaryKey.join(',')) {
    differences.push(`primary key is (${live.primaryKey.join(', ')}) in the database, (${table.primaryKey.join(', ')}) in the definitions`);
  }
  return differences;
}

/**
 * A temporal table's current-state view must list the table's columns in the order of the definitions: the
 * deploy replaces the view (CREATE OR REPLACE VIEW), and PostgreSQL can add columns at the end of a view but
 * cannot move, rename or drop one (42P16). A reordered definition is drift, said before anything runs.
 */
export function viewDifferences(table: Table, live: LiveState): string[] {
  if (!table.temporal) return [];
  const view = `${table.schema}.${table.temporal.currentView}`;
  const liveColumns = live.viewColumns.get(view);
  if (!liveColumns) return [];
  const expected = table.columns.map((c) => c.name).filter((name) => !(PERIOD_COLUMNS as readonly string[]).includes(name));
  const kept = expected.slice(0, liveColumns.length);
  if (kept.join(',') === liveColumns.join(',')) return [];
  return [`current view ${view} has the columns (${liveColumns.join(', ')}) in the database, `
    + `(${expected.join(', ')}) in the definitions; PostgreSQL cannot move or drop a view's columns: `
    + `keep the columns' order in the definitions, or drop the view (DROP VIEW ${view}) and apply again`];
}
