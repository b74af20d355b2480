/**
 * After applying and before COMMIT: does the database now hold what the definitions say? Tables and columns,
 * keys, history triggers present and enabled, current-state views, reference rows active.
 */
import type { Table } from '../model/catalog.js';
import { qualifiedName, quoteIdent } from '../targets/postgres/quote.js';
import { MAX_IDENTIFIER_BYTES, openKeyIndexName, truncateUtf8 } from '../targets/postgres/temporal-names.js';
import type { DatabasePlan } from '../targets/postgres/plan.js';
import type { DatabaseSession } from './connection.js';
import { tableDifferences } from './drift.js';
import type { LiveState } from './live-catalog.js';
import type { ApplyOnlyStep } from './steps.js';

export async function validateLiveState(
  session: DatabaseSession, plan: DatabasePlan, live: LiveState, steps: readonly ApplyOnlyStep[],
): Promise<string[]> {
  const problems: string[] = [];
  const tables = plan.database.schemas.flatMap((s) => s.tables);
  const activeKeys = steps.includes('data') ? await activeReferenceKeys(session, tables.filter((t) => live.tables.has(`${t.schema}.${t.name}`))) : new Map();
  const indexTables = steps.includes('tables') || steps.includes('temporal') ? await indexOwners(session) : new Map<string, string>();
  for (const table of tables) {
    const id = `${table.schema}.${table.name}`;
    const existing = live.tables.get(id);
    if (!existing) {
      if (steps.includes('tables')) problems.push(`table ${id} is missing`);
      continue;
    }
    for (const difference of tableDifferences(table, existing)) problems.push(`table ${id}: ${difference}`);
    if (table.temporal && steps.includes('temporal')) problems.push(...historyProblems(table, live));
    if (table.temporal && steps.includes('views') && !live.views.has(`${table.schema}.${table.temporal.currentView}`)) {
      problems.push(`current-state view ${table.schema}.${table.temporal.currentView} is missing`);
    }
    if (activeKeys.has(id)) problems.push(...referenceRowProblems(table, activeKeys.get(id)!));
    const expectedIndexes = [
      ...(steps.includes('tables') ? table.indexes.map((index) => index.name) : []),
      ...(table.temporal && steps.includes('temporal') ? [openKeyIndexName(table.name)] : []),
    ];
    for (const index of expectedIndexes) problems.push(...indexProblems(table, index, indexTables));
  }
  return problems;
}

/**
 * `CREATE INDEX IF NOT EXISTS` is silent when any relation of the schema has the name already, such as an index
 * of another table made by hand: the index lakegen meant is then missing, and a unique one no longer holds.
 */
function indexProblems(table: Table, index: string, owners: ReadonlyMap<string, string>): string[] {
  // the name as stored: PostgreSQL cuts a longer one to 63 bytes (naming/max-length warns of it)
  const owner = owners.get(`${table.schema}.${truncateUtf8(index, MAX_IDENTIFIER_BYTES)}`);
  if (owner === `${table.schema}.${table.name}`) return [];
  return [owner === undefined
    ? `index ${table.schema}.${index} of ${table.schema}.${table.name} is missing (another relation may have its name)`
    : `index ${table.schema}.${index} belongs to ${owner}, not to ${table.schema}.${table.name}: rename one of them`];
}

/** Every index of the user schemas, as `schema.index` → `schema.table`. */
async function indexOwners(session: DatabaseSession): Promise<Map<string, string>> {
  const result = await session.query(`SELECT n.nspname || '.' || i.relname AS index, n.nspname || '.' || t.relname AS owner
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = i.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'`);
  return new Map(result.rows.map((row) => [String(row.index), String(row.owner)]));
}

function historyProblems(table: Table, live: LiveState): string[] {
  const id = `${table.schema}.${table.name}`;
  const problems: string[] = [];
  if ((live.triggerCounts.get(id) ?? 0) === 0) problems.push(`table ${id} has no history triggers`);
  for (const trigger of live.disabledTriggers.get(id) ?? []) problems.push(`trigger ${trigger} on ${id} is disabled`);
  return problems;
}

/** Every seeded reference table's active keys, in one query: a round trip per table would dominate apply's time. */
async function activeReferenceKeys(session: DatabaseSession, tables: Table[]): Promise<Map<string, Set<string>>> {
  const seeded = tables.filter((t) => t.kind === 'reference' && t.rows.length > 0 && t.primaryKey.length === 1);
  const keys = new Map(seeded.map((t) => [`${t.schema}.${t.name}`, new Set<string>()]));
  if (seeded.length === 0) return keys;
  const selects = seeded.map((t, index) =>
    `SELECT ${index} AS t, ${quoteIdent(t.primaryKey[0])}::text AS key FROM ${qualifiedName(t.schema, t.name)} WHERE is_active`);
  const result = await session.query(selects.join('\nUNION ALL\n'));
  for (const row of result.rows) {
    const table = seeded[Number(row.t)];
    keys.get(`${table.schema}.${table.name}`)!.add(String(row.key));
  }
  return keys;
}

function referenceRowProblems(table: Table, active: Set<string>): string[] {
  if (table.rows.length === 0 || table.primaryKey.length !== 1) return [];
  const key = table.primaryKey[0];
  const missing = table.rows.map((r) => String(r.values[key])).filter((k) => !active.has(k));
  return missing.length > 0 ? [`${table.schema}.${table.name}: rows ${missing.join(', ')} are not active`] : [];
}
