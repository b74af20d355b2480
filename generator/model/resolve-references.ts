/**
 * Binds `references: schema.table[.column]` to the target table's column. The column defaults to the target's
 * primary key (its business key, for a temporal table); a reference may name a temporal table by its
 * current-state view. Type agreement and the other judgements are rules (check/references.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { REFERENCES_RULES } from '../check/references-rules.js';
import { ruleDiagnostic } from '../check/rule.js';
import type { Column, ColumnReference, Table } from './catalog.js';
import type { PendingReference } from './resolve-table.js';

export interface TableIndex {
  /** By `schema.table`, and for temporal tables also by `schema.current_view`. */
  get(id: string): Table | undefined;
  /** Tables that exist but could not be resolved: references to them are not reported again. */
  isBroken(id: string): boolean;
}

export function bindReferences(
  table: Table, pending: readonly PendingReference[], tables: TableIndex, diagnostics: Diagnostic[],
): Table {
  if (pending.length === 0) return table;
  const bound = new Map<string, ColumnReference>();
  for (const reference of pending) {
    const resolved = bindOne(table, reference, tables, diagnostics);
    if (resolved) bound.set(reference.column, resolved);
  }
  // the table and its columns were made by resolveTable for this resolve alone: completed in place, not copied
  for (const column of table.columns as { -readonly [K in keyof Column]: Column[K] }[]) {
    const reference = bound.get(column.name);
    if (reference) column.references = reference;
  }
  return table;
}

function bindOne(
  table: Table, reference: PendingReference, tables: TableIndex, diagnostics: Diagnostic[],
): ColumnReference | undefined {
  const parts = reference.target.split('.');
  const targetId = `${parts[0]}.${parts[1]}`;
  const target = tables.get(targetId);
  if (!target) {
    if (!tables.isBroken(targetId)) {
      diagnostics.push(ruleDiagnostic(REFERENCES_RULES['target-exists'], reference.span,
        `\`${table.name}.${reference.column}\` references \`${targetId}\`, which does not exist in database \`${table.database}\``));
    }
    return undefined;
  }
  const defaultKey = target.temporal ? target.temporal.key : target.primaryKey;
  const column = parts[2] ?? (defaultKey.length === 1 ? defaultKey[0] : undefined);
  if (column === undefined) {
    diagnostics.push(ruleDiagnostic(REFERENCES_RULES['target-exists'], reference.span,
      `\`${targetId}\` has a composite key (${defaultKey.join(', ')}): a single-column reference must name its column`,
      `Write references: ${targetId}.<column>.`));
    return undefined;
  }
  if (!target.columns.some((c) => c.name === column)) {
    diagnostics.push(ruleDiagnostic(REFERENCES_RULES['target-exists'], reference.span,
      `\`${table.name}.${reference.column}\` references \`${targetId}.${column}\`, which is not a column`));
    return undefined;
  }
  return {
    schema: target.schema,
    table: target.name,
    column,
    onDelete: reference.onDelete,
    onUpdate: reference.onUpdate,
    deferrable: reference.deferrable,
    logical: reference.logical,
    span: reference.span,
  };
}
