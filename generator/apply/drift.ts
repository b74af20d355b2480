/**
 * Differences between a table's definition and the table a database holds. Apply creates what is missing but
 * never alters: a difference stops it before anything changes (migrations are a later capability).
 */
import type { Table } from '../model/catalog.js';
import { formatLogicalType } from '../model/logical-type.js';
import { postgresCatalogType } from '../targets/postgres/types.js';
import type { LiveTable } from './live-catalog.js';

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
