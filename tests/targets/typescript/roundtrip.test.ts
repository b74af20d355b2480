/**
 * The generated client against a database built from the postgres target's plan, for the example project and
 * every fixture (their schema names differ, so they share one database): every table of every kind through
 * the client, values of every logical type as node-postgres returns them, reference constants against the
 * seeded rows, reference rows written by a program (delete deactivates them), and the temporal history of definitions/ over separate transactions, exact to the µs.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Table } from '../../../generator/model/catalog.js';
import { creationOrder } from '../../../generator/model/reference-graph.js';
import { qualifiedName, quoteIdent } from '../../../generator/targets/postgres/quote.js';
import { bindingName, pascalCase } from '../../../generator/targets/typescript/identifiers.js';
import { catalogOf, plansOf, runPlan } from '../../support/apply-plan.js';
import { REPO_ROOT } from '../../support/binary.js';
import { compileFixture, FIXTURE_NAMES, FIXTURES } from '../../support/golden.js';
import { clientConnection, type ClientConnection } from './connection.js';
import { removeOutput, writeOutput } from './output.js';
import { deleteAll, insertAll, updateEach, type AnyTableClient, type Inserted } from './roundtrip-steps.js';

const PROJECTS = [['definitions', REPO_ROOT], ...FIXTURE_NAMES.map((f) => [f, join(FIXTURES, f)] as const)] as const;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

type Module = Record<string, any>;
interface Loaded {
  readonly catalog: Catalog;
  /** index.ts of each database, by database name. */
  readonly modules: Map<string, Module>;
}

let connection: ClientConnection;
const projects = new Map<string, Loaded>();

beforeAll(async () => {
  connection = await clientConnection('ts_client');
  for (const [name, root] of PROJECTS) {
    const catalog = await catalogOf(root);
    for (const plan of plansOf(catalog)) await runPlan(connection.session, plan);
    const folder = writeOutput(`roundtrip-${name}`, await compileFixture(name, ['typescript']));
    const modules = new Map<string, Module>();
    for (const database of catalog.databases) {
      modules.set(database.name, await import(join(folder, 'typescript', database.name, 'index.ts')));
    }
    projects.set(name, { catalog, modules });
  }
});
afterAll(async () => {
  removeOutput();
  await connection?.close();
});

function client(project: string, database: string): Module {
  return projects.get(project)!.modules.get(database)!.createClient(connection.queryable);
}

function tableClient(project: string, table: Table): AnyTableClient {
  return client(project, table.database)[table.schema][table.name];
}

function tablesOf(project: string, kind: Table['kind']): Table[] {
  return projects.get(project)!.catalog.databases.flatMap((d) => creationOrder(d).tables.filter((t) => t.kind === kind));
}

async function transaction<T>(body: () => Promise<T>): Promise<T> {
  await connection.queryable.query('BEGIN');
  try {
    const result = await body();
    await connection.queryable.query('COMMIT');
    return result;
  } catch (error) {
    await connection.queryable.query('ROLLBACK');
    throw error;
  }
}

describe.each(PROJECTS.map(([name]) => name))('the generated client of %s', (project) => {
  it('reads every reference table; its constants equal the seeded rows', async () => {
    for (const table of tablesOf(project, 'reference')) {
      const schema = projects.get(project)!.modules.get(table.database)![bindingName(table.schema)] as Module;
      const rows = await tableClient(project, table).list();
      const key = table.primaryKey[0];
      expect(rows.map((r) => r[key]), table.name).toEqual(table.rows.map((r) => r.values[key]).sort((a, b) => Number(a) - Number(b)));
      for (const constant of schema[`${pascalCase(table.name)}Rows`] as Record<string, unknown>[]) {
        const row = await tableClient(project, table).get({ [key]: constant[key] });
        expect(row, `${table.name} ${String(constant[key])}`).toMatchObject(constant);
        expect(row!.is_active).toBe(true);
      }
      const byName = schema[pascalCase(table.name)] as Record<string, unknown> | undefined;
      for (const [name, value] of Object.entries(byName ?? {})) {
        expect(Object.values((await tableClient(project, table).get({ [key]: value }))!), `${table.name}.${name}`).toContain(name);
      }
    }
  });

  it('inserts, gets, lists, updates and deletes (deactivates) a row of every reference table', async () => {
    const tables = tablesOf(project, 'reference');
    const seeded = (table: Table) => tables.find((t) => t.schema === table.schema && t.name === table.name);
    let inserted: Inserted[] = [];
    try {
      await transaction(async () => { inserted = await insertAll(tables, (t) => tableClient(project, t), seeded); });
      for (const { table, row } of inserted) {
        expect(row.is_active, table.name).toBe(true);
        expect(row.systime, table.name).toBeInstanceOf(Date);
      }
      const updated = await updateEach(inserted);
      for (const [i, { table, client: tc, key, row: first }] of inserted.entries()) {
        const current = updated[i];
        expect(current.systime.getTime(), `${table.name}: systime moves with a change`).toBeGreaterThanOrEqual(first.systime.getTime());
        expect(await tc.update(key, key), `${table.name}: a patch that changes nothing leaves systime`).toEqual(current);

        expect(await tc.delete(key), table.name).toBe(true);
        const deactivated = await tc.get(key);
        expect(deactivated, `${table.name}: delete keeps the row, inactive`).toEqual({ ...current, is_active: false, systime: expect.any(Date) });
        expect(deactivated!.systime.getTime()).toBeGreaterThanOrEqual(current.systime.getTime());
        expect(await tc.list({ where: { ...key, is_active: false } }), table.name).toEqual([deactivated]);
        expect(await tc.delete(key), `${table.name}: found again, systime unchanged`).toBe(true);
        expect(await tc.get(key), table.name).toEqual(deactivated);
        expect(await tc.delete(Object.fromEntries(table.primaryKey.map((k) => [k, 32_000]))), table.name).toBe(false);
      }
    } finally {
      // leave the seeded rows alone for the other tests: remove what this test wrote (only SQL can)
      for (const { table, key } of inserted) {
        const [column] = table.primaryKey;
        await connection.queryable.query(`DELETE FROM ${qualifiedName(table.schema, table.name)} WHERE ${quoteIdent(column)} = $1`, [key[column]]);
      }
    }
  });

  it('inserts, gets, lists, updates and deletes a row of every transactional table', async () => {
    const tables = tablesOf(project, 'transactional');
    const seeded = (table: Table) => tablesOf(project, 'reference').find((t) => t.schema === table.schema && t.name === table.name);
    let inserted: Inserted[] = [];
    await transaction(async () => { inserted = await insertAll(tables, (t) => tableClient(project, t), seeded); });
    await updateEach(inserted);
    await transaction(() => deleteAll(inserted));
    for (const { table, client: tc, key } of inserted) {
      expect(await tc.get(key), table.name).toBeUndefined();
      expect(await tc.delete(key), table.name).toBe(false);
    }
  });

  it('versions every temporal table through its current-state view', async () => {
    for (const table of tablesOf(project, 'temporal')) {
      const tc = tableClient(project, table);
      const [row] = await insertAll([table], () => tc, (t) => tablesOf(project, 'reference').find((r) => r.schema === t.schema && r.name === t.name));
      const key = row.key;
      expect(await tc.get(key)).toEqual(row.row);
      expect(await tc.current({ where: key })).toEqual([row.row]);
      const [first] = await tc.history(key);
      expect(first).toMatchObject({ ...row.row, sys_end: 'infinity' });
      expect(first.sys_start).toMatch(INSTANT);

      const [updated] = await updateEach([row]);
      const versions = await tc.history(key);
      expect(versions).toEqual([{ ...first, sys_end: versions[1].sys_start }, { ...updated, sys_start: versions[1].sys_start, sys_end: 'infinity' }]);
      expect(await tc.asOf(first.sys_start, { where: key })).toEqual([versions[0]]);
      expect(await tc.asOf(versions[1].sys_start, { where: key })).toEqual([versions[1]]);

      expect(await tc.delete(key)).toBe(true);
      expect(await tc.get(key)).toBeUndefined();
      expect(await tc.delete(key)).toBe(false);
      const closed = await tc.history(key);
      expect(closed).toHaveLength(2);
      expect(closed[1].sys_end).toMatch(INSTANT);
    }
  });
});

describe('the temporal client of definitions/', () => {
  const now = async () => (await connection.queryable.query(
    `SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t`)).rows[0].t as string;

  it('returns exactly the versions four transactions wrote, with µs-exact periods', async () => {
    const customers = client('definitions', 'demo').silver.dim_customer_hist;
    const key = { customer_id: 4242 };
    const t1 = await transaction(async () => { await customers.insert({ ...key, first_name: 'Ada', last_name: 'Lovelace' }); return now(); });
    const t2 = await transaction(async () => { await customers.update(key, { email: 'ada@example.com' }); return now(); });
    const t3 = await transaction(async () => { await customers.update(key, { segment: 'private', email: 'ada@example.com' }); return now(); });
    const t4 = await transaction(async () => { await customers.delete(key); return now(); });
    expect([t1, t2, t3, t4].every((t) => INSTANT.test(t))).toBe(true);

    const v1 = { ...key, first_name: 'Ada', last_name: 'Lovelace', email: null, segment: 'retail', sys_start: t1, sys_end: t2 };
    const v2 = { ...v1, email: 'ada@example.com', sys_start: t2, sys_end: t3 };
    const v3 = { ...v2, segment: 'private', sys_start: t3, sys_end: t4 };
    expect(await customers.history(key)).toEqual([v1, v2, v3]);
    expect(await customers.asOf(t1, { where: key })).toEqual([v1]);
    expect(await customers.asOf(minusOneMicrosecond(t2), { where: key })).toEqual([v1]);
    expect(await customers.asOf(t2, { where: key })).toEqual([v2]);
    expect(await customers.asOf(t3, { where: key })).toEqual([v3]);
    expect(await customers.asOf(t4, { where: key })).toEqual([]);
    expect(await customers.get(key)).toBeUndefined();
  });

  it('reads reference constants that equal the seeded keys', async () => {
    const { common } = projects.get('definitions')!.modules.get('demo')!;
    expect(common.TradeStatusType.settled).toBe(2);
    const statuses = await client('definitions', 'demo').common.trade_status_type.list({ orderBy: [['trade_status_type_id', 'desc']] });
    expect(Object.fromEntries(statuses.map((s: any) => [s.trade_status_type_name, s.trade_status_type_id]))).toEqual(common.TradeStatusType);
    expect(statuses.map((s: any) => s.trade_status_type_id)).toEqual([3, 2, 1]);
  });
});

describe('Kysely over the DB interface of definitions/', () => {
  // typecheck.test.ts proves that Kysely<DB> compiles; this shows its types describe what pg returns.
  it('reads and writes what the Kysely table types say (real server: Kysely needs a pg Pool)', async (context) => {
    const pool = connection.pool();
    if (!pool) return context.skip();
    const { Kysely, PostgresDialect } = await import('kysely');
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    try {
      const portfolio = await db.insertInto('trading.portfolio')
        .values({ portfolio_name: 'Kysely', base_currency: 'EUR', opened_on: '2024-01-02' })
        .returning(['portfolio_id', 'opened_on', 'effective_time']).executeTakeFirstOrThrow();
      expect(typeof portfolio.portfolio_id).toBe('string');
      expect(portfolio.opened_on).toEqual(new Date(2024, 0, 2));
      expect(portfolio.effective_time).toBeInstanceOf(Date);
      await db.insertInto('bronze.br_trade').values({ source_ref: 'K-1', payload: JSON.stringify([1, 2]) }).execute();
      const landed = await db.selectFrom('bronze.br_trade').select(['payload']).where('source_ref', '=', 'K-1').executeTakeFirstOrThrow();
      expect(landed.payload).toEqual([1, 2]);
      await db.deleteFrom('trading.portfolio').where('portfolio_id', '=', portfolio.portfolio_id).execute();
    } finally {
      await db.destroy();
    }
  });
});

/** An Instant one microsecond earlier, in integer microseconds so no JavaScript Date rounds it. */
function minusOneMicrosecond(instant: string): string {
  const [, micros] = instant.match(/\.(\d{6})Z$/)!;
  const total = Date.parse(instant.replace(/\.\d{6}Z$/, 'Z')) * 1000 + Number(micros) - 1;
  const seconds = Math.floor(total / 1_000_000);
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}.${String(total % 1_000_000).padStart(6, '0')}Z`;
}
