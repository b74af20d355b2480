/**
 * The temporal contract (DESIGN.md §7, docs/temporal.md), executed against a real database through both write
 * paths: the current-state view and the table itself (`… WHERE sys_end = 'infinity'`). History, reads, upserts,
 * quoting and the two-session behaviours (7 and 10) continue in temporal-history.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEMPORAL_SQLSTATE, TemporalTable, customers, errorCode, newKey, nextTick, sleep, transaction, withHistoryEdit, write, type TestDatabase,
  temporalDatabase,
} from './temporal-support.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await temporalDatabase('temporal_contract');
}, 120_000);
afterAll(async () => {
  await db?.drop();
});
// ---------------------------------------------------------------------------------------------------------

describe.each(['view', 'table'] as const)('temporal contract, writing through the %s', (path) => {
  const t = new TemporalTable(customers, path);
  const customer = (id: number, firstName = 'Ann', email: string | null = null) => ({
    customer_id: id,
    first_name: firstName,
    email,
  });

  it('1. stamps the transaction start time, not the statement time', async () => {
    const id = newKey();
    const { time } = await transaction(db, async () => {
      await sleep(5);
      await db.query(t.insert(customer(id)));
    });
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id), sys_start: time, sys_end: 'infinity' },
    ]);
  });

  it('2. INSERT opens, UPDATE closes and opens at the same instant, DELETE closes and keeps history', async () => {
    const id = newKey();
    const t1 = await write(db, t.insert(customer(id, 'Ann', 'a@x')));
    const t2 = await write(db, t.update({ customer_id: id }, { email: 'b@x' }));
    const t3 = await write(db, t.delete({ customer_id: id }));
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann', 'a@x'), sys_start: t1, sys_end: t2 },
      { ...customer(id, 'Ann', 'b@x'), sys_start: t2, sys_end: t3 },
    ]);
    expect(await t.currentRows(db, { customer_id: id })).toEqual([]);
  });

  it('2. a multi-row UPDATE or DELETE versions every row it touches', async () => {
    const ids = [newKey(), newKey(), newKey()];
    const t1 = await write(db, ...ids.map((id) => t.insert(customer(id, 'Ann'))));
    const inList = `customer_id IN (${ids.join(', ')})`;
    const t2 = await write(db, t.update(inList, `first_name = 'Bea'`));
    const t3 = await write(db, t.delete(inList));
    for (const id of ids) {
      expect(await t.versions(db, { customer_id: id })).toEqual([
        { ...customer(id, 'Ann'), sys_start: t1, sys_end: t2 },
        { ...customer(id, 'Bea'), sys_start: t2, sys_end: t3 },
      ]);
    }
  });

  it('3. insert + update in one transaction leaves one version', async () => {
    const id = newKey();
    const time = await write(db, t.insert(customer(id)), t.update({ customer_id: id }, { first_name: 'Bea' }));
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Bea'), sys_start: time, sys_end: 'infinity' },
    ]);
  });

  it('3. two updates in one transaction leave the last value only', async () => {
    const id = newKey();
    const t1 = await write(db, t.insert(customer(id)));
    const t2 = await write(
      db,
      t.update({ customer_id: id }, { first_name: 'Bea' }),
      t.update({ customer_id: id }, { first_name: 'Cid' }),
    );
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann'), sys_start: t1, sys_end: t2 },
      { ...customer(id, 'Cid'), sys_start: t2, sys_end: 'infinity' },
    ]);
  });

  it('3. insert + delete in one transaction leaves no trace', async () => {
    const id = newKey();
    await write(db, t.insert(customer(id)), t.delete({ customer_id: id }));
    expect(await t.versions(db, { customer_id: id })).toEqual([]);
  });

  it('3. update + delete in one transaction closes the pre-transaction value at T', async () => {
    const id = newKey();
    const t1 = await write(db, t.insert(customer(id, 'Ann')));
    const t2 = await write(db, t.update({ customer_id: id }, { first_name: 'Bea' }), t.delete({ customer_id: id }));
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann'), sys_start: t1, sys_end: t2 },
    ]);
  });

  it('3. delete + re-insert in one transaction is contiguous; in a later transaction it leaves a gap', async () => {
    const id = newKey();
    const t1 = await write(db, t.insert(customer(id, 'Ann')));
    const t2 = await write(db, t.delete({ customer_id: id }), t.insert(customer(id, 'Bea')));
    const t3 = await write(db, t.delete({ customer_id: id }));
    const t4 = await write(db, t.insert(customer(id, 'Cid')));
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann'), sys_start: t1, sys_end: t2 },
      { ...customer(id, 'Bea'), sys_start: t2, sys_end: t3 },
      { ...customer(id, 'Cid'), sys_start: t4, sys_end: 'infinity' },
    ]);
  });

  it('4. a row changed in a released savepoint and changed again is still one version', async () => {
    const id = newKey();
    const t1 = await write(db, t.insert(customer(id, 'Ann')));
    const t2 = await write(
      db,
      'SAVEPOINT a',
      t.update({ customer_id: id }, { first_name: 'Bea' }),
      'RELEASE SAVEPOINT a',
      'SAVEPOINT b',
      t.update({ customer_id: id }, { first_name: 'Cid' }),
      'RELEASE SAVEPOINT b',
      t.update({ customer_id: id }, { email: 'c@x' }),
    );
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann'), sys_start: t1, sys_end: t2 },
      { ...customer(id, 'Cid', 'c@x'), sys_start: t2, sys_end: 'infinity' },
    ]);
  });

  it('4. a row inserted in a released savepoint and then deleted leaves no trace', async () => {
    const id = newKey();
    await write(db, 'SAVEPOINT a', t.insert(customer(id)), 'RELEASE SAVEPOINT a', t.delete({ customer_id: id }));
    expect(await t.versions(db, { customer_id: id })).toEqual([]);
  });

  it('4. ROLLBACK TO SAVEPOINT leaves no trace of the rolled-back part', async () => {
    const id = newKey();
    const t1 = await write(db, t.insert(customer(id, 'Ann')));
    const t2 = await write(
      db,
      t.update({ customer_id: id }, { first_name: 'Bea' }),
      'SAVEPOINT a',
      t.update({ customer_id: id }, { first_name: 'Cid' }),
      t.delete({ customer_id: id }),
      'ROLLBACK TO SAVEPOINT a',
    );
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann'), sys_start: t1, sys_end: t2 },
      { ...customer(id, 'Bea'), sys_start: t2, sys_end: 'infinity' },
    ]);
  });

  it('4. ROLLBACK leaves no trace', async () => {
    const id = newKey();
    const t1 = await write(db, t.insert(customer(id, 'Ann')));
    await nextTick();
    await db.exec('BEGIN');
    await db.query(t.update({ customer_id: id }, { first_name: 'Bea' }));
    await db.query(t.insert(customer(newKey())));
    await db.exec('ROLLBACK');
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann'), sys_start: t1, sys_end: 'infinity' },
    ]);
  });

  it('5. an UPDATE that changes nothing makes no version and still reports 1 row', async () => {
    const id = newKey();
    const t1 = await write(db, t.insert(customer(id, 'Ann', 'a@x')));
    await nextTick();
    const result = await db.query(t.update({ customer_id: id }, `first_name = 'Ann', email = email`));
    expect(result.rowCount).toBe(1);
    expect(await t.versions(db, { customer_id: id })).toEqual([
      { ...customer(id, 'Ann', 'a@x'), sys_start: t1, sys_end: 'infinity' },
    ]);
  });

  it('6. changing the key closes the old key and opens the new one', async () => {
    const [from, to] = [newKey(), newKey()];
    const t1 = await write(db, t.insert(customer(from, 'Ann')));
    const t2 = await write(db, t.update({ customer_id: from }, { customer_id: to }));
    expect(await t.versions(db, { customer_id: from })).toEqual([
      { ...customer(from, 'Ann'), sys_start: t1, sys_end: t2 },
    ]);
    expect(await t.versions(db, { customer_id: to })).toEqual([
      { ...customer(to, 'Ann'), sys_start: t2, sys_end: 'infinity' },
    ]);
  });

  it('6. changing a key onto a live key fails with 23505, atomically for a multi-row statement', async () => {
    const [a, b, c] = [newKey(), newKey(), newKey()];
    await write(db, t.insert(customer(a, 'A')), t.insert(customer(b, 'B')), t.insert(customer(c, 'C')));
    const before = [...(await t.versions(db, { customer_id: a })), ...(await t.versions(db, { customer_id: b }))];
    await nextTick();
    expect(await errorCode(db.query(t.update({ customer_id: a }, { customer_id: c })))).toBe('23505');
    // a → a + 100000 alone would succeed, b → c fails: the statement changes neither.
    const statement = t.update(
      `customer_id IN (${a}, ${b})`,
      `customer_id = CASE customer_id WHEN ${a} THEN ${a + 100_000} ELSE ${c} END`,
    );
    expect(await errorCode(db.query(statement))).toBe('23505');
    const after = [...(await t.versions(db, { customer_id: a })), ...(await t.versions(db, { customer_id: b }))];
    expect(after).toEqual(before);
    expect(await t.versions(db, { customer_id: a + 100_000 })).toEqual([]);
  });

  it('7. a version that starts after this transaction (a younger writer, or the clock went back) is refused', async () => {
    const id = newKey();
    await withHistoryEdit(db, () =>
      db.query(`INSERT INTO ${t.table} (customer_id, first_name, sys_start) VALUES (${id}, 'Future', now() + interval '1 hour')`),
    );
    expect(await errorCode(db.query(t.update({ customer_id: id }, { first_name: 'Now' })))).toBe(
      TEMPORAL_SQLSTATE.periodConflict,
    );
    expect(await errorCode(db.query(t.delete({ customer_id: id })))).toBe(TEMPORAL_SQLSTATE.periodConflict);
    expect(await t.currentRows(db, { customer_id: id })).toEqual([customer(id, 'Future')]);
  });

  it('7. a key whose history ends after this transaction started cannot be opened again (insert or key change)', async () => {
    const [id, other] = [newKey(), newKey()];
    await withHistoryEdit(db, () =>
      db.query(
        `INSERT INTO ${t.table} (customer_id, first_name, sys_start, sys_end)
         VALUES (${id}, 'Later', now() - interval '1 hour', now() + interval '1 hour')`,
      ),
    );
    await write(db, t.insert(customer(other)));
    expect(await errorCode(db.query(t.insert(customer(id))))).toBe(TEMPORAL_SQLSTATE.periodConflict);
    expect(await errorCode(db.query(t.update({ customer_id: other }, { customer_id: id })))).toBe(
      TEMPORAL_SQLSTATE.periodConflict,
    );
    expect(await t.currentRows(db, { customer_id: id })).toEqual([]);
  });

  it('8. user-supplied periods are refused with 428C9 (through the table; the view has no period columns)', async () => {
    const id = newKey();
    if (path === 'view') {
      expect(await errorCode(db.query(`INSERT INTO ${t.view} (customer_id, first_name, sys_start) VALUES (${id}, 'x', now())`))).toBe('42703');
      return;
    }
    const supplied = [
      `INSERT INTO ${t.table} (customer_id, first_name, sys_start) VALUES (${id}, 'x', '2000-01-01')`,
      `INSERT INTO ${t.table} (customer_id, first_name, sys_end) VALUES (${id}, 'x', now() + interval '1 day')`,
      `INSERT INTO ${t.table} (customer_id, first_name, sys_start, sys_end) VALUES (${id}, 'x', '2000-01-01', '2001-01-01')`,
    ];
    for (const sql of supplied) expect(await errorCode(db.query(sql))).toBe(TEMPORAL_SQLSTATE.periodSupplied);
    await write(db, t.insert(customer(id)));
    for (const set of [`sys_start = '2000-01-01'`, `sys_end = now() + interval '1 day'`, `sys_end = NULL`]) {
      expect(await errorCode(db.query(t.update({ customer_id: id }, set)))).toBe(TEMPORAL_SQLSTATE.periodSupplied);
    }
    expect(await t.versions(db, { customer_id: id })).toHaveLength(1);
  });
});

