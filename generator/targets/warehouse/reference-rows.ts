/**
 * The rows of a reference table as a rectangle both warehouse MERGEs read, with the PostgreSQL target's
 * semantics: the columns of referenceRowColumns() (model/kinds.ts). A cell a row leaves out takes the
 * column's default.
 */
import type { Column, Scalar, Table } from '../../model/catalog.js';
import { referenceRowColumns } from '../../model/kinds.js';
import { platformType, type WarehouseDialect } from './dialect.js';
import { classifyDefault, valueLiteral } from './values.js';

export type RowCell = { readonly value: Scalar } | { readonly generated: 'now' | 'uuid' };

export interface ReferenceRowSet {
  readonly key: readonly Column[];
  /** Written columns in table order, `is_active` always among them. */
  readonly columns: readonly Column[];
  /** Columns the MERGE updates when a row changed: every written column but the key. */
  readonly updatable: readonly Column[];
  readonly rows: readonly (readonly RowCell[])[];
  /**
   * Columns no row sets whose default the platform cannot carry (a uuid on Databricks): a new row gets the
   * value generated in the INSERT, as PostgreSQL's default would give it, and keeps it (never compared).
   */
  readonly generatedOnInsert: readonly { readonly column: Column; readonly generated: 'uuid' }[];
}

export function referenceRowSet(table: Table, dialect: WarehouseDialect): ReferenceRowSet {
  const written = referenceRowColumns(table);
  const key = table.primaryKey.map((name) => table.columns.find((c) => c.name === name)!);
  const generatedOnInsert = dialect.uuidDefault ? [] : table.columns
    .filter((c) => !written.includes(c) && classifyDefault(c).kind === 'uuid')
    .map((column) => ({ column, generated: 'uuid' as const }));
  return {
    key,
    columns: written,
    updatable: written.filter((c) => !table.primaryKey.includes(c.name)),
    rows: table.rows.map((row) => written.map((column) => cell(row.values, column))),
    generatedOnInsert,
  };
}

function cell(values: Readonly<Record<string, Scalar>>, column: Column): RowCell {
  if (column.name in values) return { value: values[column.name] };
  if (column.name === 'is_active') return { value: true };
  const carried = classifyDefault(column);
  if (carried.kind === 'literal') return { value: carried.value };
  if (carried.kind === 'now' || carried.kind === 'uuid') return { generated: carried.kind };
  return { value: null };
}

export interface MergeSource {
  readonly select: string[];
  readonly rows: string[][];
  readonly columns: string[];
  readonly key: string[];
  readonly updatable: string[];
  /** Columns the INSERT branch fills with a generated value (ReferenceRowSet.generatedOnInsert). */
  readonly insertOnly: { readonly column: string; readonly value: string }[];
}

/**
 * The render-ready parts of a reference-row MERGE, the same on both platforms: the rows as constants, and a
 * SELECT that converts each to its column's type (`binaryFromHex` is the one spelling that differs).
 */
export function mergeSource(dialect: WarehouseDialect, set: ReferenceRowSet, binaryFromHex: (raw: string) => string): MergeSource {
  const source = (column: Column) => {
    const raw = dialect.quoteIdent(column.name);
    if (column.type.name === 'jsonb') return `PARSE_JSON(${raw})`;
    if (column.type.name === 'bytea') return binaryFromHex(raw);
    return `CAST(${raw} AS ${platformType(dialect, column.type).sql})`;
  };
  const cell = (value: RowCell, column: Column) =>
    'generated' in value ? (value.generated === 'now' ? dialect.now : dialect.uuid) : valueLiteral(value.value, column.type, dialect);
  return {
    select: set.columns.map((c) => `${source(c)} AS ${dialect.quoteIdent(c.name)}`),
    rows: set.rows.map((row) => row.map((value, i) => cell(value, set.columns[i]))),
    columns: set.columns.map((c) => dialect.quoteIdent(c.name)),
    key: set.key.map((c) => dialect.quoteIdent(c.name)),
    updatable: set.updatable.map((c) => dialect.quoteIdent(c.name)),
    insertOnly: set.generatedOnInsert.map(({ column }) => ({ column: dialect.quoteIdent(column.name), value: dialect.uuid })),
  };
}
