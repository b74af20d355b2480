/**
 * PL/pgSQL fragments of the temporal triggers: column lists, row comparisons, the escape-hatch test and the
 * RAISE statements with their SQLSTATEs. Everything is quoted here, so the template only places finished text.
 */
import { qualifiedName, quoteIdent, quoteLiteral } from './quote.js';

/** SQLSTATEs raised by the temporal triggers (documented in docs/temporal.md). */
export const TEMPORAL_SQLSTATE = {
  /** Behaviour 7: the write would end a period before it starts, or overlap a younger transaction's history. */
  periodConflict: 'LT001',
  /** Behaviour 8: UPDATE, DELETE or TRUNCATE of history without the escape hatch. */
  historyImmutable: 'LT002',
  /** Behaviour 8: a user-supplied sys_start/sys_end; SQL:2011 raises generated_always for period columns too. */
  periodSupplied: '428C9',
} as const;

/** The session setting that lets an administrator edit history or back-fill periods. */
export const HISTORY_EDIT_SETTING = 'lakegen.allow_history_edit';

/** True when the escape hatch is set. `current_setting(…, true)` is NULL when the setting was never set. */
export const HISTORY_EDIT_ALLOWED = `lower(coalesce(current_setting(${quoteLiteral(HISTORY_EDIT_SETTING)}, true), 'off')) IN ('on', 'true', 'yes', '1')`;

export interface ColumnFragments {
  /** `customer_id, first_name, email` */
  list: string;
  /** `OLD.customer_id, OLD.first_name, OLD.email` */
  oldValues: string;
  /** `(NEW.customer_id, NEW.first_name)`: the key compared with `=`, as its unique index compares it */
  newRow: string;
  oldRow: string;
  /**
   * `ROW(NEW.a, NEW.b)::record`: the values compared with `*=` (same stored bytes), so that a change `=` calls
   * none — `'1 day'` to `'24 hours'`, 0 to -0, 1.5 to 1.50 — still makes a version instead of rewriting history.
   */
  newImage: string;
  oldImage: string;
}

export function columnFragments(columns: readonly string[]): ColumnFragments {
  const quoted = columns.map(quoteIdent);
  return {
    list: quoted.join(', '),
    oldValues: quoted.map((c) => `OLD.${c}`).join(', '),
    newRow: `(${quoted.map((c) => `NEW.${c}`).join(', ')})`,
    oldRow: `(${quoted.map((c) => `OLD.${c}`).join(', ')})`,
    newImage: `ROW(${quoted.map((c) => `NEW.${c}`).join(', ')})::record`,
    oldImage: `ROW(${quoted.map((c) => `OLD.${c}`).join(', ')})::record`,
  };
}

/** `h.a = NEW.a AND h.b = NEW.b`: plain equalities so the primary key index serves the lookup. */
export function keyMatch(keyColumns: readonly string[], alias: string, record: 'OLD' | 'NEW'): string {
  return keyColumns.map((c) => `${alias}.${quoteIdent(c)} = ${record}.${quoteIdent(c)}`).join(' AND ');
}

export interface MessageContext {
  /** Raw (unquoted) names; they reach the SQL only as literals. */
  schema: string;
  table: string;
  view: string;
  keyColumns: readonly string[];
}

export function keyText(keyColumns: readonly string[], record: 'OLD' | 'NEW'): string {
  return `ROW(${keyColumns.map((c) => `${record}.${quoteIdent(c)}`).join(', ')})::text`;
}

interface RaiseParts {
  sqlstate: string;
  /** A format() string; `%s` placeholders are filled from `args`. Names never go into it (they may hold %). */
  format: string;
  args: string[];
  detail?: string;
  hint?: string;
}

function raise(context: MessageContext, parts: RaiseParts): string {
  const options = [
    `ERRCODE = ${quoteLiteral(parts.sqlstate)}`,
    `MESSAGE = format(${[quoteLiteral(parts.format), ...parts.args].join(', ')})`,
    ...(parts.detail ? [`DETAIL = ${quoteLiteral(parts.detail)}`] : []),
    ...(parts.hint ? [`HINT = ${quoteLiteral(parts.hint)}`] : []),
    `SCHEMA = ${quoteLiteral(context.schema)}`,
    `TABLE = ${quoteLiteral(context.table)}`,
  ];
  return `RAISE EXCEPTION USING ${options.join(', ')};`;
}

const HATCH_HINT = `An administrator may SET ${HISTORY_EDIT_SETTING} = on for a correction or a historical back-fill.`;
const RETRY_HINT = 'Retry the transaction: it will then start after the conflicting one.';

/** The RAISE statements of the trigger functions, one per refusal. */
export function raiseStatements(context: MessageContext) {
  const tableLiteral = quoteLiteral(qualifiedName(context.schema, context.table));
  const keyNamesLiteral = quoteLiteral(`(${context.keyColumns.join(', ')})`);
  return {
    /** UPDATE/DELETE of an open version that a younger transaction wrote (or the clock went back). */
    versionConflict: raise(context, {
      sqlstate: TEMPORAL_SQLSTATE.periodConflict,
      format: 'period conflict on %s: the version of %s=%s starts at %s, after this transaction started (%s)',
      args: [tableLiteral, keyNamesLiteral, keyText(context.keyColumns, 'OLD'), 'OLD.sys_start', 'now()'],
      detail:
        'A younger transaction wrote this version (or the clock went back): closing it at this ' +
        "transaction's time would give a negative period.",
      hint: RETRY_HINT,
    }),
    /** INSERT or key change onto a key whose history a younger transaction already wrote. */
    historyConflict: raise(context, {
      sqlstate: TEMPORAL_SQLSTATE.periodConflict,
      format: 'period conflict on %s: %s=%s has a version ending at %s, after this transaction started (%s)',
      args: [tableLiteral, keyNamesLiteral, keyText(context.keyColumns, 'NEW'), 'latest_end', 'now()'],
      detail: 'A new version starting now would overlap history written by a younger transaction.',
      hint: RETRY_HINT,
    }),
    /** UPDATE or DELETE of a closed version. */
    historyImmutable: raise(context, {
      sqlstate: TEMPORAL_SQLSTATE.historyImmutable,
      format: 'history of %s is immutable: cannot %s the closed version of %s=%s valid [%s, %s)',
      args: [tableLiteral, 'TG_OP', keyNamesLiteral, keyText(context.keyColumns, 'OLD'), 'OLD.sys_start', 'OLD.sys_end'],
      hint: HATCH_HINT,
    }),
    truncateRefused: raise(context, {
      sqlstate: TEMPORAL_SQLSTATE.historyImmutable,
      format: 'history of %s is immutable: TRUNCATE would erase it',
      args: [tableLiteral],
      hint: HATCH_HINT,
    }),
    /** INSERT or UPDATE that writes sys_start/sys_end itself. */
    periodSupplied: raise(context, {
      sqlstate: TEMPORAL_SQLSTATE.periodSupplied,
      format: 'sys_start and sys_end of %s are set by the system: cannot %s %s=%s with the period [%s, %s)',
      args: [tableLiteral, 'TG_OP', keyNamesLiteral, keyText(context.keyColumns, 'NEW'), 'NEW.sys_start', 'NEW.sys_end'],
      hint:
        `Leave sys_start and sys_end out (or write through the view ${qualifiedName(context.schema, context.view)}). ` + HATCH_HINT,
    }),
  };
}
