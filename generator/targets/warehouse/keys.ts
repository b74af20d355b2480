/**
 * The keys and references of a table as both warehouses see them: named like the PostgreSQL constraints
 * (model/naming.ts), with what each platform needs to decide how to declare them — whether a foreign key
 * points at a declared key, whether it closes a cycle, and whether the key may be trusted (RELY).
 */
import { findTable, type Column, type Database, type Index, type Table } from '../../model/catalog.js';
import { foreignKeyName, primaryKeyName, uniqueConstraintName } from '../../model/naming.js';

export interface KeyPlan {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface ForeignKeyPlan {
  readonly name: string;
  readonly column: Column;
  readonly schema: string;
  readonly table: string;
  readonly referencedColumn: string;
  /** What the referenced column is on its table: a platform can only point a foreign key at a declared key. */
  readonly target: 'primary key' | 'unique' | 'other';
  /** Closes a reference cycle: added after every table exists (the creation order's deferred set). */
  readonly deferred: boolean;
}

export interface TableKeys {
  readonly primaryKey: KeyPlan;
  /** Column `unique: true` constraints, then unique indexes, in definition order. */
  readonly uniques: readonly (KeyPlan & { readonly fromIndex: boolean })[];
  readonly foreignKeys: readonly ForeignKeyPlan[];
  /** `logical: true` references: documentation only, on every target. */
  readonly logicalReferences: readonly Column[];
  readonly plainIndexes: readonly Index[];
}

export function tableKeys(database: Database, table: Table, deferredForeignKeys: ReadonlySet<string>): TableKeys {
  const uniques = [
    ...table.columns.filter((c) => c.unique).map((c) => ({
      name: uniqueConstraintName(table.name, c.name), columns: [c.name], fromIndex: false,
    })),
    ...table.indexes.filter((i) => i.unique).map((i) => ({ name: i.name, columns: i.columns, fromIndex: true })),
  ];
  const foreignKeys = table.columns
    .filter((c) => c.references && !c.references.logical)
    .map((column) => foreignKey(database, table, column, deferredForeignKeys));
  return {
    primaryKey: { name: primaryKeyName(table.name), columns: table.primaryKey },
    uniques,
    foreignKeys,
    logicalReferences: table.columns.filter((c) => c.references?.logical),
    plainIndexes: table.indexes.filter((i) => !i.unique),
  };
}

function foreignKey(database: Database, table: Table, column: Column, deferred: ReadonlySet<string>): ForeignKeyPlan {
  const reference = column.references!;
  const target = findTable(database, reference.schema, reference.table);
  const kind = !target
    ? 'other'
    : target.primaryKey.length === 1 && target.primaryKey[0] === reference.column
      ? 'primary key'
      : target.columns.some((c) => c.name === reference.column && c.unique) ? 'unique' : 'other';
  return {
    name: foreignKeyName(table.name, column.name),
    column,
    schema: reference.schema,
    table: reference.table,
    referencedColumn: reference.column,
    target: kind,
    deferred: deferred.has(`${table.schema}.${table.name}.${column.name}`),
  };
}

/**
 * RELY lets the optimizer trust a key (join elimination) — and on Snowflake, since the 2025_03 behaviour
 * bundle, DML may produce wrong results when a relied-on key is violated. It is only safe where lakegen
 * itself guarantees the key: reference tables, whose rows only the generated MERGE writes, by that key.
 */
export function relyOnPrimaryKey(table: Table): boolean {
  return table.kind === 'reference';
}

/** What the PostgreSQL foreign key enforced beyond existence, for the report. */
export function foreignKeyActions(column: Column): string {
  const reference = column.references!;
  const parts: string[] = [];
  if (reference.onDelete) parts.push(`ON DELETE ${reference.onDelete.replace('_', ' ').toUpperCase()}`);
  if (reference.onUpdate) parts.push(`ON UPDATE ${reference.onUpdate.replace('_', ' ').toUpperCase()}`);
  if (reference.deferrable) parts.push('DEFERRABLE');
  return parts.join(', ');
}
