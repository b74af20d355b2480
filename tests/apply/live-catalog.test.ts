/** The live catalog read back by apply: the shortcut for a database with no relations must not hide any. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLiveState } from '../../generator/apply/live-catalog.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
beforeAll(async () => { db = await freshDatabase(); });
afterAll(async () => { await db?.drop(); });

describe('readLiveState', () => {
  it('an empty database: its schemas, and no tables, views or fingerprints', async () => {
    await db.exec('CREATE SCHEMA sales');
    const state = await readLiveState(db);
    expect([...state.schemas].sort()).toEqual(['public', 'sales']);
    expect([state.tables.size, state.views.size, state.tableFingerprints.size, state.viewFingerprints.size]).toEqual([0, 0, 0, 0]);
  });

  it('a database holding only a view still reports the view', async () => {
    await db.exec('CREATE VIEW sales.answer AS SELECT 42 AS n');
    expect([...(await readLiveState(db)).views]).toEqual(['sales.answer']);
  });

  it('tables are read with columns, key and fingerprints, which change when the table does', async () => {
    await db.exec('CREATE TABLE sales.customer (customer_id uuid PRIMARY KEY, name text NOT NULL)');
    const first = await readLiveState(db);
    expect(first.tables.get('sales.customer')).toEqual({
      columns: [{ name: 'customer_id', type: 'uuid', notNull: true }, { name: 'name', type: 'text', notNull: true }],
      primaryKey: ['customer_id'],
    });
    await db.exec("COMMENT ON TABLE sales.customer IS 'who buys'");
    const second = await readLiveState(db);
    expect(second.tableFingerprints.get('sales.customer')).not.toBe(first.tableFingerprints.get('sales.customer'));
  });

  it('counts triggers and names the disabled ones; without fingerprints it still reads tables and triggers', async () => {
    await db.exec(`CREATE FUNCTION sales.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TRIGGER a_touch BEFORE UPDATE ON sales.customer FOR EACH ROW EXECUTE FUNCTION sales.touch();
      CREATE TRIGGER b_touch BEFORE INSERT ON sales.customer FOR EACH ROW EXECUTE FUNCTION sales.touch();
      ALTER TABLE sales.customer DISABLE TRIGGER b_touch;`);
    for (const fingerprints of [true, false]) {
      const state = await readLiveState(db, { fingerprints });
      expect(state.triggerCounts.get('sales.customer')).toBe(2);
      expect(state.disabledTriggers.get('sales.customer')).toEqual(['b_touch']);
      expect(state.tables.get('sales.customer')?.primaryKey).toEqual(['customer_id']);
      expect(state.tableFingerprints.has('sales.customer')).toBe(fingerprints);
      expect(state.historyFingerprints.has('sales.customer')).toBe(fingerprints);
    }
  });
});
