/**
 * The rows of a reference table as a rectangle both warehouse MERGEs read, with the PostgreSQL target's
 * semantics: the columns of referenceRowColumns() (model/kinds.ts). A cell a row leaves out takes the
 * column's default.
 */
import type { Column, Scalar, Table } from '../../model/catalog.js';
import { referenceRowColumns } from '../../model/kinds.js';
import { platformType, type WarehouseDialect } from './dialect.js';
import { freeName } from './temporal.js';
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
  /** The names of the source rows' columns: the written ones, then one `given` marker per partly set column. */
  readonly sourceColumns: string[];
  /** The columns the INSERT branch writes from the source. */
  readonly columns: string[];
  readonly key: string[];
  /** WHEN MATCHED AND (any of these): a value that differs. */
  readonly comparisons: string[];
  /** UPDATE SET: each updatable column from the source. */
  readonly assignments: string[];
  /** Columns the INSERT branch fills with a generated value (ReferenceRowSet.generatedOnInsert). */
  readonly insertOnly: { readonly column: string; readonly value: string }[];
}

/**
 * The render-ready parts of a reference-row MERGE, the same on both platforms: the rows as constants, and a
 * SELECT that converts each to its column's type (`binaryFromHex` is the one spelling that differs).
 *
 * A column that some rows set and others leave to `now()` or a uuid default gets a boolean marker per row:
 * a row that left it out inserts the generated value and then keeps what it got (as PostgreSQL's upsert does),
 * instead of being compared with a value generated anew on every run.
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
  const partly = set.columns.filter((_, i) => set.rows.some((row) => 'generated' in row[i]));
  const markers = new Map(partly.map((column, n) => [column, dialect.quoteIdent(freeName(`given_${n + 1}`, set.columns))]));
  const quote = (column: Column) => dialect.quoteIdent(column.name);
  return {
    select: [...set.columns.map((c) => `${source(c)} AS ${quote(c)}`), ...markers.values()],
    rows: set.rows.map((row) => [
      ...row.map((value, i) => cell(value, set.columns[i])),
      ...partly.map((column) => ('generated' in row[set.columns.indexOf(column)] ? 'FALSE' : 'TRUE')),
    ]),
    sourceColumns: [...set.columns.map(quote), ...markers.values()],
    columns: set.columns.map(quote),
    key: set.key.map(quote),
    comparisons: set.updatable.map((c) => {
      const differs = `target.${quote(c)} IS DISTINCT FROM source.${quote(c)}`;
      return markers.has(c) ? `(source.${markers.get(c)} AND ${differs})` : differs;
    }),
    assignments: set.updatable.map((c) => (markers.has(c)
      ? `${quote(c)} = CASE WHEN source.${markers.get(c)} THEN source.${quote(c)} ELSE target.${quote(c)} END`
      : `${quote(c)} = source.${quote(c)}`)),
    insertOnly: set.generatedOnInsert.map(({ column }) => ({ column: quote(column), value: dialect.uuid })),
  };
}
