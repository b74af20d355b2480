/**
 * The temporal contract, continued: history immutability and the escape hatch, reads (view, as-of, table),
 * upserts, composite keys, quoted names, deployment, and two-session concurrency (server only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEMPORAL_SQLSTATE, TemporalTable, customers, errorCode, install, newKey, nextTick, oddities, positions, sleep, temporalSql, transaction, withHistoryEdit, write, type TestDatabase, type Fixture, type TestSession,
  temporalDatabase,
} from './temporal-support.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await temporalDatabase('temporal_history');
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

describe.each(['view', 'table'] as const)('history, reads and upserts, writing through the %s', (path) => {
  const t = new TemporalTable(customers, path);
  const customer = (id: number, firstName = 'Ann', email: string | null = null) => ({
    customer_id: id,
    first_name: firstName,
    email,
  });

  /** A key with one closed version [t1, t2) and an open one [t2, infinity). */
  async function twoVersions(): Promise<{ id: number; t1: string; t2: string }> {
    const id = newKey();
    const t1 = await write(db, t.insert(customer(id, 'Ann')));
    const t2 = await write(db, t.update({ customer_id: id }, { first_name: 'Bea' }));
    return { id, t1, t2 };
  }

  it('8. history is immutable: UPDATE and DELETE of a closed version fail; the view cannot reach it', async () => {
    const { id, t1, t2 } = await twoVersions();
    const closed = `customer_id = ${id} AND sys_end <> 'infinity'`;
    if (path === 'view') {
      // The view shows open versions only: history is out of its reach.
      expect((await db.query(t.update({ customer_id: id }, { first_name: 'Cid' }))).rowCount).toBe(1);
      await write(db, t.delete({ customer_id: id }));
      expect((await db.query(t.update({ customer_id: id }, { first_name: 'Dan' }))).rowCount).toBe(0);
      expect((await db.query(t.delete({ customer_id: id }))).rowCount).toBe(0);
      return;
    }
    expect(await errorCode(db.query(`UPDATE ${t.table} SET first_name = 'Zed' WHERE ${closed}`))).toBe(
      TEMPORAL_SQLSTATE.historyImmutable,
    );
    expect(await errorCode(db.query(`UPDATE ${t.table} SET sys_end = now() WHERE ${closed}`))).toBe(
      TEMPORAL_SQLSTATE.historyImmutable,
    );
    expect(await errorCode(db.query(`DELETE FROM ${t.table} WHERE ${closed}`))).toBe(
      TEMPORAL_SQLSTATE.historyImmutable,
    );
    // A DELETE without `sys_end = 'infinity'` reaches history too, so it fails as a whole.
    expect(await errorCode(db.query(`DELETE FROM ${t.table} WHERE customer_id = ${id}`))).toBe(
      TEMPORAL_SQLSTATE.historyImmutable,
    );
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann'), sys_start: t1, sys_end: t2 },
      { ...customer(id, 'Bea'), sys_start: t2, sys_end: 'infinity' },
    ]);
  });

  it('8. the escape hatch lets an administrator correct history and back-fill periods', async () => {
    const { id, t1, t2 } = await twoVersions();
    const backfill = newKey();
    await withHistoryEdit(db, async () => {
      await db.query(`UPDATE ${t.table} SET email = 'fixed@x' WHERE customer_id = ${id} AND sys_end <> 'infinity'`);
      await db.query(
        `INSERT INTO ${t.table} (customer_id, first_name, sys_start, sys_end) VALUES
           (${backfill}, 'Old', '2020-01-01', '2021-01-01'), (${backfill}, 'New', '2021-01-01', 'infinity')`,
      );
      await db.query(`DELETE FROM ${t.table} WHERE customer_id = ${backfill} AND sys_start = '2020-01-01'`);
    });
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann', 'fixed@x'), sys_start: t1, sys_end: t2 },
      { ...customer(id, 'Bea'), sys_start: t2, sys_end: 'infinity' },
    ]);
    expect(await t.versions(db, { customer_id: backfill })).toEqual([
      { ...customer(backfill, 'New'), sys_start: '2021-01-01 00:00:00+00', sys_end: 'infinity' },
    ]);
    // Outside the hatch the same statements are refused again.
    expect(await errorCode(db.query(`DELETE FROM ${t.table} WHERE customer_id = ${id} AND sys_end <> 'infinity'`))).toBe(
      TEMPORAL_SQLSTATE.historyImmutable,
    );
  });

  it('9. reads: the view (now), as_of(t) with half-open periods, and the table (everything)', async () => {
    const { id, t1, t2 } = await twoVersions();
    expect(await t.currentRows(db, { customer_id: id })).toEqual([customer(id, 'Bea')]);
    const before = await db.query<{ t: string }>(`SELECT ($1::timestamptz - interval '1 microsecond')::text AS t`, [t1]);
    expect(await t.asOfRows(db, { customer_id: id }, before.rows[0].t)).toEqual([]);
    expect(await t.asOfRows(db, { customer_id: id }, t1)).toEqual([{ ...customer(id, 'Ann'), sys_start: t1, sys_end: t2 }]);
    expect(await t.asOfRows(db, { customer_id: id }, t2)).toEqual([
      { ...customer(id, 'Bea'), sys_start: t2, sys_end: 'infinity' },
    ]);
    expect(await t.versions(db, { customer_id: id })).toHaveLength(2);
  });

  it('upserts ON CONFLICT (key) WHERE sys_end = infinity on the table version correctly', async () => {
    const id = newKey();
    const upsert = (name: string) =>
      `INSERT INTO ${t.table} (customer_id, first_name) VALUES (${id}, '${name}')
       ON CONFLICT (customer_id) WHERE sys_end = 'infinity' DO UPDATE SET first_name = EXCLUDED.first_name`;
    const t1 = await write(db, upsert('Ann'));
    const t2 = await write(db, upsert('Bea'), upsert('Cid'));
    await nextTick();
    expect((await db.query(upsert('Cid'))).rowCount).toBe(1); // changes nothing: no version
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann'), sys_start: t1, sys_end: t2 },
      { ...customer(id, 'Cid'), sys_start: t2, sys_end: 'infinity' },
    ]);
  });
});

describe.each(['view', 'table'] as const)('composite key and a keyword view name, through the %s', (path) => {
  const t = new TemporalTable(positions, path);
  const key = (portfolio: number, code = 'AAPL') => ({ portfolio_id: portfolio, instrument_code: code });

  it('versions, changes one part of the key, deletes and reads as of a time', async () => {
    const portfolio = newKey();
    const t1 = await write(db, t.insert({ ...key(portfolio), quantity: '10.0000' }), t.insert({ ...key(portfolio, 'MSFT'), quantity: '1.0000' }));
    const t2 = await write(db, t.update(key(portfolio), { quantity: '12.5000' }));
    const t3 = await write(db, t.update(key(portfolio), { instrument_code: 'GOOG' }));
    expect(await errorCode(db.query(t.update(key(portfolio, 'GOOG'), { instrument_code: 'MSFT' })))).toBe('23505');
    const t4 = await write(db, t.delete(key(portfolio, 'MSFT')));
    expect(await t.versions(db, key(portfolio))).toEqual([
      { ...key(portfolio), quantity: '10.0000', sys_start: t1, sys_end: t2 },
      { ...key(portfolio), quantity: '12.5000', sys_start: t2, sys_end: t3 },
    ]);
    expect(await t.versions(db, key(portfolio, 'GOOG'))).toEqual([
      { ...key(portfolio, 'GOOG'), quantity: '12.5000', sys_start: t3, sys_end: 'infinity' },
    ]);
    expect(await t.versions(db, key(portfolio, 'MSFT'))).toEqual([
      { ...key(portfolio, 'MSFT'), quantity: '1.0000', sys_start: t1, sys_end: t4 },
    ]);
    expect(await t.asOfRows(db, key(portfolio), t2)).toHaveLength(1);
    expect(await t.currentRows(db, { portfolio_id: portfolio })).toEqual([{ ...key(portfolio, 'GOOG'), quantity: '12.5000' }]);
  });
});

describe.each(['view', 'table'] as const)('names that need quoting, through the %s', (path) => {
  const t = new TemporalTable(oddities, path);

  it('versions a table whose schema, table, view and columns all need quoting', async () => {
    const id = newKey();
    const t1 = await write(db, t.insert({ select: id, 'Mixed Case': 'one', 'a$lakegen$b %s': '50%' }));
    const t2 = await write(db, t.update({ select: id }, { 'Mixed Case': 'two' }));
    const t3 = await write(db, t.delete({ select: id }));
    expect(await t.versions(db, { select: id })).toEqual([
      { select: id, 'Mixed Case': 'one', 'a$lakegen$b %s': '50%', sys_start: t1, sys_end: t2 },
      { select: id, 'Mixed Case': 'two', 'a$lakegen$b %s': '50%', sys_start: t2, sys_end: t3 },
    ]);
    expect(await t.asOfRows(db, { select: id }, t2)).toHaveLength(1);
    await withHistoryEdit(db, () => db.query(`INSERT INTO ${t.table} ("select", "Mixed Case", sys_start) VALUES (${id}, 'f', now() + interval '1 day')`));
    const error = await db.query(t.update({ select: id }, { 'Mixed Case': 'x' })).catch((e: Error & { code?: string }) => e);
    expect(error).toMatchObject({ code: TEMPORAL_SQLSTATE.periodConflict });
    expect((error as Error).message).toContain(`"Odd Schema"."Odd ""Table""_hist"`);
    expect((error as Error).message).toContain(`(select)=(${id})`);
  });
});

describe('deployment', () => {
  it('runs twice without error and leaves exactly the five triggers, each documented', async () => {
    await db.exec(temporalSql(customers.input));
    const triggers = await db.query<{ tgname: string; comment: string | null }>(
      `SELECT tgname, obj_description(oid, 'pg_trigger') AS comment FROM pg_trigger
        WHERE tgrelid = 'silver.dim_customer_hist'::regclass AND NOT tgisinternal ORDER BY tgname`,
    );
    expect(triggers.rows.map((r) => r.tgname)).toEqual([
      'temporal_after_delete',
      'temporal_after_update',
      'temporal_before_insert',
      'temporal_before_truncate',
      'temporal_before_update',
    ]);
    expect(triggers.rows.every((r) => (r.comment ?? '').length > 20)).toBe(true);
    const functions = await db.query<{ proname: string; comment: string | null }>(
      `SELECT proname, obj_description(p.oid, 'pg_proc') AS comment FROM pg_proc p
        WHERE pronamespace = 'silver'::regnamespace ORDER BY proname`,
    );
    expect(functions.rows.map((r) => r.proname)).toEqual([
      'dim_customer_as_of',
      'dim_customer_hist_after_delete',
      'dim_customer_hist_after_update',
      'dim_customer_hist_before_insert',
      'dim_customer_hist_before_truncate',
      'dim_customer_hist_before_update',
    ]);
    expect(functions.rows.every((r) => (r.comment ?? '').length > 20)).toBe(true);
  });

  it('deploys and versions a table whose derived names must be shortened to 63 bytes', async () => {
    const long: Fixture = {
      input: { ...customers.input, schema: 'scratch', table: `${'t'.repeat(50)}_hist`, view: 'v'.repeat(63) },
      nullable: ['email'],
    };
    await install(db, long);
    const t = new TemporalTable(long, 'view');
    const t1 = await write(db, t.insert({ customer_id: 1, first_name: 'Ann' }));
    const t2 = await write(db, t.update({ customer_id: 1 }, { first_name: 'Bea' }));
    expect((await t.versions(db, { customer_id: 1 })).map((v) => [v.sys_start, v.sys_end])).toEqual([
      [t1, t2],
      [t2, 'infinity'],
    ]);
  });

  it('5. a change `=` calls none (1 day to 24 hours, 0 to -0) is a change: a version, not rewritten history', async () => {
    const measured: Fixture = {
      input: {
        schema: 'scratch', table: 'measure_hist', view: 'measure', keyColumns: ['measure_id'],
        columns: [{ name: 'measure_id', sqlType: 'integer' }, { name: 'grace', sqlType: 'interval' }, { name: 'score', sqlType: 'double precision' }],
      },
      nullable: [],
    };
    await install(db, measured);
    const t = new TemporalTable(measured, 'view');
    await write(db, t.insert({ measure_id: 1, grace: '1 day', score: 0 }));
    await nextTick();
    await write(db, t.update({ measure_id: 1 }, `grace = '24 hours', score = '-0'`));
    const versions = await db.query<{ grace: string; score: string }>(
      `SELECT grace::text AS grace, score::text AS score FROM scratch.measure_hist ORDER BY sys_start`);
    expect(versions.rows).toEqual([{ grace: '1 day', score: '0' }, { grace: '24:00:00', score: '-0' }]);
    await nextTick();
    expect((await db.query(t.update({ measure_id: 1 }, `grace = '24 hours'`))).rowCount).toBe(1);
    expect((await db.query('SELECT count(*)::int AS n FROM scratch.measure_hist')).rows[0]).toEqual({ n: 2 }); // the same bytes: no version
  });

  it('8. TRUNCATE is refused, and allowed with the escape hatch', async () => {
    const scratch: Fixture = {
      input: { ...customers.input, schema: 'scratch', table: 'truncate_me_hist', view: 'truncate_me' },
      nullable: ['email'],
    };
    await install(db, scratch);
    const t = new TemporalTable(scratch, 'table');
    await write(db, t.insert({ customer_id: 1, first_name: 'Ann' }));
    expect(await errorCode(db.exec(`TRUNCATE ${t.table}`))).toBe(TEMPORAL_SQLSTATE.historyImmutable);
    await withHistoryEdit(db, () => db.exec(`TRUNCATE ${t.table}`));
    expect((await db.query(`SELECT * FROM ${t.table}`)).rows).toEqual([]);
  });
});

describe.each(['view', 'table'] as const)('7 and 10: concurrent writers, through the %s (server only)', (path) => {
  const t = new TemporalTable(customers, path);
  const customer = (id: number, firstName: string) => ({ customer_id: id, first_name: firstName, email: null });
  let a: TestSession;
  let b: TestSession;

  beforeAll(async () => {
    if (db.engine !== 'server') return;
    [a, b] = [await db.session(), await db.session()];
  });

  const begin = async (session: TestSession): Promise<string> => {
    await nextTick();
    await session.exec('BEGIN');
    return (await session.query<{ t: string }>('SELECT now()::text AS t')).rows[0].t;
  };

  /** Resolves once some session of this database waits for a lock (the statement under test blocks). */
  async function someoneWaits(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const waiting = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (Number(waiting.rows[0].n) > 0) return;
      await sleep(10);
    }
    throw new Error('no session is waiting for a lock');
  }

  it('10. two writers on one key serialize: the later transaction applies on top', async ({ skip }) => {
    if (db.engine !== 'server') skip();
    const id = newKey();
    const t0 = await write(db, t.insert(customer(id, 'Ann')));
    const tA = await begin(a);
    await a.query(t.update({ customer_id: id }, { first_name: 'A' }));
    const tB = await begin(b);
    const blocked = b.query(t.update({ customer_id: id }, `first_name = first_name || '+B'`));
    await someoneWaits();
    await a.exec('COMMIT');
    expect((await blocked).rowCount).toBe(1);
    await b.exec('COMMIT');
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann'), sys_start: t0, sys_end: tA },
      { ...customer(id, 'A'), sys_start: tA, sys_end: tB },
      { ...customer(id, 'A+B'), sys_start: tB, sys_end: 'infinity' },
    ]);
  });

  it('7/10. an older transaction changing a row a younger one re-versioned fails with LT001, also after waiting', async ({ skip }) => {
    if (db.engine !== 'server') skip();
    const id = newKey();
    await write(db, t.insert(customer(id, 'Ann')));
    await begin(a); // A starts first …
    const tB = await write(b, t.update({ customer_id: id }, { first_name: 'B' })); // … B starts later, commits
    expect(await errorCode(a.query(t.update({ customer_id: id }, { first_name: 'A' })))).toBe(TEMPORAL_SQLSTATE.periodConflict);
    await a.exec('ROLLBACK');

    await begin(a);
    await begin(b);
    await b.query(t.update({ customer_id: id }, { first_name: 'B2' }));
    const blocked = errorCode(a.query(t.delete({ customer_id: id })));
    await someoneWaits();
    await b.exec('COMMIT');
    expect(await blocked).toBe(TEMPORAL_SQLSTATE.periodConflict);
    await a.exec('ROLLBACK');
    const versions = await t.versions(db, { customer_id: id });
    expect(versions.map((v) => v.first_name)).toEqual(['Ann', 'B', 'B2']);
    expect(versions[1].sys_start).toBe(tB);
    expect(versions.at(-1)?.sys_end).toBe('infinity');
  });

  it('10. upserts waiting on one key queue up instead of deadlocking (40P01)', async ({ skip }) => {
    if (db.engine !== 'server' || path === 'view') skip(); // an upsert goes through the table
    const id = newKey();
    const upsert = (name: string) => `INSERT INTO ${t.table} (customer_id, first_name) VALUES (${id}, '${name}')
       ON CONFLICT (customer_id) WHERE sys_end = 'infinity' DO UPDATE SET first_name = EXCLUDED.first_name`;
    await write(db, upsert('Ann'));
    const c = await db.session();
    try {
      await begin(a);
      await a.query(upsert('A'));
      await begin(b);
      await begin(c);
      const waiting = [b.query(upsert('B')).then(() => b.exec('COMMIT')), c.query(upsert('C')).then(() => c.exec('COMMIT'))]
        .map((p) => p.then(() => 'ok', (error: { code?: string }) => error.code));
      await someoneWaits();
      await sleep(200); // both waiting
      await a.exec('COMMIT');
      const outcomes = await Promise.all(waiting);
      expect(outcomes.filter((o) => o === '40P01')).toEqual([]);
      expect((await t.versions(db, { customer_id: id })).at(-1)?.sys_end).toBe('infinity');
    } finally {
      await c.exec('ROLLBACK').catch(() => {});
      await c.close();
    }
  });

  it('10. concurrent inserts of one new key: the second fails with 23505', async ({ skip }) => {
    if (db.engine !== 'server') skip();
    const id = newKey();
    await begin(a);
    await a.query(t.insert(customer(id, 'A')));
    await begin(b);
    const blocked = errorCode(b.query(t.insert(customer(id, 'B'))));
    await someoneWaits();
    await a.exec('COMMIT');
    expect(await blocked).toBe('23505');
    await b.exec('ROLLBACK');
    expect((await t.versions(db, { customer_id: id })).map((v) => v.first_name)).toEqual(['A']);
  });

  it('7/10. an older transaction cannot re-open a key a younger one closed, even while that one is committing', async ({ skip }) => {
    if (db.engine !== 'server') skip();
    const [id, racing] = [newKey(), newKey()];
    await write(db, t.insert(customer(id, 'Ann')), t.insert(customer(racing, 'Ann')));
    await begin(a);
    await write(b, t.delete({ customer_id: id }));
    expect(await errorCode(a.query(t.insert(customer(id, 'A'))))).toBe(TEMPORAL_SQLSTATE.periodConflict);
    await a.exec('ROLLBACK');

    await begin(a);
    await begin(b);
    await b.query(t.delete({ customer_id: racing }));
    const blocked = errorCode(a.query(t.insert(customer(racing, 'A'))));
    await someoneWaits();
    await b.exec('COMMIT');
    expect(await blocked).toBe(TEMPORAL_SQLSTATE.periodConflict);
    await a.exec('ROLLBACK');
    expect(await t.currentRows(db, { customer_id: racing })).toEqual([]);
  });

  it('7. a version from the same clock tick as this transaction is overwritten in place, never an empty period', async ({ skip }) => {
    if (db.engine !== 'server') skip();
    const id = newKey();
    const tA = await begin(a);
    await withHistoryEdit(b, () =>
      b.query(`INSERT INTO ${t.table} (customer_id, first_name, sys_start) VALUES (${id}, 'B', $1::timestamptz)`, [tA]),
    );
    await a.query(t.update({ customer_id: id }, { first_name: 'A' }));
    await a.exec('COMMIT');
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'A'), sys_start: tA, sys_end: 'infinity' },
    ]);
  });
});

