/**
 * Temporal tables on a warehouse (DESIGN.md §8). Neither platform has triggers, so the PostgreSQL design (one
 * `_hist` table kept by triggers, a writable current view) becomes: a current-state *table* named like the
 * PostgreSQL current view, which clients write, and a history that a scheduled job derives from its changes.
 * The names and the column split are the same on both platforms; how the history is kept is the target's.
 */
import { findColumn, type Column, type Table } from '../../model/catalog.js';
import { asOfFunctionName, warehouseTemporalNames } from '../../model/naming.js';
import { PERIOD_COLUMNS } from '../../model/kinds.js';

export interface TemporalShape {
  /** `<name>_hist`: every version. */
  readonly history: string;
  /** The PostgreSQL current view's name, here a table with every column but the period. */
  readonly current: string;
  /** A view of the open versions of the history, with their period. */
  readonly openVersions: string;
  readonly asOf: string;
  readonly key: readonly Column[];
  /** Every column but sys_start/sys_end, in table order. */
  readonly stateColumns: readonly Column[];
  /** State columns that are not part of the key: a change to any of them opens a new version. */
  readonly valueColumns: readonly Column[];
}

export function temporalShape(table: Table): TemporalShape {
  const spec = table.temporal!;
  const stateColumns = table.columns.filter((c) => !(PERIOD_COLUMNS as readonly string[]).includes(c.name));
  return {
    history: table.name,
    current: spec.currentView,
    openVersions: warehouseTemporalNames(table.name).openVersions,
    asOf: asOfFunctionName(spec.currentView),
    key: spec.key.map((name) => findColumn(table, name)!),
    stateColumns,
    valueColumns: stateColumns.filter((c) => !spec.key.includes(c.name)),
  };
}

/** The period columns' descriptions on a warehouse: an open version ends in NULL, not 'infinity'. */
export const WAREHOUSE_PERIOD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  sys_start: 'Start of the version\'s validity (inclusive): when the history job recorded the change.',
  sys_end: 'End of the version\'s validity (exclusive); NULL while the version is current.',
};

/** A name for an argument or alias that is not one of the table's columns. */
export function freeName(preferred: string, columns: readonly Column[]): string {
  let name = preferred;
  for (let n = 2; columns.some((c) => c.name === name); n++) name = `${preferred}_${n}`;
  return name;
}
