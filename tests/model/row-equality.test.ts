/**
 * rows/duplicate-* compares seeded values as the server's unique indexes do: for each pair, lakegen's verdict
 * (same equality key) must be the server's (`a::T = b::T`), or validate passes what apply refuses with 23505,
 * or refuses rows the server would take.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTypeSpec, type LogicalType } from '../../generator/model/logical-type.js';
import { coerceRowValue } from '../../generator/model/row-values.js';
import { equalityKey } from '../../generator/model/row-equality.js';
import { freshDatabase, type TestDatabase } from '../support/database.js';

const typeOf = (spelling: string): LogicalType => (parseTypeSpec(spelling) as { type: LogicalType }).type;

const PAIRS: [type: string, a: string, b: string][] = [
  ['numeric(6,2)', '1.0', '1'], ['numeric(6,2)', '-0.0', '0'], ['numeric', '001.500', '1.5'], ['numeric', '1.5', '1.05'],
  ['bigint', '007', '7'], ['bigint', '-0', '0'], ['bigint', '10', '100'],
  ['uuid', '6f1c1d3e-4c1b-4b6e-9d2a-1b2c3d4e5f60', '6F1C1D3E-4C1B-4B6E-9D2A-1B2C3D4E5F60'],
  ['uuid', '6f1c1d3e-4c1b-4b6e-9d2a-1b2c3d4e5f60', '6f1c1d3e-4c1b-4b6e-9d2a-1b2c3d4e5f61'],
  ['char(3)', 'ab', 'ab '], ['char(3)', 'ab', ' ab'], ['varchar(5)', 'ab', 'ab '], ['text', 'a', 'A'],
  ['timestamptz', '2024-01-01T00:00:00Z', '2024-01-01 01:00:00+01'], ['timestamptz', '2024-01-01 00:00Z', '2024-01-01 00:00:00.000000+00:00'],
  ['timestamptz', '2024-01-01 00:00:00.1Z', '2024-01-01 00:00:00.100001Z'], ['timestamptz', '2024-06-30 23:30-05:30', '2024-07-01 05:00:00+00'],
  ['timestamptz', '0050-01-01 00:00Z', '1950-01-01 00:00Z'],
  ['timestamp', '2024-01-01 10:00', '2024-01-01T10:00:00'], ['timestamp', '2024-01-01 10:00:00.50', '2024-01-01 10:00:00.5'],
  ['timestamp', '2024-01-01 10:00', '2024-01-01 10:00:01'], ['time', '10:00', '10:00:00.000'], ['time', '10:00', '10:01'],
  ['date', '2024-01-01', '2024-01-02'], ['bytea', '\\xDEAD', '\\xdead'],
  ['jsonb', '{"a": 1, "b": [1, 2]}', '{"b":[1,2],"a":1}'], ['jsonb', '{"a": 1.0}', '{"a": 1}'], ['jsonb', '[1, 2]', '[2, 1]'],
  ['jsonb', '{"a": 1, "a": 2}', '{"a": 2}'], ['jsonb', '"x"', '"X"'],
  ['jsonb', '{"n": 12345678901234567890}', '{"n": 12345678901234567891}'], ['jsonb', '[0.10000000000000001]', '[0.1]'],
];

describe('seeded values compared as the server compares them', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase('row_equality');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('lakegen finds two values equal exactly when the server does', async () => {
    const disagreements: string[] = [];
    const verdicts = new Set<boolean>();
    for (const [type, a, b] of PAIRS) {
      const [left, right] = [a, b].map((text) => coerceRowValue(typeOf(type), text, true));
      if ('error' in left || 'error' in right) throw new Error(`${type}: ${a} or ${b} is not a value`);
      const lakegen = equalityKey(typeOf(type), left.value!) === equalityKey(typeOf(type), right.value!);
      const sqlType = type === 'double' ? 'double precision' : type;
      const server = (await db.query<{ same: boolean }>(`SELECT $1::${sqlType} = $2::${sqlType} AS same`, [a, b])).rows[0].same;
      verdicts.add(server);
      if (lakegen !== server) disagreements.push(`${type}: ${a} vs ${b}: lakegen ${lakegen}, server ${server}`);
    }
    expect(disagreements).toEqual([]);
    // both verdicts occur, so that a key that makes everything equal (or nothing) fails
    expect([...verdicts].sort()).toEqual([false, true]);
  });
});
