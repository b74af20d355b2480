/**
 * What each table kind adds and demands (DESIGN.md §3). The one place that knows the kinds' columns:
 * resolve() adds them, the rules compare user-written versions against them, targets read the Catalog.
 */
import type { Column, ColumnDefault, Table, TableKind } from './catalog.js';
import type { LogicalType } from './logical-type.js';

export interface KindColumn {
  readonly name: string;
  readonly type: LogicalType;
  readonly nullable: boolean;
  readonly default?: ColumnDefault;
  readonly description: string;
}

const NOW: ColumnDefault = { kind: 'sql', sql: 'now()' };
export const OPEN_PERIOD_END = 'infinity';
export const GENERATED_UUID: ColumnDefault = { kind: 'sql', sql: 'gen_random_uuid()' };

export const KIND_COLUMNS: Readonly<Record<TableKind, readonly KindColumn[]>> = {
  reference: [
    { name: 'is_active', type: { name: 'boolean' }, nullable: false, default: { kind: 'literal', value: true },
      description: 'False once the row is removed from the definitions; reference rows are never deleted.' },
    { name: 'systime', type: { name: 'timestamptz' }, nullable: false, default: NOW,
      description: 'When the row last changed.' },
  ],
  transactional: [
    { name: 'effective_time', type: { name: 'timestamptz' }, nullable: false, default: NOW,
      description: 'When the business fact took effect.' },
  ],
  temporal: [
    { name: 'sys_start', type: { name: 'timestamptz' }, nullable: false, default: NOW,
      description: 'Start of the version\'s validity (transaction time, inclusive).' },
    { name: 'sys_end', type: { name: 'timestamptz' }, nullable: false,
      default: { kind: 'literal', value: OPEN_PERIOD_END },
      description: 'End of the version\'s validity (exclusive); infinity while the version is current.' },
  ],
};

export const PERIOD_COLUMNS = ['sys_start', 'sys_end'] as const;

export function isKindColumn(kind: TableKind, name: string): boolean {
  return KIND_COLUMNS[kind].some((c) => c.name === name);
}

/** The conventional key column of reference and transactional tables. */
export function conventionalKeyColumn(tableName: string): string {
  return `${tableName}_id`;
}

export function defaultCurrentView(tableName: string): string {
  return tableName.endsWith('_hist') ? tableName.slice(0, -'_hist'.length) : `${tableName}_current`;
}

/**
 * The columns a reference table's rows write, in table order, `is_active` always among them (true unless a row
 * says otherwise, so a row back in the definitions is reactivated) and never `systime`, which the upsert sets
 * only when a row changes. The definitions own the rows: a column without a default, or with a literal one, is
 * always written, so a value removed from every row goes back to NULL or the default instead of staying behind;
 * a column whose default is an SQL expression (`now()`, `gen_random_uuid()`) that no row sets stays the
 * database's, since that value would differ on every apply. Every target's reference-row statement writes these.
 */
export function referenceRowColumns(table: Table): Column[] {
  return table.columns.filter((c) => c.name !== 'systime' && (c.name === 'is_active'
    || (c.origin === 'user' && c.default?.kind !== 'sql') || table.rows.some((r) => c.name in r.values)));
}
