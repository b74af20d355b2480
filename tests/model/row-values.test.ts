/**
 * Values in definitions are judged at validate the way PostgreSQL will read them at apply: the verdict on
 * dates, times and intervals is compared with the server's own, and numbers a YAML parser may have rounded
 * must be quoted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTypeSpec, type LogicalType } from '../../generator/model/logical-type.js';
import { coerceRowValue } from '../../generator/model/row-values.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';

const typeOf = (spelling: string): LogicalType => (parseTypeSpec(spelling) as { type: LogicalType }).type;

const CORPUS: Record<string, string[]> = {
  date: ['2024-02-29', '2023-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-12-31', '0000-01-01', '1999-11-00'],
  time: ['00:00', '12:30', '23:59:59.999999', '24:00:00', '24:00:01', '23:59:60', '99:99', '12:60', '25:00'],
  timestamp: ['2024-02-29 10:00', '2024-02-30 10:00', '2024-01-01T23:59:59', '2024-01-01 24:00:00', '2024-01-01 24:30'],
  timestamptz: ['2024-01-01 10:00:00+02', '2024-01-01 10:00Z', '2024-01-01 25:00:00Z', '2023-02-29 10:00:00+00:00'],
  interval: [
    '1 day', '1 day 2 hours', '@ 3 mons ago', '1-2', '3 4:05:06', '04:05:06', 'P1Y2M3DT4H5M6S', 'P0001-02-03T04:05:06',
    '2 weeks', '1.5 hours', '3days', '-1 day', '1 year -2 days', '10', '1 millennium', '2 centuries', '90 min', '100 ms',
    '5 us', '1 day 2', 'forever', 'day', '1 fortnight', 'P', 'PT', 'P1D', 'PT1H30M', 'tomorrow',
  ],
};

describe('dates, times and intervals, judged as PostgreSQL reads them', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase('row_values');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.each(Object.keys(CORPUS))('%s: lakegen accepts exactly what the server accepts', async (type) => {
    const verdicts: Record<string, { lakegen: boolean; server: boolean }> = {};
    for (const text of CORPUS[type]) {
      let server = true;
      try {
        await db.query(`SELECT $1::${type}`, [text]);
      } catch {
        server = false;
      }
      verdicts[text] = { lakegen: !('error' in coerceRowValue(typeOf(type), text, false)), server };
    }
    const disagreements = Object.entries(verdicts).filter(([, v]) => v.lakegen !== v.server);
    expect(disagreements).toEqual([]);
    // the corpus holds both kinds, so that a check that accepts (or refuses) everything fails
    expect(Object.values(verdicts).some((v) => v.server) && Object.values(verdicts).some((v) => !v.server)).toBe(true);
  });
});

describe('numbers a YAML parser may have rounded', () => {
  it('must be quoted for bigint and numeric; quoted, every digit is kept', () => {
    expect(coerceRowValue(typeOf('bigint'), 9007199254740993, false)).toEqual({ error: expect.stringMatching(/quote it/) });
    expect(coerceRowValue(typeOf('bigint'), '9007199254740993', false)).toEqual({ value: '9007199254740993' });
    expect(coerceRowValue(typeOf('bigint'), 9007199254740991, false)).toEqual({ value: '9007199254740991' });
    expect(coerceRowValue(typeOf('numeric(30,2)'), 12345678901234567890.12, false)).toEqual({ error: expect.stringMatching(/quote it/) });
    expect(coerceRowValue(typeOf('numeric(30,2)'), '12345678901234567890.12', false)).toEqual({ value: '12345678901234567890.12' });
    expect(coerceRowValue(typeOf('numeric(10,2)'), 123.45, false)).toEqual({ value: '123.45' });
    expect(coerceRowValue(typeOf('numeric(20,15)'), 3.141592653589793, false)).toEqual({ error: expect.stringMatching(/quote it/) });
  });
});
