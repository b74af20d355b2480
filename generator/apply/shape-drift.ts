/**
 * Drift that column lists do not show: defaults, keys, unique and check constraints, indexes and foreign keys
 * of tables that already exist. CREATE TABLE IF NOT EXISTS skips an existing table, so without this a changed
 * check or default would be reported "up to date" and never applied.
 *
 * Defaults and checks are expressions: the definitions' ones are built by the server into a temporary table
 * (expected-shape.ts) inside a savepoint that is rolled back, and both sides are compared as the server prints
 * them (pg_get_expr, pg_get_constraintdef), never as lakegen wrote them. Keys, unique constraints and indexes
 * are compared by columns, uniqueness and partialness; foreign keys by columns, target, actions and deferral.
 * What apply adds by itself is not drift: a missing index (CREATE INDEX IF NOT EXISTS) and a missing
 * foreign key that closes a reference cycle (added by a guarded ALTER TABLE).
 */
import type { Table } from '../model/catalog.js';
import { creationOrder } from '../model/reference-graph.js';
import { qualifiedName } from '../targets/postgres/quote.js';
import type { DatabasePlan } from '../targets/postgres/plan.js';
import type { DatabaseSession } from './connection.js';
import type { TableDrift } from './drift.js';
import { expectedShape, indexDescription, keyDescription, type ExpectedForeignKey, type ExpectedShape } from './expected-shape.js';
import type { LiveState } from './live-catalog.js';
import {
  defaultsSql, foreignKeysSql, indexesSql, keysSql, liveChecksSql, viewDefinitionsSql,
  type LiveCheck, type LiveForeignKey, type LiveIndex, type LiveKey, type Relations,
} from './shape-queries.js';

interface Printed { i: number; side: 'live' | 'expected'; name: string; definition: string }

export async function shapeDrift(session: DatabaseSession, plan: DatabasePlan, live: LiveState): Promise<TableDrift[]> {
  const tables = plan.database.schemas.flatMap((s) => s.tables).filter((t) => live.tables.has(`${t.schema}.${t.name}`));
  if (tables.length === 0) return [];
  const shapes = tables.map((table, i) => expectedShape(table, i));
  const relations = tables.map((table, i) => ({ live: qualifiedName(table.schema, table.name), expected: `pg_temp.${shapes[i].temporaryView}` }));

  // one after the other: a pg client runs one query at a time (and warns when given more)
  const liveChecks = byTable((await session.query(liveChecksSql(relations))).rows as unknown as LiveCheck[]);
  const keys = byTable((await session.query(keysSql(relations))).rows as unknown as LiveKey[]);
  const indexes = byTable((await session.query(indexesSql(relations))).rows as unknown as LiveIndex[]);
  const foreignKeys = byTable((await session.query(foreignKeysSql(relations))).rows as unknown as LiveForeignKey[]);

  const printed = await printExpressions(session, tables, shapes, relations, liveChecks);
  if ('drift' in printed) return printed.drift;

  const cycleKeys = creationOrder(plan.database).deferredForeignKeys;
  const drift: TableDrift[] = [];
  tables.forEach((table, i) => {
    const liveExpressions = new Map((liveChecks.get(i) ?? []).map((c) => [c.name, c.expression]));
    const differences = [
      ...compareDefaults(printed.defaults.get(i) ?? []),
      ...compareChecks(printed.checks.get(i) ?? [], liveExpressions, shapes[i].checks),
      ...compareByName('constraint', new Map((keys.get(i) ?? []).map((k) =>
        [k.name, k.kind === 'x' ? k.definition : keyDescription(k.kind, k.columns.split(','))])), shapes[i].keys, false),
      ...compareByName('index', new Map((indexes.get(i) ?? []).map((x) =>
        [x.name, indexDescription(x.unique, x.columns.split(','), x.partial)])), shapes[i].indexes, true),
      ...compareForeignKeys(table, shapes[i], foreignKeys.get(i) ?? [], cycleKeys),
    ];
    if (differences.length > 0) drift.push({ table: `${table.schema}.${table.name}`, differences });
  });
  return drift;
}

/**
 * Defaults and checks as the server prints them, both sides, from temporary views made and dropped inside a
 * savepoint. A check is printed through a view over its table filtered by it: the definitions' expression and
 * the database's (as pg_get_expr gives it back) go through the same parser and printer.
 */
async function printExpressions(
  session: DatabaseSession, tables: Table[], shapes: ExpectedShape[], relations: Relations, liveChecks: Map<number, LiveCheck[]>,
): Promise<{ defaults: Map<number, Printed[]>; checks: Map<number, Printed[]> } | { drift: TableDrift[] }> {
  const checkViews: { i: number; side: 'live' | 'expected'; name: string; view: string }[] = [];
  const statements = tables.map((_, i) => {
    const sides: ['live' | 'expected', Iterable<[string, string]>][] = [
      ['expected', shapes[i].checks], ['live', (liveChecks.get(i) ?? []).map((c): [string, string] => [c.name, c.expression])]];
    const views = sides.flatMap(([side, checks]) => [...checks].map(([name, expression]) => {
      const view = `${shapes[i].temporaryView}_${side[0]}${checkViews.length}`;
      checkViews.push({ i, side, name, view });
      return `CREATE TEMP VIEW ${view} AS SELECT 1 AS x FROM ${relations[i].live} WHERE (${expression});`;
    }));
    return [shapes[i].sql, ...views].join('\n');
  });
  await session.exec('SAVEPOINT lakegen_shape');
  try {
    await session.exec(statements.join('\n'));
    const defaults = (await session.query(defaultsSql(relations))).rows as unknown as Printed[];
    const views = checkViews.length === 0 ? [] : (await session.query(viewDefinitionsSql,
      [checkViews.map((c) => c.view)])).rows as { view: string; definition: string }[];
    const byView = new Map(views.map((r) => [r.view, r.definition]));
    const checks = checkViews.map((c) => ({ i: c.i, side: c.side, name: c.name, definition: byView.get(c.view)! }));
    return { defaults: byTable(defaults), checks: byTable(checks) };
  } catch {
    await session.exec('ROLLBACK TO SAVEPOINT lakegen_shape');
    return { drift: await tablesThatDoNotBuild(session, tables, statements) };
  } finally {
    await session.exec('ROLLBACK TO SAVEPOINT lakegen_shape');
    await session.exec('RELEASE SAVEPOINT lakegen_shape');
  }
}

function byTable<T extends { i: number }>(rows: readonly T[]): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const i = Number(row.i);
    let list = grouped.get(i);
    if (!list) grouped.set(i, (list = []));
    list.push(row);
  }
  return grouped;
}

/** The batch failed: which definitions the server cannot build (a check naming an unknown function…). */
async function tablesThatDoNotBuild(session: DatabaseSession, tables: Table[], statements: string[]): Promise<TableDrift[]> {
  const drift: TableDrift[] = [];
  for (const [i, table] of tables.entries()) {
    await session.exec('SAVEPOINT lakegen_shape_one');
    try {
      await session.exec(statements[i]);
    } catch (error) {
      drift.push({ table: `${table.schema}.${table.name}`, differences: [`its definition does not build on this server: ${(error as Error).message}`] });
    }
    await session.exec('ROLLBACK TO SAVEPOINT lakegen_shape_one');
  }
  return drift;
}

function compareDefaults(rows: Printed[]): string[] {
  const live = new Map(rows.filter((r) => r.side === 'live').map((r) => [r.name, r.definition]));
  const expected = new Map(rows.filter((r) => r.side === 'expected').map((r) => [r.name, r.definition]));
  const differences: string[] = [];
  for (const name of [...new Set([...live.keys(), ...expected.keys()])].sort()) {
    const [now, wanted] = [live.get(name), expected.get(name)];
    if (now !== wanted) {
      differences.push(`column ${name} has ${now === undefined ? 'no default' : `DEFAULT ${now}`} in the database, `
        + `${wanted === undefined ? 'no default' : `DEFAULT ${wanted}`} in the definitions`);
    }
  }
  return differences;
}

/** Checks compared as the server prints them; described as the database and the definitions write them. */
function compareChecks(rows: Printed[], live: ReadonlyMap<string, string>, expected: ReadonlyMap<string, string>): string[] {
  const printed = (side: string) => new Map(rows.filter((r) => r.side === side).map((r) => [r.name, r.definition]));
  const [livePrinted, expectedPrinted] = [printed('live'), printed('expected')];
  const describe = (names: Iterable<string>, texts: ReadonlyMap<string, string>, same: (name: string) => boolean) =>
    new Map([...names].map((name) => [name, same(name) ? 'the same' : `CHECK (${texts.get(name)})`]));
  const same = (name: string) => livePrinted.has(name) && livePrinted.get(name) === expectedPrinted.get(name);
  return compareByName('constraint', describe(live.keys(), live, same), describe(expected.keys(), expected, same), false);
}

/** Two name → description maps; with `missingIsApplied`, what only the definitions have is created by apply. */
function compareByName(what: string, live: ReadonlyMap<string, string>, expected: ReadonlyMap<string, string>, missingIsApplied: boolean): string[] {
  const differences: string[] = [];
  for (const name of [...new Set([...live.keys(), ...expected.keys()])].sort()) {
    const [now, wanted] = [live.get(name), expected.get(name)];
    if (now === wanted) continue;
    if (now === undefined) {
      if (!missingIsApplied) differences.push(`${what} ${name} ${wanted} is defined but not in the database`);
    } else if (wanted === undefined) {
      differences.push(`${what} ${name} ${now} is in the database but not in the definitions`);
    } else {
      differences.push(`${what} ${name} is ${now} in the database, ${wanted} in the definitions`);
    }
  }
  return differences;
}

const ACTION_NAMES: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

function compareForeignKeys(table: Table, shape: ExpectedShape, rows: LiveForeignKey[], cycleKeys: ReadonlySet<string>): string[] {
  const describe = (k: { columns: string; schema: string; table: string; targetColumns: string; onDelete: string; onUpdate: string; deferred: boolean }) =>
    `(${k.columns}) → ${k.schema}.${k.table}(${k.targetColumns}) ON DELETE ${ACTION_NAMES[k.onDelete]} ON UPDATE ${ACTION_NAMES[k.onUpdate]}`
    + (k.deferred ? ' DEFERRABLE INITIALLY DEFERRED' : '');
  const live = new Map(rows.map((r) => [r.name, describe({ columns: r.columns, schema: r.target_schema, table: r.target_table,
    targetColumns: r.target_columns, onDelete: r.on_delete, onUpdate: r.on_update, deferred: r.deferred })]));
  const expected = new Map(shape.foreignKeys.map((k: ExpectedForeignKey) => [k.name, describe({ columns: k.column, schema: k.target.schema,
    table: k.target.table, targetColumns: k.target.column, onDelete: k.onDelete, onUpdate: k.onUpdate, deferred: k.deferred })]));
  const addedByApply = new Set(shape.foreignKeys.filter((k) => cycleKeys.has(`${table.schema}.${table.name}.${k.column}`)).map((k) => k.name));
  for (const name of addedByApply) if (!live.has(name)) expected.delete(name);
  return compareByName('foreign key', live, expected, false);
}
