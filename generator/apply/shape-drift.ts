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
  foreignKeysSql, indexesSql, keysSql, liveChecksSql, liveDefaultsSql, viewDefaultsSql, viewDefinitionsSql,
  type LiveCheck, type LiveForeignKey, type LiveIndex, type LiveKey, type PrintedDefault, type Relations,
} from './shape-queries.js';

interface Printed { i: number; side: 'live' | 'expected'; name: string; definition: string }

export async function shapeDrift(session: DatabaseSession, plan: DatabasePlan, live: LiveState): Promise<TableDrift[]> {
  const tables = plan.database.schemas.flatMap((s) => s.tables).filter((t) => live.tables.has(`${t.schema}.${t.name}`));
  if (tables.length === 0) return [];
  const shapes = tables.map((table, i) => expectedShape(table, i));
  const relations = tables.map((table) => ({ live: qualifiedName(table.schema, table.name) }));

  // one after the other: a pg client runs one query at a time (and warns when given more)
  const liveDefaults = byTable((await session.query(liveDefaultsSql(relations))).rows as unknown as PrintedDefault[]);
  const liveChecks = byTable((await session.query(liveChecksSql(relations))).rows as unknown as LiveCheck[]);
  const keys = byTable((await session.query(keysSql(relations))).rows as unknown as LiveKey[]);
  const indexes = byTable((await session.query(indexesSql(relations))).rows as unknown as LiveIndex[]);
  const foreignKeys = byTable((await session.query(foreignKeysSql(relations))).rows as unknown as LiveForeignKey[]);

  const printed = await printExpressions(session, tables, shapes, relations, liveDefaults, liveChecks);
  const cycleKeys = creationOrder(plan.database).deferredForeignKeys;
  const drift: TableDrift[] = [...printed.failing];
  const failed = new Set(printed.failing.map((d) => d.table));
  tables.forEach((table, i) => {
    const liveExpressions = new Map((liveChecks.get(i) ?? []).map((c) => [c.name, c.expression]));
    const viewDefaults = printed.defaults.get(i);
    if (failed.has(`${table.schema}.${table.name}`)) return;
    const differences = [
      ...(viewDefaults ? compareDefaults(liveDefaults.get(i) ?? [], viewDefaults) : []),
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
 * Defaults and checks as the server prints them, from temporary views made and dropped inside a savepoint:
 * the definitions' defaults cooked onto a view of the table's column types, and each check printed through a
 * view over its table filtered by it (the definitions' expression and the database's, as pg_get_expr gives it
 * back, through the same parser and printer). Where the database already prints exactly what the definitions
 * write, the expressions are the same and no view is made: an up-to-date re-apply makes few.
 */
async function printExpressions(
  session: DatabaseSession, tables: Table[], shapes: ExpectedShape[], relations: Relations,
  liveDefaults: Map<number, PrintedDefault[]>, liveChecks: Map<number, LiveCheck[]>,
): Promise<{ defaults: Map<number, PrintedDefault[]>; checks: Map<number, Printed[]>; failing: TableDrift[] }> {
  const checks: Printed[] = [];
  let checkViews: { i: number; side: 'live' | 'expected'; name: string; view: string }[] = [];
  let defaultViews: { i: number; view: string }[] = [];
  const statements = tables.map((_, i) => {
    const sql: string[] = [];
    const live = new Map((liveDefaults.get(i) ?? []).map((d) => [d.name, d.definition]));
    if (!sameText(live, shapes[i].defaults)) {
      sql.push(shapes[i].sql);
      defaultViews.push({ i, view: `pg_temp.${shapes[i].temporaryView}` });
    }
    const liveExpressions = new Map((liveChecks.get(i) ?? []).map((c) => [c.name, c.expression]));
    const view = (side: 'live' | 'expected', name: string, expression: string) => {
      const viewName = `${shapes[i].temporaryView}_${side[0]}${checkViews.length}`;
      checkViews.push({ i, side, name, view: viewName });
      sql.push(`CREATE TEMP VIEW ${viewName} AS SELECT 1 AS x FROM ${relations[i].live} WHERE (${expression});`);
    };
    for (const [name, expression] of shapes[i].checks) {
      const printedLive = liveExpressions.get(name);
      if (printedLive !== undefined && (printedLive === expression || printedLive === `(${expression})`)) {
        checks.push({ i, side: 'live', name, definition: printedLive }, { i, side: 'expected', name, definition: printedLive });
      } else {
        view('expected', name, expression);
        if (printedLive !== undefined) view('live', name, printedLive);
      }
    }
    for (const [name, expression] of liveExpressions) if (!shapes[i].checks.has(name)) view('live', name, expression);
    return sql.join('\n');
  });
  if (defaultViews.length === 0 && checkViews.length === 0) return { defaults: new Map(), checks: byTable(checks), failing: [] };

  await session.exec('SAVEPOINT lakegen_shape');
  try {
    let failing: { i: number; drift: TableDrift }[] = [];
    try {
      await session.exec(statements.filter(Boolean).join('\n'));
    } catch {
      // some definition does not build (a check naming an unknown function…): name it, compare the others
      await session.exec('ROLLBACK TO SAVEPOINT lakegen_shape');
      failing = await tablesThatDoNotBuild(session, tables, statements);
      const broken = new Set(failing.map((f) => f.i));
      await session.exec(statements.filter((sql, i) => sql && !broken.has(i)).join('\n'));
      defaultViews = defaultViews.filter((v) => !broken.has(v.i));
      checkViews = checkViews.filter((v) => !broken.has(v.i));
    }
    const defaults = defaultViews.length === 0 ? [] : (await session.query(viewDefaultsSql(defaultViews))).rows as unknown as PrintedDefault[];
    const views = checkViews.length === 0 ? [] : (await session.query(viewDefinitionsSql,
      [checkViews.map((c) => c.view)])).rows as { view: string; definition: string }[];
    const byView = new Map(views.map((r) => [r.view, r.definition]));
    for (const c of checkViews) checks.push({ i: c.i, side: c.side, name: c.name, definition: byView.get(c.view)! });
    const printedDefaults = byTable(defaults);
    // a table whose view was made has its defaults compared, even when the view has none
    for (const { i } of defaultViews) if (!printedDefaults.has(i)) printedDefaults.set(i, []);
    return { defaults: printedDefaults, checks: byTable(checks), failing: failing.map((f) => f.drift) };
  } finally {
    await session.exec('ROLLBACK TO SAVEPOINT lakegen_shape');
    await session.exec('RELEASE SAVEPOINT lakegen_shape');
  }
}

/** The same columns with the same text: the database prints what the definitions write. */
function sameText(live: ReadonlyMap<string, string>, expected: ReadonlyMap<string, string>): boolean {
  return live.size === expected.size && [...expected].every(([column, sql]) => live.get(column) === sql);
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

/** The batch failed: which definitions the server cannot build, each tried alone. */
async function tablesThatDoNotBuild(session: DatabaseSession, tables: Table[], statements: string[]): Promise<{ i: number; drift: TableDrift }[]> {
  const failing: { i: number; drift: TableDrift }[] = [];
  for (const [i, table] of tables.entries()) {
    if (statements[i] === '') continue;
    await session.exec('SAVEPOINT lakegen_shape_one');
    try {
      await session.exec(statements[i]);
    } catch (error) {
      failing.push({ i, drift: { table: `${table.schema}.${table.name}`, differences: [`its definition does not build on this server: ${(error as Error).message}`] } });
    }
    await session.exec('ROLLBACK TO SAVEPOINT lakegen_shape_one');
  }
  return failing;
}

function compareDefaults(liveRows: readonly PrintedDefault[], expectedRows: readonly PrintedDefault[]): string[] {
  const live = new Map(liveRows.map((r) => [r.name, r.definition]));
  const expected = new Map(expectedRows.map((r) => [r.name, r.definition]));
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
