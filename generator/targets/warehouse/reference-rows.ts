/**
 * The rows of a reference table as a rectangle both warehouse MERGEs read, with the PostgreSQL target's
 * semantics (generator/targets/postgres/reference-data.ts): the columns any row writes, plus `is_active`
 * (true unless a row says otherwise, so a row back in the definitions is reactivated); never `systime`,
 * which the MERGE sets only when a row changes. A cell a row leaves out takes the column's default.
 */
import type { Column, Scalar, Table } from '../../model/catalog.js';
import { classifyDefault } from './values.js';

export type RowCell = { readonly value: Scalar } | { readonly generated: 'now' | 'uuid' };

export interface ReferenceRowSet {
  readonly key: readonly Column[];
  /** Written columns in table order, `is_active` always among them. */
  readonly columns: readonly Column[];
  /** Columns the MERGE updates when a row changed: every written column but the key. */
  readonly updatable: readonly Column[];
  readonly rows: readonly (readonly RowCell[])[];
}

export function referenceRowSet(table: Table): ReferenceRowSet {
  const written = table.columns.filter((c) =>
    c.name !== 'systime' && (c.name === 'is_active' || table.rows.some((r) => c.name in r.values)));
  const key = table.primaryKey.map((name) => table.columns.find((c) => c.name === name)!);
  return {
    key,
    columns: written,
    updatable: written.filter((c) => !table.primaryKey.includes(c.name)),
    rows: table.rows.map((row) => written.map((column) => cell(row.values, column))),
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
