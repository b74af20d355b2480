/**
 * Reads back what a database holds for the tables of a plan: columns (for drift), and fingerprints of each
 * table's definition and of its history machinery (to tell created / updated / unchanged). A few catalog
 * queries for the whole database, not one per table: apply must stay close to psql's speed.
 */
import type { DatabaseSession } from './connection.js';

export interface LiveColumn {
  readonly name: string;
  readonly type: string;
  readonly notNull: boolean;
}

export interface LiveTable {
  readonly columns: LiveColumn[];
  readonly primaryKey: string[];
}

export interface LiveState {
  readonly schemas: Set<string>;
  /** Each schema's comment ('' for none), by name: apply reports a changed one. */
  readonly schemaComments: Map<string, string>;
  /** Installed extensions, by name. */
  readonly extensions: Set<string>;
  /** Views, as `schema.view`. */
  readonly views: Set<string>;
  /** The column names of each view, in order, by `schema.view`. */
  readonly viewColumns: Map<string, string[]>;
  /** By `schema.table`. */
  readonly tables: Map<string, LiveTable>;
  /** md5 of columns, constraints, indexes and comments, by `schema.table`. */
  readonly tableFingerprints: Map<string, string>;
  /** md5 of the table's triggers and their functions, by `schema.table`. */
  readonly historyFingerprints: Map<string, string>;
  /** md5 of the views over the table and the functions returning its rows; absent when there are none. */
  readonly viewFingerprints: Map<string, string>;
  /** Triggers that are disabled, by `schema.table`. */
  readonly disabledTriggers: Map<string, string[]>;
  readonly triggerCounts: Map<string, number>;
}

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'`;

export interface ReadOptions {
  /**
   * Fingerprints tell an unchanged object from an updated one, so they are needed only for objects that
   * existed before; they are the costly part (every constraint, index, view and function deparsed).
   */
  readonly fingerprints?: boolean;
}

export async function readLiveState(session: DatabaseSession, options: ReadOptions = {}): Promise<LiveState> {
  const schemas = await session.query(`SELECT nspname AS name, coalesce(obj_description(n.oid, 'pg_namespace'), '') AS comment,
    false AS is_extension FROM pg_namespace n WHERE ${USER_SCHEMAS}
    UNION ALL SELECT extname, '', true FROM pg_extension`);
  // A database with no tables and no views (a fresh apply) has nothing to fingerprint: one cheap query
  // instead of the catalog-wide ones below, which cost a cold backend ~100 ms.
  const relations = await session.query(`SELECT EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v') AND ${USER_SCHEMAS}) AS any`);
  if (!relations.rows[0].any) return emptyState(schemas.rows);
  const views = await session.query(`SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'v' AND ${USER_SCHEMAS}`);
  const columns = await session.query(`
    SELECT n.nspname || '.' || c.relname AS table_id, c.relkind = 'v' AS is_view, a.attname AS name,
           format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
           coalesce((SELECT array_to_string(array_agg(k.attname ORDER BY x.ord), ',')
                       FROM pg_constraint p, unnest(p.conkey) WITH ORDINALITY x(attnum, ord)
                       JOIN pg_attribute k ON k.attrelid = c.oid AND k.attnum = x.attnum
                      WHERE p.conrelid = c.oid AND p.contype = 'p'), '') AS primary_key
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'p', 'v') AND ${USER_SCHEMAS}
     ORDER BY 1, a.attnum`);
  const triggers = await session.query(`
    SELECT n.nspname || '.' || c.relname AS table_id, count(*) AS trigger_count,
           coalesce(string_agg(t.tgname, ',' ORDER BY t.tgname) FILTER (WHERE t.tgenabled = 'D'), '') AS disabled_triggers
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE NOT t.tgisinternal AND c.relkind IN ('r', 'p') AND ${USER_SCHEMAS}
     GROUP BY 1`);
  // views and functions are aggregated once, then joined: a subquery per table scanned pg_proc once per table
  const fingerprints = options.fingerprints === false ? { rows: [] } : await session.query(`
    WITH view_fingerprints AS (
      SELECT table_oid, md5(string_agg(view_oid::regclass::text || ' ' || pg_get_viewdef(view_oid) || ' '
               || coalesce(obj_description(view_oid, 'pg_class'), ''), ',' ORDER BY view_oid::regclass::text)) AS fingerprint
        FROM (SELECT DISTINCT dep.refobjid AS table_oid, v.oid AS view_oid
                FROM pg_depend dep JOIN pg_rewrite r ON r.oid = dep.objid JOIN pg_class v ON v.oid = r.ev_class AND v.relkind = 'v'
               WHERE dep.classid = 'pg_rewrite'::regclass AND dep.refclassid = 'pg_class'::regclass) dependencies
       GROUP BY table_oid),
    function_fingerprints AS (
      SELECT p.prorettype AS type_oid, md5(string_agg(p.oid::regprocedure::text || ' ' || md5(p.prosrc) || ' '
               || coalesce(obj_description(p.oid, 'pg_proc'), ''), ',' ORDER BY p.oid::regprocedure::text)) AS fingerprint
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE ${USER_SCHEMAS}
       GROUP BY p.prorettype)
    SELECT n.nspname || '.' || c.relname AS table_id,
      md5(concat_ws('|',
        (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' '
                 || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' ' || coalesce(col_description(c.oid, a.attnum), ''), ',' ORDER BY a.attnum)
           FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
        (SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), ',' ORDER BY conname) FROM pg_constraint WHERE conrelid = c.oid),
        (SELECT string_agg(pg_get_indexdef(indexrelid), ',' ORDER BY indexrelid::regclass::text) FROM pg_index WHERE indrelid = c.oid),
        obj_description(c.oid, 'pg_class'))) AS table_fingerprint,
      md5(coalesce((SELECT string_agg(t.tgname || ' ' || t.tgenabled::text || ' ' || pg_get_triggerdef(t.oid) || ' ' || md5(p.prosrc) || ' '
                 || coalesce(obj_description(t.oid, 'pg_trigger'), '') || ' ' || coalesce(obj_description(p.oid, 'pg_proc'), ''), ',' ORDER BY t.tgname)
           FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = c.oid AND NOT t.tgisinternal), '')) AS history_fingerprint,
      vf.fingerprint AS view_fingerprint,
      ff.fingerprint AS function_fingerprint
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN view_fingerprints vf ON vf.table_oid = c.oid
      LEFT JOIN function_fingerprints ff ON ff.type_oid = c.reltype
     WHERE c.relkind IN ('r', 'p') AND ${USER_SCHEMAS}`);

  const state = emptyState(schemas.rows);
  for (const row of views.rows) state.views.add(String(row.name));
  const tables = state.tables;
  for (const row of columns.rows) {
    const id = String(row.table_id);
    if (row.is_view) {
      state.viewColumns.set(id, [...(state.viewColumns.get(id) ?? []), String(row.name)]);
      continue;
    }
    let table = tables.get(id);
    if (!table) {
      table = { columns: [], primaryKey: row.primary_key ? String(row.primary_key).split(',') : [] };
      tables.set(id, table);
    }
    table.columns.push({ name: String(row.name), type: String(row.type), notNull: Boolean(row.not_null) });
  }
  for (const row of fingerprints.rows) {
    const id = String(row.table_id);
    state.tableFingerprints.set(id, String(row.table_fingerprint));
    state.historyFingerprints.set(id, String(row.history_fingerprint));
    if (row.view_fingerprint !== null || row.function_fingerprint !== null) {
      state.viewFingerprints.set(id, `${row.view_fingerprint ?? ''}/${row.function_fingerprint ?? ''}`);
    }
  }
  for (const row of triggers.rows) {
    const id = String(row.table_id);
    state.triggerCounts.set(id, Number(row.trigger_count));
    if (row.disabled_triggers) state.disabledTriggers.set(id, String(row.disabled_triggers).split(','));
  }
  return state;
}

function emptyState(rows: Record<string, unknown>[]): LiveState & { views: Set<string>; tables: Map<string, LiveTable> } {
  const schemaRows = rows.filter((r) => !r.is_extension);
  return {
    schemas: new Set(schemaRows.map((r) => String(r.name))),
    schemaComments: new Map(schemaRows.map((r) => [String(r.name), String(r.comment)])),
    extensions: new Set(rows.filter((r) => r.is_extension).map((r) => String(r.name))),
    views: new Set(),
    viewColumns: new Map(),
    tables: new Map(),
    tableFingerprints: new Map(),
    historyFingerprints: new Map(),
    viewFingerprints: new Map(),
    disabledTriggers: new Map(),
    triggerCounts: new Map(),
  };
}
