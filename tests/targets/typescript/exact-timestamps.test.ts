/**
 * The client reads keys and periods as exact text (column-plan.ts exactTimestampSql) and sends that text back
 * to find the row: every value must come back equal, before year 1 and at infinity too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTypeSpec, type LogicalType } from '../../../generator/model/logical-type.js';
import type { Column } from '../../../generator/model/catalog.js';
import { exactTimestampSql } from '../../../generator/targets/typescript/column-plan.js';
import { freshDatabase, type TestDatabase } from '../../support/database.js';

const column = (name: string, spelling: string) => ({ name, type: (parseTypeSpec(spelling) as { type: LogicalType }).type }) as Column;
const VALUES = ['2024-05-01 10:00:00.123456+00', '0001-01-01 00:00:00+00', '0044-03-15 12:00:00.5+00 BC', '4713-01-01 00:00:00+00 BC', 'infinity', '-infinity'];

describe('exact timestamps of the TypeScript client', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase('exact_timestamps');
    await db.exec('CREATE TABLE t (n int, tz timestamptz, plain timestamp)');
    for (const [i, value] of VALUES.entries()) {
      await db.query('INSERT INTO t VALUES ($1, $2::timestamptz, $2::timestamptz AT TIME ZONE \'UTC\')', [i, value]);
    }
  });
  afterAll(async () => db?.drop());

  it('read as text and sent back, every value finds itself, BC included', async () => {
    const rows = (await db.query<{ n: number; tz: string; plain: string }>(
      `SELECT n, ${exactTimestampSql(column('tz', 'timestamptz'))}, ${exactTimestampSql(column('plain', 'timestamp'))} FROM t ORDER BY n`)).rows;
    expect(rows.map((r) => r.tz)).toEqual(['2024-05-01T10:00:00.123456Z', '0001-01-01T00:00:00.000000Z', '0044-03-15T12:00:00.500000Z BC',
      '4713-01-01T00:00:00.000000Z BC', 'infinity', '-infinity']);
    for (const row of rows) {
      const found = await db.query<{ n: number }>('SELECT n FROM t WHERE tz = $1::timestamptz AND plain = $2::timestamp', [row.tz, row.plain]);
      expect([row.tz, found.rows.map((r) => r.n)]).toEqual([row.tz, [row.n]]);
    }
  });
});
