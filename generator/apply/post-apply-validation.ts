/**
 * After applying and before COMMIT: does the database now hold what the definitions say? Tables and columns,
 * keys, history triggers present and enabled, current-state views, reference rows active.
 */
import type { Table } from '../model/catalog.js';
import { qualifiedName, quoteIdent } from '../targets/postgres/quote.js';
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
  for (const table of tables) {
    const id = `${table.schema}.${table.name}`;
    const existing = live.tables.get(id);
    if (!existing) {
      if (steps.includes('tables')) problems.push(`table ${id} is missing`);
      continue;
    }
    for (const difference of tableDifferences(table, existing)) problems.push(`table ${id}: ${difference}`);
    if (table.temporal && steps.includes('temporal')) problems.push(...historyProblems(table, live));
    if (table.temporal && steps.includes('views')) problems.push(...(await viewProblems(session, table)));
    if (table.kind === 'reference' && steps.includes('data')) problems.push(...(await referenceRowProblems(session, table)));
  }
  return problems;
}

function historyProblems(table: Table, live: LiveState): string[] {
  const id = `${table.schema}.${table.name}`;
  const problems: string[] = [];
  if ((live.triggerCounts.get(id) ?? 0) === 0) problems.push(`table ${id} has no history triggers`);
  for (const trigger of live.disabledTriggers.get(id) ?? []) problems.push(`trigger ${trigger} on ${id} is disabled`);
  return problems;
}

async function viewProblems(session: DatabaseSession, table: Table): Promise<string[]> {
  const problems: string[] = [];
  const view = await session.query(
    `SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = 'v'`,
    [table.schema, table.temporal!.currentView]);
  if (view.rows.length === 0) problems.push(`current-state view ${table.schema}.${table.temporal!.currentView} is missing`);
  return problems;
}

async function referenceRowProblems(session: DatabaseSession, table: Table): Promise<string[]> {
  if (table.rows.length === 0 || table.primaryKey.length !== 1) return [];
  const key = table.primaryKey[0];
  const result = await session.query(
    `SELECT ${quoteIdent(key)}::text AS key FROM ${qualifiedName(table.schema, table.name)} WHERE is_active`);
  const active = new Set(result.rows.map((r) => String(r.key)));
  const missing = table.rows.map((r) => String(r.values[key])).filter((k) => !active.has(k));
  return missing.length > 0 ? [`${table.schema}.${table.name}: rows ${missing.join(', ')} are not active`] : [];
}
