/**
 * Applies one database's plan: create the database if needed (outside a transaction), then everything else in
 * one transaction under an advisory lock, so a failure or a kill leaves the database as it was and concurrent
 * applies run one after the other. Existing tables that differ from their definitions stop the apply before
 * anything changes; after applying, the live catalog is checked against the plan before COMMIT.
 */
import type { DatabasePlan, PlanEntry } from '../targets/postgres/plan.js';
import { countedUpsertStatement } from '../targets/postgres/reference-data.js';
import { asServerFailure, DriftFailure, REFERENCE_UNIQUE_HINT, StatementFailure, statementAt, ValidationFailure } from './apply-errors.js';
import type { DatabaseHost, DatabaseSession } from './connection.js';
import { tableDifferences, viewDifferences, type TableDrift } from './drift.js';
import { readLiveState, type LiveState } from './live-catalog.js';
import { shapeDrift } from './shape-drift.js';
import { staleCommentStatements } from './stale-comments.js';
import { syncDatabaseComment } from './database-comment.js';
import { validateLiveState } from './post-apply-validation.js';
import { APPLY_ONLY_STEPS, entryMatchesStep, type ApplyOnlyStep } from './steps.js';

/** Two int4 keys ('lake', 'gen'): advisory locks are per database, so one constant key serves all. */
const ADVISORY_LOCK = 'SELECT pg_advisory_xact_lock(1818321765, 1734700544)';

export interface StepReport {
  readonly step: ApplyOnlyStep;
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
  readonly rows?: { inserted: number; updated: number; deactivated: number };
  /** The schemas step also creates the extensions the database names. */
  readonly extensionsCreated?: string[];
}

export interface DatabaseReport {
  readonly database: string;
  readonly location: string;
  readonly steps: StepReport[];
  /** Nothing was created, updated or inserted. */
  readonly upToDate: boolean;
  readonly validated: string;
  /** What apply left as it found it and why (e.g. a comment only the database's owner may change). */
  readonly warnings: string[];
  readonly elapsedMs: number;
}

export interface ApplyDatabaseOptions {
  readonly only?: readonly ApplyOnlyStep[];
  readonly onStep?: (report: StepReport) => void;
  /** After each statement group: for a progress line. */
  readonly onEntry?: (done: number, total: number, object: string) => void;
}

export async function applyDatabase(host: DatabaseHost, plan: DatabasePlan, options: ApplyDatabaseOptions = {}): Promise<DatabaseReport> {
  const started = performance.now();
  const steps = options.only?.length ? options.only : APPLY_ONLY_STEPS;
  const name = plan.database.name;
  const reports: StepReport[] = [];
  const warnings: string[] = [];
  const report = (step: StepReport) => {
    reports.push(step);
    options.onStep?.(step);
  };

  const exists = await host.databaseExists(name);
  if (!exists && !steps.includes('databases')) {
    throw new StatementFailure(`database ${name}`, 'database.sql', '', `database ${name} does not exist; apply without --only, or with --only databases`, undefined);
  }
  let created = false;
  if (steps.includes('databases')) {
    created = !exists && (await asServerFailure(`database ${name}`, () => host.createDatabase(name, plan.createDatabase)));
    report({ step: 'databases', created: created ? [name] : [], updated: [], unchanged: created ? [] : [name] });
  }
  const bodySteps = steps.filter((s) => s !== 'databases');
  let validated = 'not run (databases only)';
  if (bodySteps.length > 0) {
    let session: DatabaseSession;
    try {
      session = await asServerFailure(`database ${name}`, () => host.connect(name));
    } catch (error) {
      if (created) await host.dropDatabase(name).catch(() => {}); // nothing of this run reached it
      throw error;
    }
    let dropCreated = false;
    try {
      validated = await asServerFailure(`database ${name}`,
        () => applyInTransaction(session, plan, bodySteps, report, warnings, options.onEntry));
    } catch (error) {
      // CREATE DATABASE cannot be rolled back with the rest: a database this run created goes again, so that a
      // failed apply leaves nothing behind — unless it holds something now (a concurrent apply committed there)
      dropCreated = created && await holdsNothing(session);
      throw error;
    } finally {
      await session.close();
      if (dropCreated) await host.dropDatabase(name).catch(() => {});
    }
  }
  const upToDate = reports.every((r) => r.created.length === 0 && r.updated.length === 0 && !r.extensionsCreated &&
    (!r.rows || r.rows.inserted + r.rows.updated + r.rows.deactivated === 0));
  return { database: name, location: host.databaseLabel(name), steps: reports, upToDate, validated, warnings, elapsedMs: performance.now() - started };
}

/** No table or view in a user schema: what a database created by this run holds after its transaction failed. */
async function holdsNothing(session: DatabaseSession): Promise<boolean> {
  try {
    const result = await session.query(`SELECT NOT EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
        AND n.nspname NOT LIKE 'pg_temp%') AS empty`);
    return result.rows[0].empty === true;
  } catch {
    return false; // cannot tell: keep it
  }
}

async function applyInTransaction(
  session: DatabaseSession, plan: DatabasePlan, steps: readonly ApplyOnlyStep[], report: (step: StepReport) => void,
  warnings: string[], onEntry?: ApplyDatabaseOptions['onEntry'],
): Promise<string> {
  await session.exec('BEGIN');
  let committed = false;
  try {
    await session.query(ADVISORY_LOCK);
    const before = await readLiveState(session);
    await assertNoDrift(session, plan, before);
    const rowCounts = new Map<string, { inserted: number; updated: number; deactivated: number }>();
    // the database's own description: set with its schemas, cleared when the definitions no longer have one
    const comment = steps.includes('schemas') ? await syncDatabaseComment(session, plan) : 'unchanged';
    if (comment === 'not-owner') {
      warnings.push(`the comment of database ${plan.database.name} differs from its description, but only its owner may change it`);
    }
    const entries = steps.flatMap((step) => plan.entries.filter((e) => entryMatchesStep(e, step)));
    for (const [index, entry] of entries.entries()) {
      const counts = await runEntry(session, entry);
      if (counts) rowCounts.set(entry.object, counts);
      onEntry?.(index + 1, entries.length, entry.object);
    }
    const staleComments = await staleCommentStatements(session, plan, steps);
    if (staleComments.statements.length > 0) await session.exec(staleComments.statements.join('\n'));
    warnings.push(...staleComments.notes);
    // a database that had no tables has nothing to compare against: every object in it was created now
    const after = await readLiveState(session, { fingerprints: before.tables.size > 0 });
    for (const step of steps) {
      const stepResult = stepReport(step, plan, before, after, rowCounts);
      // a database that had no tables (created now, maybe by a concurrent apply) gets its comment with everything
      // else: nothing was updated
      if (step === 'schemas' && comment === 'updated' && before.tables.size > 0) stepResult.updated.push('database comment');
      report(stepResult);
    }
    const problems = await validateLiveState(session, plan, after, steps);
    if (problems.length > 0) throw new ValidationFailure(problems);
    await session.exec('COMMIT');
    committed = true;
    // the tables that exist now: with --only schemas, none may yet
    const checked = plan.entries.filter((e) => e.step === 'tables' && e.tableId && after.tables.has(e.tableId)).length;
    return `ok: ${checked} ${checked === 1 ? 'table' : 'tables'} checked against the live catalog`;
  } finally {
    if (!committed) await session.exec('ROLLBACK').catch(() => {});
  }
}

async function assertNoDrift(session: DatabaseSession, plan: DatabasePlan, live: LiveState): Promise<void> {
  const drift = new Map<string, string[]>();
  for (const table of plan.database.schemas.flatMap((s) => s.tables)) {
    const existing = live.tables.get(`${table.schema}.${table.name}`);
    if (!existing) continue;
    const differences = [...tableDifferences(table, existing), ...viewDifferences(table, live)];
    if (differences.length > 0) drift.set(`${table.schema}.${table.name}`, differences);
  }
  // a table whose columns differ is reported by its columns: the rest would mostly repeat them
  for (const entry of await shapeDrift(session, plan, live)) if (!drift.has(entry.table)) drift.set(entry.table, entry.differences);
  if (drift.size > 0) throw new DriftFailure([...drift].map(([table, differences]): TableDrift => ({ table, differences })));
}

async function runEntry(session: DatabaseSession, entry: PlanEntry) {
  try {
    if (!entry.data) {
      await session.exec(entry.sql);
      return undefined;
    }
    const counts = { inserted: 0, updated: 0, deactivated: 0 };
    if (entry.data.upserts.length > 0) {
      const result = await session.query(countedUpsertStatement(entry.data.upserts));
      counts.inserted = Number(result.rows[0].inserted);
      counts.updated = Number(result.rows[0].updated);
    }
    const deactivate = entry.data.deactivate.replace(/;\s*$/, '');
    const result = await session.query(`WITH deactivated AS (${deactivate}\nRETURNING 1) SELECT count(*) AS n FROM deactivated`);
    counts.deactivated = Number(result.rows[0].n);
    return counts;
  } catch (error) {
    const { message, code, position, detail } = error as { message: string; code?: string; position?: string; detail?: string };
    const uniqueRows = entry.data !== undefined && code === '23505';
    throw new StatementFailure(entry.object, entry.file, statementAt(entry.sql, position ? Number(position) : undefined),
      uniqueRows && detail ? `${message}: ${detail}` : message, code, uniqueRows ? REFERENCE_UNIQUE_HINT : undefined);
  }
}

function stepReport(
  step: ApplyOnlyStep, plan: DatabasePlan, before: LiveState, after: LiveState,
  rowCounts: Map<string, { inserted: number; updated: number; deactivated: number }>,
): StepReport {
  const result: StepReport = { step, created: [], updated: [], unchanged: [] };
  const classify = (object: string, was: string | undefined, now: string | undefined) => {
    if (was === undefined) result.created.push(object);
    else if (was !== now) result.updated.push(object);
    else result.unchanged.push(object);
  };
  if (step === 'schemas') {
    // a schema whose comment changed (set, changed, or cleared with its description) was updated
    for (const schema of plan.database.schemas) {
      classify(schema.name, before.schemas.has(schema.name) ? before.schemaComments.get(schema.name) : undefined, after.schemaComments.get(schema.name));
    }
    const extensionsCreated = plan.database.extensions.filter((e) => !before.extensions.has(e) && after.extensions.has(e));
    return extensionsCreated.length > 0 ? { ...result, extensionsCreated } : result;
  }
  const entries = plan.entries.filter((e) => entryMatchesStep(e, step) && e.tableId);
  if (step === 'data') {
    const rows = { inserted: 0, updated: 0, deactivated: 0 };
    for (const entry of entries) {
      const counts = rowCounts.get(entry.object)!;
      rows.inserted += counts.inserted;
      rows.updated += counts.updated;
      rows.deactivated += counts.deactivated;
      const changed = counts.inserted + counts.updated + counts.deactivated > 0;
      (changed ? result.updated : result.unchanged).push(entry.tableId!);
    }
    return { ...result, rows };
  }
  const [was, now] = {
    tables: [before.tableFingerprints, after.tableFingerprints],
    temporal: [before.historyFingerprints, after.historyFingerprints],
    views: [before.viewFingerprints, after.viewFingerprints],
  }[step as 'tables' | 'temporal' | 'views'];
  for (const entry of entries) {
    const id = entry.tableId!;
    const existed = step === 'tables' ? before.tables.has(id) : step === 'temporal' ? (before.triggerCounts.get(id) ?? 0) > 0 : before.viewFingerprints.has(id);
    classify(id, existed ? was.get(id) : undefined, now.get(id));
  }
  return result;
}
