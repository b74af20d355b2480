/**
 * A value per logical type that the client writes, with what it must read back as (node-postgres's
 * default parsing, DESIGN.md §9). The values are chosen to break naive code: int8 beyond 2^53, text with
 * quotes and SQL, a jsonb array (pg alone would send it as a PostgreSQL array), bytea with 0x00 and 0xff.
 * They also satisfy the fixtures' checks (positive numbers, `^[A-Z]{3}$` for three-letter codes).
 */
import type { Column } from '../../../generator/model/catalog.js';

export interface Sample {
  readonly write: unknown;
  readonly read: unknown;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function letters(length: number, n: number): string {
  const rotated = LETTERS.slice(n % 26) + LETTERS.slice(0, n % 26);
  return rotated.repeat(Math.ceil(length / 26)).slice(0, length);
}

function numericSample(column: Column, n: number): Sample {
  const scale = column.type.scale ?? 0;
  const text = column.type.precision === undefined || scale === 0 ? `${n}` : `${n}.${'5'.padEnd(scale, '0')}`;
  return { write: text, read: text };
}

export function sampleValue(column: Column, n: number): Sample {
  const same = (value: unknown): Sample => ({ write: value, read: value });
  switch (column.type.name) {
    case 'smallint':
    case 'integer': return same(n);
    case 'bigint': return { write: 9007199254740993n + BigInt(n), read: String(9007199254740993n + BigInt(n)) };
    case 'numeric': return numericSample(column, n);
    case 'real': return same(n + 0.5);
    case 'double': return same(n + 0.25);
    case 'boolean': return same(n % 2 === 1);
    case 'uuid': return same(crypto.randomUUID());
    case 'text': return same(`O'Brien ${n}; DROP TABLE x; -- "q" \\ ☃`);
    case 'varchar': return same(letters(Math.min(column.type.length!, 8), n));
    case 'char': return same(letters(column.type.length!, n));
    case 'date': return { write: `2024-02-${10 + (n % 19)}`, read: new Date(2024, 1, 10 + (n % 19)) };
    case 'time': return same(`12:34:${10 + (n % 49)}.123456`);
    case 'timestamp': return { write: `2024-02-29 12:34:56.789`, read: new Date(2024, 1, 29, 12, 34, 56, 789) };
    case 'timestamptz': return { write: '2024-02-29T12:34:56.789Z', read: new Date('2024-02-29T12:34:56.789Z') };
    case 'interval': return { write: `${n} days 02:03:04`, read: { days: n, hours: 2, minutes: 3, seconds: 4 } };
    case 'jsonb': return same([n, { text: 'it\'s', nested: [true, null] }]);
    case 'bytea': return same(Buffer.from([0, n % 256, 254, 255]));
  }
}

/** pg's interval object has methods; compare its fields. */
export function comparable(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'toPostgres' in value && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v !== 'function'));
  }
  return value;
}
