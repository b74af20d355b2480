/**
 * The SQL that makes a `*_hist` table temporal on PostgreSQL (DESIGN.md §7, docs/temporal.md): the partial
 * unique index of open versions, the versioning triggers, the writable current-state view and `<view>_as_of(t)`.
 *
 * Performance shapes the trigger design (measured in bench/temporal): every trigger is a plain row trigger
 * without a WHEN clause (PostgreSQL re-reads a WHEN clause from its stored text for every statement), the
 * common case is the first test of each function, no dynamic SQL, no `SET` clause on the functions (it would
 * cost a GUC save/restore per call), and the escape-hatch setting is read only on refusal paths.
 */
import { qualifiedName, quoteIdent, quoteLiteral } from './quote.js';
import { renderTemplate } from '../shared/render-template.js';
import { TEMPORAL_TRIGGER_NAMES, temporalObjectNames } from './temporal-names.js';
import {
  HISTORY_EDIT_ALLOWED,
  HISTORY_EDIT_SETTING,
  TEMPORAL_SQLSTATE,
  columnFragments,
  keyMatch,
  raiseStatements,
} from './temporal-plpgsql.js';

export { HISTORY_EDIT_SETTING, TEMPORAL_SQLSTATE } from './temporal-plpgsql.js';
export { derivedName, temporalObjectNames, TEMPORAL_TRIGGER_NAMES } from './temporal-names.js';

export interface TemporalTableInput {
  schema: string; // raw, unquoted names
  table: string; // e.g. 'dim_customer_hist'
  view: string; // current-state view name, e.g. 'dim_customer' (same schema)
  keyColumns: string[]; // business key columns, e.g. ['customer_id']
  /** Every column of the table in order except sys_start/sys_end (includes the key columns). */
  columns: { name: string; sqlType: string }[];
}

const PERIOD_COLUMNS = new Set(['sys_start', 'sys_end']);

/** All SQL that follows the CREATE TABLE of a temporal table; idempotent (runs twice in a row without error). */
export function temporalSql(input: TemporalTableInput): string {
  const parts = temporalParts(input);
  return `${parts.history.trimEnd()}\n\n${parts.views}`;
}

/**
 * The same SQL in the two parts apply runs as separate steps: the history machinery (index, trigger functions,
 * triggers) and the read side (current-state view, as-of function).
 */
export function temporalParts(input: TemporalTableInput): { history: string; views: string } {
  checkInput(input);
  const data = temporalTemplateData(input);
  return { history: renderTemplate('postgres', 'temporal.sql', data), views: renderTemplate('postgres', 'temporal-views.sql', data) };
}

function checkInput(input: TemporalTableInput): void {
  const names = input.columns.map((c) => c.name);
  if (input.keyColumns.length === 0) throw new Error(`temporal table ${input.table}: no key columns`);
  for (const key of input.keyColumns) {
    if (!names.includes(key)) throw new Error(`temporal table ${input.table}: key column ${key} is not a column`);
  }
  for (const name of names) {
    if (PERIOD_COLUMNS.has(name)) throw new Error(`temporal table ${input.table}: ${name} is added by the kind`);
  }
  if (new Set(names).size !== names.length) throw new Error(`temporal table ${input.table}: duplicate columns`);
}

function temporalTemplateData(input: TemporalTableInput) {
  const { schema, table, view, keyColumns } = input;
  const names = temporalObjectNames(table, view);
  const columns = columnFragments(input.columns.map((c) => c.name));
  const keys = columnFragments(keyColumns);
  const qualified = (name: string) => qualifiedName(schema, name);
  const data = {
    table: qualified(table),
    view: qualified(view),
    keyList: keys.list,
    openKeyIndex: quoteIdent(names.openKeyIndex),
    openKeyIndexQualified: qualified(names.openKeyIndex),
    functions: {
      beforeInsert: qualified(names.beforeInsertFunction),
      beforeUpdate: qualified(names.beforeUpdateFunction),
      afterUpdate: qualified(names.afterUpdateFunction),
      afterDelete: qualified(names.afterDeleteFunction),
      beforeTruncate: qualified(names.beforeTruncateFunction),
      asOf: qualified(names.asOfFunction),
    },
    triggers: TEMPORAL_TRIGGER_NAMES,
    columns,
    newKeyRow: keys.newRow,
    oldKeyRow: keys.oldRow,
    newKeyMatch: keyMatch(keyColumns, 'h', 'NEW'),
    historyEditAllowed: HISTORY_EDIT_ALLOWED,
    raise: raiseStatements({ schema, table, view, keyColumns }),
    comments: comments(qualified(table), qualified(view)),
  };
  return { ...data, tag: dollarQuoteTag([schema, table, view, ...input.columns.map((c) => c.name)]) };
}

/**
 * A dollar-quote tag for the function bodies that no embedded name contains (a quoted identifier may hold `$`).
 */
export function dollarQuoteTag(embedded: readonly string[]): string {
  for (let n = 0; ; n += 1) {
    const tag = n === 0 ? '$lakegen$' : `$lakegen_${n}$`;
    if (!embedded.some((text) => text.includes(tag))) return tag;
  }
}

/** What each generated object guarantees, as COMMENT ON literals. */
function comments(table: string, view: string) {
  const codes = TEMPORAL_SQLSTATE;
  const hatch = `unless ${HISTORY_EDIT_SETTING} is on`;
  return {
    openKeyIndex: quoteLiteral(
      `At most one open version (sys_end = infinity) per key of ${table}, also across concurrent inserts; ` +
        `the arbiter of upserts ON CONFLICT (key) WHERE sys_end = 'infinity'.`,
    ),
    beforeInsert: quoteLiteral(
      `INSERT into ${table} opens a version [transaction time, infinity). A user-supplied sys_start/sys_end is ` +
        `refused (${codes.periodSupplied}) ${hatch}; a key whose history a younger transaction wrote is ` +
        `refused (${codes.periodConflict}).`,
    ),
    beforeUpdate: quoteLiteral(
      `UPDATE of an open version of ${table}: the new version starts at the transaction time; one version per ` +
        `row per transaction (savepoints included); an UPDATE that changes nothing makes no version; a version ` +
        `written after this transaction started is refused (${codes.periodConflict}); closed versions ` +
        `(${codes.historyImmutable}) and period columns (${codes.periodSupplied}) are read-only ${hatch}.`,
    ),
    afterUpdate: quoteLiteral(
      `After an UPDATE of ${table}: writes the replaced version back, closed at the transaction time, so ` +
        `consecutive versions touch; a changed key must not overlap younger history (${codes.periodConflict}).`,
    ),
    afterDelete: quoteLiteral(
      `After a DELETE from ${table}: the deleted open version stays as history, closed at the transaction time; ` +
        `a version this transaction wrote leaves no trace; closed versions are immutable ` +
        `(${codes.historyImmutable}) ${hatch}; a younger version is refused (${codes.periodConflict}).`,
    ),
    beforeTruncate: quoteLiteral(`TRUNCATE of ${table} would erase history: refused (${codes.historyImmutable}) ${hatch}.`),
    view: quoteLiteral(
      `Current state of ${table}: its open versions without the period. Writable: INSERT, UPDATE and DELETE ` +
        `pass to ${table}, whose triggers keep the history.`,
    ),
    asOf: quoteLiteral(
      `Versions of ${table} valid at t: sys_start <= t AND sys_end > t (half-open periods), one per key. ` +
        `For ${view} as it was at t.`,
    ),
  };
}
