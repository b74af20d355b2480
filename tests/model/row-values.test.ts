/**
 * Values in definitions are judged at validate the way PostgreSQL will read them at apply: the verdict on
 * dates, times and intervals is compared with the server's own, and numbers a YAML parser may have rounded
 * must be quoted.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTypeSpec, type LogicalType } from '../../generator/model/logical-type.js';
import { coerceRowValue, withWrittenDigits } from '../../generator/model/row-values.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';

const typeOf = (spelling: string): LogicalType => (parseTypeSpec(spelling) as { type: LogicalType }).type;

/** Dates and times are judged exactly as the server judges them. */
const EXACT: Record<string, string[]> = {
  date: ['2024-02-29', '2023-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-12-31', '0000-01-01', '1999-11-00'],
  time: ['00:00', '12:30', '23:59:59.999999', '24:00:00', '24:00:01', '23:59:60', '23:59:60.5', '99:99', '12:60', '25:00'],
  timestamp: ['2024-02-29 10:00', '2024-02-30 10:00', '2024-01-01T23:59:59', '2024-01-01 24:00:00', '2024-01-01 24:30'],
  uuid: ['6f1c1d3e-4c1b-4b6e-9d2a-1b2c3d4e5f60', '6F1C1D3E4C1B4B6E9D2A1B2C3D4E5F60', '{6f1c1d3e-4c1b-4b6e-9d2a-1b2c3d4e5f60}',
    '6f1c-1d3e-4c1b-4b6e-9d2a-1b2c-3d4e-5f60', '6f1c1d3e-4c1b-4b6e-9d2a-1b2c3d4e5f6', '6f1c1d3e--4c1b-4b6e-9d2a-1b2c3d4e5f60',
    '{6f1c1d3e-4c1b-4b6e-9d2a-1b2c3d4e5f60', 'g f1c1d3e-4c1b-4b6e-9d2a-1b2c3d4e5f60'],
  timestamptz: ['2024-01-01 10:00:00+02', '2024-01-01 10:00Z', '2024-01-01 25:00:00Z', '2023-02-29 10:00:00+00:00',
    '2024-01-01 10:00+15:59', '2024-01-01 10:00+16', '2024-01-01 10:00+05:99', '2024-01-01 10:00-14:60'],
};

/**
 * Intervals have too many spellings to mirror: lakegen must never refuse one the server accepts, and refuses
 * what can be no interval at all.
 */
const INTERVALS = [
  '1 day', '1 day 2 hours', '@ 3 mons ago', '1-2', '3 4:05:06', '04:05:06', 'P1Y2M3DT4H5M6S', 'P0001-02-03T04:05:06',
  '2 weeks', '1.5 hours', '3days', '-1 day', '1 year -2 days', '10', '1 millennium', '2 centuries', '90 min', '100 ms',
  '5 us', '1 day 2', '1h30m', '1d2h', '1 day - 2 hours', '- 1 day', '1 hour,30 minutes', 'P1Y-2M', 'PT-1H', 'P-1D',
  'P1-2', 'P0001-02', '1 mil', '2 decs', '1 c', '1 cent', '5 mseconds', '5 useconds', 'PT', 'P1D', 'PT1H30M',
  '1 day 1 day', '1 1', '99:99', 'p1d', '1 fortnight', '5 msecond', '5 usecond', '-2147483648 mons', '-2147483648 days',
  '-178956970 years -8 mons', '178956971 years -1 decade', '2147483647 days ago', '-2147483648 days ago', '-1:30:00',
];
const NOT_INTERVALS = ['forever', 'tomorrow', 'day', 'P', '', 'ago', '1 day 1 day', '5 fortnights', '999999999 years',
  '1 hours 1 hours', '1 yr 1 y', '1 quarter 1 month', '1 hour 01:00', '1:60', '1:2:3:4', '01:00 02:00', '1 secondsx',
  '1.5 seconds 1 us', '1e3 days', '0x10 days', '1 dayago', '1:00:00 1 us', '1 m 1 min', '3000000000 days'];

/**
 * A generated corpus: every unit spelling alone, with a fraction and glued to its number, every pair of units,
 * and each unit beside a time of day. Whatever lakegen refuses there, the server must refuse too.
 */
const UNIT_SPELLINGS = ['y', 'years', 'yrs', 'mon', 'months', 'w', 'weeks', 'd', 'days', 'h', 'hrs', 'm', 'mins', 's', 'secs',
  'ms', 'msecs', 'milliseconds', 'us', 'microseconds', 'dec', 'decades', 'c', 'centuries', 'mil', 'millennia', 'qtr', 'quarter'];
const GENERATED_INTERVALS = [
  ...UNIT_SPELLINGS.flatMap((u) => [`2 ${u}`, `1.5 ${u}`, `3${u}`, `-2 ${u} ago`, `@ 1 ${u}`]),
  ...UNIT_SPELLINGS.flatMap((a) => UNIT_SPELLINGS.map((b) => `1 ${a} 2 ${b}`)),
  ...UNIT_SPELLINGS.flatMap((u) => [`1 ${u} 04:05`, `04:05:06.5 1 ${u}`]),
];

describe('dates, times and intervals, judged as PostgreSQL reads them', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase('row_values');
  });
  afterAll(async () => {
    await db?.drop();
  });

  const serverAccepts = async (type: string, text: string) => {
    try {
      await db.query(`SELECT $1::${type}`, [text]);
      return true;
    } catch {
      return false;
    }
  };
  const lakegenAccepts = (type: string, text: string) => !('error' in coerceRowValue(typeOf(type), text, false));

  it.each(Object.keys(EXACT))('%s: lakegen accepts exactly what the server accepts', async (type) => {
    const verdicts: Record<string, { lakegen: boolean; server: boolean }> = {};
    for (const text of EXACT[type]) verdicts[text] = { lakegen: lakegenAccepts(type, text), server: await serverAccepts(type, text) };
    expect(Object.entries(verdicts).filter(([, v]) => v.lakegen !== v.server)).toEqual([]);
    // the corpus holds both kinds, so that a check that accepts (or refuses) everything fails
    expect(Object.values(verdicts).some((v) => v.server) && Object.values(verdicts).some((v) => !v.server)).toBe(true);
  });

  it('interval: lakegen never refuses one the server accepts, and refuses text with no quantity', async () => {
    const refusedButValid: string[] = [];
    for (const text of INTERVALS) if (!lakegenAccepts('interval', text) && await serverAccepts('interval', text)) refusedButValid.push(text);
    expect(refusedButValid).toEqual([]);
    for (const text of NOT_INTERVALS) {
      expect([text, lakegenAccepts('interval', text), await serverAccepts('interval', text)]).toEqual([text, false, false]);
    }
  });

  it('interval, fuzzed: whatever lakegen refuses, the server refuses', async () => {
    const token = fc.constantFrom('1', '-2', '+3', '1.5', '.5', '10', '0', '04:05', '1:2:3', '25:00', '1:60', '1-2', 'day', 'days',
      'hour', 'h', 'm', 'min', 'mon', 'y', 'ms', 'us', 'sec', 'weeks', 'decade', 'ago', '@', ',', 'fortnight', 'x', 'P1D', 'T');
    await fc.assert(fc.asyncProperty(fc.array(token, { minLength: 1, maxLength: 5 }), fc.constantFrom(' ', ''), async (tokens, gap) => {
      const text = tokens.join(gap);
      if (!lakegenAccepts('interval', text)) expect([text, await serverAccepts('interval', text)]).toEqual([text, false]);
    }), { numRuns: 400 });
  });

  it('interval, a generated corpus: lakegen refuses only what the server refuses, and most of it', async () => {
    const verdicts = await Promise.all(GENERATED_INTERVALS.map(async (text) =>
      ({ text, lakegen: lakegenAccepts('interval', text), server: await serverAccepts('interval', text) })));
    expect(verdicts.filter((v) => !v.lakegen && v.server).map((v) => v.text)).toEqual([]);
    const refusedByServer = verdicts.filter((v) => !v.server);
    const caught = refusedByServer.filter((v) => !v.lakegen).length;
    // the corpus has hundreds the server refuses (a unit twice, quarter, …); lakegen finds them
    expect(refusedByServer.length).toBeGreaterThan(100);
    expect(caught / refusedByServer.length).toBeGreaterThan(0.99);
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
    // exact as written: the shortest spelling of the double is what was written
    expect(coerceRowValue(typeOf('numeric(20,15)'), 3.141592653589793, false)).toEqual({ value: '3.141592653589793' });
    // integer and smallint keep their range message
    expect(coerceRowValue(typeOf('integer'), 10000000000000000000, false)).toEqual({ error: expect.stringMatching(/out of range for integer/) });
  });
});

describe('CSV numbers, judged as the server reads them', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase('csv_numbers');
  });
  afterAll(async () => {
    await db?.drop();
  });
  const CELLS: Record<string, string[]> = {
    integer: ['5', '+5', '-5', ' 5 ', '5.0', '.5', '1e3', '+', '2147483648'],
    bigint: ['+9007199254740993', '-0', '9223372036854775808'],
    // (refused on purpose: 1.234, which the server would round to 1.23 without a word, and NaN, which no
    // warehouse numeric holds)
    'numeric(5,2)': ['5', '+5', '.5', '-.5', '5.', '+.25', '1e2', '1.5e-1', '.', '+-1', '1000', ' 7 '],
  };
  it.each(Object.keys(CELLS))('%s: lakegen accepts exactly what the server accepts', async (type) => {
    const verdicts: [string, boolean, boolean][] = [];
    for (const cell of CELLS[type]) {
      const server = await db.query(`SELECT $1::${type}`, [cell]).then(() => true, () => false);
      verdicts.push([cell, !('error' in coerceRowValue(typeOf(type), cell, true)), server]);
    }
    expect(verdicts.filter(([, lakegen, server]) => lakegen !== server)).toEqual([]);
    expect(new Set(verdicts.map(([, , server]) => server)).size).toBe(2);
  });
});

describe('text lengths, judged as an INSERT is', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase('text_lengths');
    await db.exec('CREATE TABLE t (v varchar(3), c char(3))');
  });
  afterAll(async () => {
    await db?.drop();
  });
  it('a value longer only by trailing spaces fits: the server cuts them off', async () => {
    for (const type of ['varchar(3)', 'char(3)']) {
      const column = type.startsWith('varchar') ? 'v' : 'c';
      for (const text of ['abc', 'abc ', 'abc   ', 'abcd', 'ab d', 'äöü ', '', ' abc']) {
        const server = await db.query(`INSERT INTO t (${column}) VALUES ($1)`, [text]).then(() => true, () => false);
        const coerced = coerceRowValue(typeOf(type), text, false);
        expect([type, text, !('error' in coerced)]).toEqual([type, text, server]);
      }
    }
    expect(coerceRowValue(typeOf('varchar(3)'), 'abc  ', false)).toEqual({ value: 'abc' });
  });
});

describe('jsonb values', () => {
  it('one rule for YAML, CSV and defaults: text is JSON text, kept as written; a mapping or list is its own value', () => {
    expect(coerceRowValue(typeOf('jsonb'), '{"n": 12345678901234567890123}', false)).toEqual({ value: '{"n": 12345678901234567890123}' });
    expect(coerceRowValue(typeOf('jsonb'), '{"n": 12345678901234567890123}', true)).toEqual({ value: '{"n": 12345678901234567890123}' });
    expect(coerceRowValue(typeOf('jsonb'), '"red"', false)).toEqual({ value: '"red"' });
    expect(coerceRowValue(typeOf('jsonb'), { color: 'red', n: [1, 2.5] }, false)).toEqual({ value: '{"color":"red","n":[1,2.5]}' });
    expect(coerceRowValue(typeOf('jsonb'), [true, null], false)).toEqual({ value: '[true,null]' });
    expect(coerceRowValue(typeOf('jsonb'), 5, false)).toEqual({ value: '5' });
    expect(coerceRowValue(typeOf('jsonb'), 'red', false)).toEqual({ error: expect.stringMatching(/expected JSON text/) });
    expect(coerceRowValue(typeOf('jsonb'), '{bad', true)).toEqual({ error: expect.stringMatching(/expected JSON text/) });
  });
  it('refuses what jsonb refuses: a NUL, escaped or not, and numbers JSON has not', () => {
    expect(coerceRowValue(typeOf('jsonb'), '{"a": "\\u0000"}', true)).toEqual({ error: expect.stringMatching(/NUL/) });
    expect(coerceRowValue(typeOf('jsonb'), { ['k\u0000']: 1 }, false)).toEqual({ error: expect.stringMatching(/NUL/) });
    expect(coerceRowValue(typeOf('jsonb'), [Infinity], false)).toEqual({ error: expect.stringMatching(/no JSON number/) });
    // JSON text past a double's range is jsonb's to hold
    expect(coerceRowValue(typeOf('jsonb'), '{"x": 1e400}', true)).toEqual({ value: '{"x": 1e400}' });
  });
  it('other types take no mapping or list', () => {
    expect(coerceRowValue(typeOf('text'), { a: 1 }, false)).toEqual({ error: 'a mapping or list is not a value' });
  });
});

describe('numeric precision and scale', () => {
  it('a zero before the point is no digit: numeric(3,3) holds 0.5 and -0.125, not 1.5', () => {
    expect(coerceRowValue(typeOf('numeric(3,3)'), 0.5, false)).toEqual({ value: '0.5' });
    expect(coerceRowValue(typeOf('numeric(3,3)'), '-0.125', false)).toEqual({ value: '-0.125' });
    expect(coerceRowValue(typeOf('numeric(3,3)'), '000.125', false)).toEqual({ value: '0.125' });
    expect(coerceRowValue(typeOf('numeric(3,3)'), 1.5, false)).toEqual({ error: expect.stringMatching(/does not fit numeric\(3,3\)/) });
    expect(coerceRowValue(typeOf('numeric(4,2)'), 99.99, false)).toEqual({ value: '99.99' });
    expect(coerceRowValue(typeOf('numeric(4,2)'), 100, false)).toEqual({ error: expect.stringMatching(/does not fit/) });
  });
});

describe('YAML numbers read with the digits written', () => {
  const written = (type: string, raw: number, text: string) => withWrittenDigits(typeOf(type), raw, () => text);
  it('keep the written text when the double lost digits, for numeric and the integers', () => {
    expect(written('numeric', 0.12345678901234568, '0.123456789012345678')).toBe('0.123456789012345678');
    expect(written('numeric', 0.001, '1.00000000000000001e-3')).toBe('0.00100000000000000001');
    expect(written('bigint', 12345678901234568, '12_345_678_901_234_567')).toBe('12345678901234567');
    expect(written('integer', 1, '1.00000000000000001')).toBe('1.00000000000000001');
    expect(written('numeric', -0.5, '-.50000000000000000001')).toBe('-0.50000000000000000001');
    // an integer past 2^53 that the double happens to hold exactly is still taken as written, not refused
    expect(written('bigint', 10000000000000000, '10000000000000000')).toBe('10000000000000000');
    expect(coerceRowValue(typeOf('bigint'), written('bigint', 10000000000000000, '10000000000000000'), false)).toEqual({ value: '10000000000000000' });
    expect(written('numeric(30,0)', 1e20, '100000000000000000000')).toBe('100000000000000000000');
  });
  it('keep the number when it is exactly what was written, and for types that round anyway', () => {
    expect(written('numeric', 1.5, '+1.50')).toBe(1.5);
    expect(written('numeric', 1e-7, '1.0e-7')).toBe(1e-7);
    expect(written('numeric', 3, '3.')).toBe(3);
    expect(written('numeric', 0, '-0.000')).toBe(0);
    expect(written('double', 0.1, '0.10000000000000000001')).toBe(0.1);
    expect(written('numeric', 0.5, '.inf')).toBe(0.5);
  });
});

describe('numeric values in exponent notation', () => {
  it('are written out digit for digit: a YAML number prints small and large values that way', () => {
    expect(coerceRowValue(typeOf('numeric'), 0.0000001, false)).toEqual({ value: '0.0000001' });
    expect(coerceRowValue(typeOf('numeric'), '1.5e-7', false)).toEqual({ value: '0.00000015' });
    expect(coerceRowValue(typeOf('numeric'), '-2E3', false)).toEqual({ value: '-2000' });
    expect(coerceRowValue(typeOf('numeric'), '1e21', false)).toEqual({ value: '1000000000000000000000' });
    expect(coerceRowValue(typeOf('numeric(10,2)'), '1.25e1', false)).toEqual({ value: '12.5' });
    expect(coerceRowValue(typeOf('numeric(10,2)'), 1e-7, false)).toEqual({ error: expect.stringMatching(/more than 2 decimal places/) });
    expect(coerceRowValue(typeOf('numeric'), '1e99999', false)).toEqual({ error: expect.stringMatching(/out of range/) });
  });
});

describe('real values', () => {
  it('out of float4 range are refused: the server would refuse them (22003)', () => {
    expect(coerceRowValue(typeOf('real'), 1.0e39, false)).toEqual({ error: expect.stringMatching(/out of range for real/) });
    expect(coerceRowValue(typeOf('real'), 1.0e-46, false)).toEqual({ error: expect.stringMatching(/out of range for real/) });
    expect(coerceRowValue(typeOf('real'), 3.4e38, false)).toEqual({ value: 3.4e38 });
    expect(coerceRowValue(typeOf('real'), 0, false)).toEqual({ value: 0 });
    expect(coerceRowValue(typeOf('double'), 1.0e39, false)).toEqual({ value: 1.0e39 });
  });
});
