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
import { qualifiedName, quoteLiteral } from '../targets/postgres/quote.js';
import type { DatabasePlan } from '../targets/postgres/plan.js';
import type { DatabaseSession } from './connection.js';
import type { TableDrift } from './drift.js';
import { expectedShape, indexDescription, keyDescription, type ExpectedForeignKey, type ExpectedShape } from './expected-shape.js';
import type { LiveState } from './live-catalog.js';

interface Printed { i: number; side: 'live' | 'expected'; name: string; definition: string }
interface LiveCheck { i: number; name: string; expression: string }

export async function shapeDrift(session: DatabaseSession, plan: DatabasePlan, live: LiveState): Promise<TableDrift[]> {
  const tables = plan.database.schemas.flatMap((s) => s.tables).filter((t) => live.tables.has(`${t.schema}.${t.name}`));
  if (tables.length === 0) return [];
  const shapes = tables.map((table, i) => expectedShape(table, i));
  const liveNames = tables.map((table) => qualifiedName(table.schema, table.name));
  const pairs = (withExpected: boolean) => `WITH pairs(i, live${withExpected ? ', expected' : ''}) AS (VALUES ${tables.map((_, i) =>
    `(${i}, ${quoteLiteral(liveNames[i])}::regclass${withExpected ? `, ${quoteLiteral(`pg_temp.${shapes[i].temporaryView}`)}::regclass` : ''})`).join(', ')})`;

  // one after the other: a pg client runs one query at a time (and warns when given more)
  const [liveChecks, keys, indexes, foreignKeys] = await sequentially([
    () => session.query(`${pairs(false)}
      SELECT p.i, k.conname AS name, pg_get_expr(k.conbin, k.conrelid) AS expression
        FROM pairs p JOIN pg_constraint k ON k.conrelid = p.live AND k.contype = 'c'`),
    () => session.query(`${pairs(false)}
      SELECT p.i, k.conname AS name, k.contype AS kind,
             (SELECT string_agg(a.attname, ',' ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) AS columns,
             pg_get_constraintdef(k.oid) AS definition
        FROM pairs p JOIN pg_constraint k ON k.conrelid = p.live AND k.contype IN ('p', 'u', 'x')`),
    () => session.query(`${pairs(false)}
      SELECT p.i, ci.relname AS name, x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
             (SELECT string_agg(coalesce(a.attname, '(expression)'), ',' ORDER BY u.ord) FROM unnest(x.indkey::int2[]) WITH ORDINALITY u(attnum, ord)
                LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.attnum) AS columns
        FROM pairs p JOIN pg_index x ON x.indrelid = p.live JOIN pg_class ci ON ci.oid = x.indexrelid
       WHERE NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = p.live)`),
    () => session.query(`${pairs(false)}
      SELECT p.i, k.conname AS name,
             (SELECT string_agg(a.attname, ',' ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) AS columns,
             tn.nspname AS target_schema, tc.relname AS target_table,
             (SELECT string_agg(a.attname, ',' ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum) AS target_columns,
             k.confdeltype AS on_delete, k.confupdtype AS on_update, k.condeferrable AND k.condeferred AS deferred
        FROM pairs p JOIN pg_constraint k ON k.conrelid = p.live AND k.contype = 'f'
        JOIN pg_class tc ON tc.oid = k.confrelid JOIN pg_namespace tn ON tn.oid = tc.relnamespace`),
  ]);
  const checksByTable = (liveChecks.rows as unknown as LiveCheck[]).reduce((map, row) =>
    map.set(Number(row.i), [...(map.get(Number(row.i)) ?? []), row]), new Map<number, LiveCheck[]>());

  // A check is printed through a view over its table filtered by it: the definitions' expression and the
  // database's one (as pg_get_expr gives it back) go through the same parser and printer.
  const checkViews: { i: number; side: 'live' | 'expected'; name: string; view: string }[] = [];
  const checkSql = tables.map((_, i) => {
    const sides: [('live' | 'expected'), Iterable<[string, string]>][] = [
      ['expected', shapes[i].checks], ['live', (checksByTable.get(i) ?? []).map((c): [string, string] => [c.name, c.expression])]];
    return sides.flatMap(([side, checks]) => [...checks].map(([name, expression]) => {
      const view = `${shapes[i].temporaryView}_${side[0]}${checkViews.length}`;
      checkViews.push({ i, side, name, view });
      return `CREATE TEMP VIEW ${view} AS SELECT 1 AS x FROM ${liveNames[i]} WHERE (${expression});`;
    })).join('\n');
  });

  await session.exec('SAVEPOINT lakegen_shape');
  let defaults: Printed[];
  let checks: Printed[];
  try {
    await session.exec(shapes.map((shape, i) => `${shape.sql}\n${checkSql[i]}`).join('\n'));
    defaults = (await session.query(`${pairs(true)}
      SELECT p.i, s.side, a.attname AS name, pg_get_expr(d.adbin, d.adrelid) AS definition
        FROM pairs p CROSS JOIN LATERAL (VALUES ('live', p.live), ('expected', p.expected)) s(side, rel)
        JOIN pg_attrdef d ON d.adrelid = s.rel JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum`)).rows as unknown as Printed[];
    const printedViews = checkViews.length === 0 ? [] : (await session.query(`SELECT v.view, pg_get_viewdef(('pg_temp.' || v.view)::regclass) AS definition
        FROM unnest($1::text[]) AS v(view)`, [checkViews.map((c) => c.view)])).rows as { view: string; definition: string }[];
    const byView = new Map(printedViews.map((r) => [r.view, r.definition]));
    checks = checkViews.map((c) => ({ i: c.i, side: c.side, name: c.name, definition: byView.get(c.view)! }));
  } catch {
    await session.exec('ROLLBACK TO SAVEPOINT lakegen_shape');
    const failing = await tablesThatDoNotBuild(session, tables, shapes.map((shape, i) => `${shape.sql}\n${checkSql[i]}`));
    await session.exec('RELEASE SAVEPOINT lakegen_shape');
    return failing;
  }
  await session.exec('ROLLBACK TO SAVEPOINT lakegen_shape');
  await session.exec('RELEASE SAVEPOINT lakegen_shape');

  const cycleKeys = creationOrder(plan.database).deferredForeignKeys;
  const drift: TableDrift[] = [];
  tables.forEach((table, i) => {
    const of = <T extends { i: number }>(rows: readonly T[]) => rows.filter((r) => Number(r.i) === i);
    const liveExpressions = new Map((checksByTable.get(i) ?? []).map((c) => [c.name, c.expression]));
    const differences = [
      ...compareDefaults(of(defaults)),
      ...compareChecks(of(checks), liveExpressions, shapes[i].checks),
      ...compareByName('constraint', new Map(of(keys.rows as unknown as LiveKey[]).map((k) =>
        [k.name, k.kind === 'x' ? k.definition : keyDescription(k.kind, k.columns.split(','))])), shapes[i].keys, false),
      ...compareByName('index', new Map(of(indexes.rows as unknown as LiveIndex[]).map((x) =>
        [x.name, indexDescription(x.unique, x.columns.split(','), x.partial)])), shapes[i].indexes, true),
      ...compareForeignKeys(table, shapes[i], of(foreignKeys.rows as unknown as LiveForeignKey[]), cycleKeys),
    ];
    if (differences.length > 0) drift.push({ table: `${table.schema}.${table.name}`, differences });
  });
  return drift;
}

async function sequentially<T>(steps: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (const step of steps) results.push(await step());
  return results;
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

interface LiveKey { i: number; name: string; kind: 'p' | 'u' | 'x'; columns: string; definition: string }
interface LiveIndex { i: number; name: string; unique: boolean; partial: boolean; columns: string }

interface LiveForeignKey {
  i: number; name: string; columns: string; target_schema: string; target_table: string; target_columns: string;
  on_delete: string; on_update: string; deferred: boolean;
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
