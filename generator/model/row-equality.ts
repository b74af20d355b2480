/**
 * When PostgreSQL holds two seeded values for equal: the key of a value as a unique index compares it, so that
 * rows/duplicate-* finds at validate what the server would refuse at apply (23505). `1.0` and `1` are one
 * numeric, a uuid's case does not count, char(n) pads with spaces, timestamptz compares instants, jsonb
 * compares values, not text.
 */
import type { Scalar } from './catalog.js';
import type { LogicalType } from './logical-type.js';

export function equalityKey(type: LogicalType, value: Exclude<Scalar, null>): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  switch (type.name) {
    case 'numeric':
    case 'bigint':
      return canonicalNumber(value);
    case 'uuid':
    case 'bytea':
      return value.toLowerCase();
    case 'char':
      return value.replace(/ +$/, '');
    case 'time':
    case 'timestamp':
      return canonicalClock(value.replace('T', ' '));
    case 'timestamptz':
      return instant(value) ?? value;
    case 'jsonb':
      return canonicalJson(value);
    default:
      return value;
  }
}

/** `-001.500` → `-1.5`, `-0.0` → `0`: one spelling per decimal value. */
export function canonicalNumber(text: string): string {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace(/^[-+]/, '').split('.');
  const digits = (whole.replace(/^0+/, '') || '0') + (fraction.replace(/0+$/, '') ? `.${fraction.replace(/0+$/, '')}` : '');
  return negative && digits !== '0' ? `-${digits}` : digits;
}

/** `10:00` → `10:00:00`, `10:00:00.500` → `10:00:00.5`: one spelling per clock reading. */
function canonicalClock(text: string): string {
  return text.replace(/(^|\s)(\d{2}:\d{2})(?=$|[^:\d])/, '$1$2:00').replace(/(\.\d*?)0+(?=$|\D)/, '$1').replace(/\.(?=$|\D)/, '');
}

const TIMESTAMPTZ = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|([+-])(\d{2}):?(\d{2})?)$/;

/** Microseconds since the epoch, as text; undefined for a spelling the pattern does not know. */
function instant(text: string): string | undefined {
  const m = TIMESTAMPTZ.exec(text);
  if (!m) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  date.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0);
  const offsetMinutes = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0));
  const micros = BigInt(date.getTime() - offsetMinutes * 60_000) * 1000n + BigInt((m[7] ?? '').padEnd(6, '0'));
  return micros.toString();
}

/** jsonb equality: objects by their keys (order and duplicates as jsonb keeps them: the last wins), numbers by value. */
function canonicalJson(text: string): string {
  // a number a double cannot hold exactly would compare by its rounding: such texts compare as written
  // (two spellings of one value may then go unnoticed; two values are never taken for one)
  if (/\d{16}|\d[eE]/.test(text)) return text;
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
    }
    return value;
  };
  try {
    return JSON.stringify(canonical(JSON.parse(text)));
  } catch {
    return text;
  }
}
