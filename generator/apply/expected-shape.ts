/**
 * The definitions' version of an existing table, for shape-drift.ts. Defaults go onto a temporary view with
 * the table's column types (ALTER … SET DEFAULT cooks them exactly as for a table), so the server prints both
 * the same way; checks are printed through views filtered by them (shape-drift.ts). Views have no storage: a
 * temporary table per table cost a file each, a second per index. Keys, unique constraints, indexes and
 * foreign keys are compared by their columns, so they are plain data here.
 */
import type { Table } from '../model/catalog.js';
import {
  columnCheckName, foreignKeyName, periodCheckName, primaryKeyName, uniqueConstraintName,
} from '../model/naming.js';
import { quoteIdent } from '../targets/postgres/quote.js';
import { columnDefaultSql } from '../targets/postgres/table-ddl.js';
import { MAX_IDENTIFIER_BYTES, temporalObjectNames, truncateUtf8 } from '../targets/postgres/temporal-names.js';
import { postgresColumnType } from '../targets/postgres/types.js';

export interface ExpectedShape {
  /** `pg_temp.<name>`, the view made by `sql`, holding the definitions' defaults. */
  readonly temporaryView: string;
  readonly sql: string;
  /** Column → its DEFAULT as the definitions write it (columns without one are absent). */
  readonly defaults: ReadonlyMap<string, string>;
  /** Check name → its expression as the definitions write it. */
  readonly checks: ReadonlyMap<string, string>;
  /** Primary key and unique constraints: name → `PRIMARY KEY (a, b)` / `UNIQUE (c)`. */
  readonly keys: ReadonlyMap<string, string>;
  /** Indexes (not those of constraints): name → `UNIQUE (a) WHERE …` as indexDescription() writes it. */
  readonly indexes: ReadonlyMap<string, string>;
  readonly foreignKeys: readonly ExpectedForeignKey[];
}

/** How keys and indexes are compared: their columns, uniqueness and whether they are partial. */
export function keyDescription(kind: 'p' | 'u', columns: readonly string[]): string {
  return `${kind === 'p' ? 'PRIMARY KEY' : 'UNIQUE'} (${columns.join(', ')})`;
}

export function indexDescription(unique: boolean, columns: readonly string[], partial: boolean): string {
  return `${unique ? 'UNIQUE ' : ''}(${columns.join(', ')})${partial ? ' partial' : ''}`;
}

export interface ExpectedForeignKey {
  readonly name: string;
  readonly column: string;
  readonly target: { readonly schema: string; readonly table: string; readonly column: string };
  /** pg_constraint's action codes: a no action, r restrict, c cascade, n set null, d set default. */
  readonly onDelete: string;
  readonly onUpdate: string;
  readonly deferred: boolean;
}

const ACTION_CODES = { no_action: 'a', restrict: 'r', cascade: 'c', set_null: 'n', set_default: 'd' } as const;

export function expectedShape(table: Table, index: number): ExpectedShape {
  const temporaryView = `lakegen_shape_${index}`;
  const checks = new Map<string, string>();
  for (const column of table.columns) if (column.check) checks.set(columnCheckName(table.name, column.name), column.check);
  if (table.temporal) checks.set(periodCheckName(table.name), 'sys_start < sys_end');

  const keys = new Map<string, string>([[primaryKeyName(table.name), keyDescription('p', table.primaryKey)]]);
  for (const column of table.columns) if (column.unique) keys.set(uniqueConstraintName(table.name, column.name), keyDescription('u', [column.name]));
  const indexes = new Map(table.indexes.map((i) => [i.name, indexDescription(i.unique, i.columns, false)]));
  if (table.temporal) {
    const { openKeyIndex } = temporalObjectNames(table.name, table.temporal.currentView);
    indexes.set(openKeyIndex, indexDescription(true, table.temporal.key, true));
  }
  const columns = table.columns.map((c) => `NULL::${postgresColumnType(c.type)} AS ${quoteIdent(c.name)}`);
  const defaults = new Map(table.columns.flatMap((c) => {
    const sql = columnDefaultSql(c);
    return sql === undefined ? [] : [[c.name, sql] as const];
  }));
  const statements = [`CREATE TEMP VIEW ${temporaryView} AS SELECT ${columns.join(', ')};`];
  const setDefaults = [...defaults].map(([column, sql]) => `ALTER COLUMN ${quoteIdent(column)} SET DEFAULT ${sql}`);
  if (setDefaults.length > 0) statements.push(`ALTER TABLE pg_temp.${temporaryView} ${setDefaults.join(', ')};`);
  return {
    temporaryView, sql: statements.join('\n'), defaults,
    checks: storedNames(checks), keys: storedNames(keys), indexes: storedNames(indexes),
    foreignKeys: expectedForeignKeys(table).map((key) => ({ ...key, name: storedName(key.name) })),
  };
}

/** A name as the catalog holds it: PostgreSQL cuts a longer one to 63 bytes (naming/max-length warns of it). */
function storedName(name: string): string {
  return truncateUtf8(name, MAX_IDENTIFIER_BYTES);
}

function storedNames<T>(byName: ReadonlyMap<string, T>): Map<string, T> {
  return new Map([...byName].map(([name, value]) => [storedName(name), value]));
}

function expectedForeignKeys(table: Table): ExpectedForeignKey[] {
  return table.columns.filter((c) => c.references && !c.references.logical).map((column) => {
    const reference = column.references!;
    return {
      name: foreignKeyName(table.name, column.name),
      column: column.name,
      target: { schema: reference.schema, table: reference.table, column: reference.column },
      onDelete: ACTION_CODES[reference.onDelete ?? 'no_action'],
      onUpdate: ACTION_CODES[reference.onUpdate ?? 'no_action'],
      deferred: reference.deferrable,
    };
  });
}
