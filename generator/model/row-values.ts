/**
 * Coercion of reference-row values to their column's logical type. YAML values must already have the right
 * JSON type (a number for integers, true/false for booleans); CSV cells are text and are parsed. Values that
 * need more than a JavaScript number (bigint, numeric) are kept as canonical text so that nothing is rounded.
 */
import type { Scalar } from './catalog.js';
import type { LogicalType } from './logical-type.js';
import { canonicalNumber } from './row-equality.js';
import { timeValueProblem } from './time-values.js';

export type CoercedValue = { value: Scalar } | { error: string };

const INTEGER_RANGES = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
} as const;

const PATTERNS: Partial<Record<LogicalType['name'], RegExp>> = {
  // as uuid_in reads it: braces, upper case, and a hyphen after any group of four digits, or none
  uuid: /^(\{[0-9a-fA-F]{4}(-?[0-9a-fA-F]{4}){7}\}|[0-9a-fA-F]{4}(-?[0-9a-fA-F]{4}){7})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/,
  timestamp: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/,
  bytea: /^\\x([0-9a-fA-F]{2})*$/,
};

export function coerceRowValue(type: LogicalType, raw: unknown, fromCsv: boolean): CoercedValue {
  if (raw === null || raw === undefined) return { value: null };
  if (type.name === 'jsonb') return coerceJson(raw, fromCsv);
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    return { error: 'a mapping or list is not a value' };
  }
  switch (type.name) {
    case 'smallint':
    case 'integer':
    case 'bigint':
      return coerceInteger(type.name, raw, fromCsv);
    case 'numeric':
      return coerceNumeric(type, raw, fromCsv);
    case 'real':
      return inFloat4Range(coerceFloat(raw, fromCsv));
    case 'double':
      return coerceFloat(raw, fromCsv);
    case 'boolean':
      return coerceBoolean(raw, fromCsv);
    default:
      return coerceText(type, raw, fromCsv);
  }
}

/**
 * A YAML number for a column that keeps every digit (numeric, and the integers, which must not take a fraction
 * the double rounded away): the text as written when it holds digits the parsed double lost, so that
 * `0.123456789012345678` is stored as written and `1.00000000000000001` is no integer. Otherwise the number.
 */
export function withWrittenDigits(type: LogicalType, raw: number, written: () => string | undefined): number | string {
  if (!EXACT_TYPES.has(type.name)) return raw;
  const source = written();
  return source === undefined ? raw : writtenDigits(source, raw) ?? raw;
}

/**
 * The written text of a YAML number, as a plain decimal, when the parsed double does not hold what it says:
 * more digits than a double keeps, or an integer past 2^53 (where a double cannot tell the written integer
 * from its neighbours). Undefined when the double is exact, or the text is no decimal. convert uses it too.
 */
export function writtenDigits(source: string, raw: number): string | undefined {
  const text = source.replace(/_/g, '').replace(/^\+/, '');
  if (!YAML_DECIMAL.test(text)) return undefined;
  const plain = withoutExponent(text.replace(/^(-?)\./, '$10.').replace(/\.(?=e|$)/i, ''));
  if (plain === undefined) return undefined;
  if (Number.isInteger(raw) && !Number.isSafeInteger(raw)) return plain;
  return canonicalNumber(plain) === canonicalNumber(withoutExponent(String(raw)) ?? '') ? undefined : plain;
}

/** The types that keep every digit a row or default writes. */
export const EXACT_TYPES: ReadonlySet<LogicalType['name']> = new Set<LogicalType['name']>(['numeric', 'smallint', 'integer', 'bigint']);
const YAML_DECIMAL = /^-?(\.\d+|\d+(\.\d*)?)(e[+-]?\d+)?$/i;

/**
 * YAML numbers arrive as doubles: an integer past 2^53 has almost surely been rounded by the parser, and the
 * digits written are gone, so for bigint and numeric (which keep every digit) it must be quoted. (Definitions
 * in YAML pass the written digits through withWrittenDigits first; TypeScript numbers are doubles already.)
 */
function roundedByYaml(raw: number): CoercedValue | undefined {
  if (!Number.isInteger(raw) || Number.isSafeInteger(raw)) return undefined;
  return { error: `${raw} is read as a floating-point number and may have lost digits; quote it to keep every digit` };
}

function coerceInteger(name: keyof typeof INTEGER_RANGES, raw: string | number | boolean, fromCsv: boolean): CoercedValue {
  const rounded = typeof raw === 'number' && name === 'bigint' ? roundedByYaml(raw) : undefined;
  if (rounded) return rounded;
  // the server reads `+5` and ` 5 ` as 5
  const text = typeof raw === 'number' ? (Number.isInteger(raw) ? String(raw) : '')
    : fromCsv || name === 'bigint' ? String(raw).trim().replace(/^\+/, '') : '';
  if (typeof raw === 'boolean' || !/^-?\d+$/.test(text)) return { error: `expected ${name === 'integer' ? 'an integer' : `${article(name)} (integer)`}, got ${show(raw)}` };
  const [min, max] = INTEGER_RANGES[name];
  const big = BigInt(text);
  if (big < min || big > max) return { error: `${text} is out of range for ${name} (${min} to ${max})` };
  return { value: name === 'bigint' ? big.toString() : Number(big) };
}

function coerceNumeric(type: LogicalType, raw: string | number | boolean, fromCsv: boolean): CoercedValue {
  const rounded = typeof raw === 'number' ? roundedByYaml(raw) : undefined;
  if (rounded) return rounded;
  if (typeof raw === 'boolean' || (typeof raw === 'string' && !NUMERIC_TEXT.test(fromCsv ? raw.trim() : raw))) {
    return { error: `expected a number, got ${show(raw)}` };
  }
  // a YAML number prints as 1e-7 or 1e+21 when small or large; PostgreSQL reads exponents too
  // `+5`, `.5` and `5.` are numbers to the server too
  const text = withoutExponent(String(raw).trim().replace(/^\+/, '').replace(/^(-?)\./, '$10.').replace(/\.(?=$|e)/i, ''));
  if (text === undefined) return { error: `${show(raw)} is out of range for numeric` };
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { error: `expected a number, got ${show(raw)}` };
  const integerDigits = match[2].replace(/^0+(?=\d)/, '');
  const fraction = match[3] ?? '';
  if (type.precision !== undefined) {
    const scale = type.scale ?? 0;
    // 0.5 has no digit before the point for numeric(p,s): numeric(3,3) holds it
    if ((integerDigits === '0' ? 0 : integerDigits.length) > type.precision - scale) {
      return { error: `${text} does not fit numeric(${type.precision},${scale})` };
    }
    if (fraction.replace(/0+$/, '').length > scale) {
      return { error: `${text} has more than ${scale} decimal places for numeric(${type.precision},${scale})` };
    }
  }
  return { value: `${match[1]}${integerDigits}${fraction ? `.${fraction}` : ''}` };
}

const NUMERIC_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** `1.5e-7` → `0.00000015`, `-2E3` → `-2000`: the same number, digit for digit; undefined past numeric's range. */
export function withoutExponent(text: string): string | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponentText] = match;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > 16383) return undefined; // numeric holds 131072 digits before the point, 16383 after
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const plain = point <= 0 ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length ? `${digits}${'0'.repeat(point - digits.length)}`
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + plain.replace(/^0+(?=\d)/, '');
}

/** real is a float4: what rounds to infinity, or a non-zero value to zero, the server refuses (22003). */
function inFloat4Range(coerced: CoercedValue): CoercedValue {
  if ('error' in coerced || typeof coerced.value !== 'number') return coerced;
  const stored = Math.fround(coerced.value);
  return Number.isFinite(stored) && (stored !== 0 || coerced.value === 0) ? coerced : { error: `${coerced.value} is out of range for real` };
}

function coerceFloat(raw: string | number | boolean, fromCsv: boolean): CoercedValue {
  if (typeof raw === 'number') return { value: raw };
  const parsed = fromCsv && typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(parsed) ? { value: parsed } : { error: `expected a number, got ${show(raw)}` };
}

function coerceBoolean(raw: string | number | boolean, fromCsv: boolean): CoercedValue {
  if (typeof raw === 'boolean') return { value: raw };
  if (fromCsv && typeof raw === 'string') {
    const lowered = raw.trim().toLowerCase();
    if (['true', 't', 'yes', '1'].includes(lowered)) return { value: true };
    if (['false', 'f', 'no', '0'].includes(lowered)) return { value: false };
  }
  return { error: `expected true or false, got ${show(raw)}` };
}

/**
 * jsonb, one rule for YAML, TypeScript, CSV and defaults: text is JSON text (`'{"a": 1}'`, `'"red"'` for a JSON
 * string), kept as written so that no digit is rounded; a YAML mapping, list, number or boolean is its own
 * JSON value. A NUL anywhere is refused, as jsonb refuses `\u0000`.
 */
function coerceJson(raw: unknown, fromCsv: boolean): CoercedValue {
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { error: `expected JSON text, got ${show(raw)}${fromCsv ? '' : ` (a JSON string is written '"…"'; an object or list may be written as YAML)`}` };
    }
  }
  // JSON text may hold numbers past a double's range (1e400): jsonb keeps them, only a YAML number must be finite
  const problem = jsonProblem(parsed, typeof raw !== 'string');
  if (problem) return { error: problem };
  return { value: typeof raw === 'string' ? raw.trim() : JSON.stringify(raw) };
}

function jsonProblem(value: unknown, finite: boolean): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? 'jsonb cannot hold a NUL character (\\u0000)' : undefined;
  if (typeof value === 'number') return Number.isFinite(value) || !finite ? undefined : `${value} is no JSON number`;
  if (Array.isArray(value)) return value.map((item) => jsonProblem(item, finite)).find((p) => p !== undefined);
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = jsonProblem(key, finite) ?? jsonProblem(item, finite);
      if (problem) return problem;
    }
  }
  return undefined;
}

function coerceText(type: LogicalType, raw: string | number | boolean, fromCsv: boolean): CoercedValue {
  // an interval of a bare number is that many seconds to the server
  if (type.name === 'interval' && typeof raw === 'number' && Number.isFinite(raw)) return { value: String(raw) };
  if (typeof raw !== 'string') {
    return { error: `expected text for ${type.name}, got ${show(raw)}`, };
  }
  if (raw.includes('\u0000')) return { error: 'text cannot contain a NUL character' };
  const pattern = PATTERNS[type.name];
  if (pattern && !pattern.test(raw)) return { error: `${show(raw)} is not a valid ${type.name}` };
  const problem = timeValueProblem(type.name, raw);
  if (problem) return { error: `${show(raw)} is not a valid ${type.name}: ${problem}` };
  // what is past the length may be spaces: the server cuts them off (SQL's rule for char and varchar)
  if (type.length !== undefined && [...raw.replace(/ +$/, '')].length > type.length) {
    return { error: `${show(raw)} is longer than ${type.name}(${type.length})` };
  }
  void fromCsv;
  if (type.name === 'uuid') return { value: canonicalUuid(raw) };
  if (type.name === 'varchar' && type.length !== undefined && [...raw].length > type.length) {
    return { value: [...raw].slice(0, type.length).join('') }; // as stored
  }
  return { value: raw };
}

/** `{6F1C1D3E4C1B…}` → `6f1c1d3e-4c1b-…`: the spelling the server prints, so keys and constants compare. */
function canonicalUuid(text: string): string {
  const hex = text.replace(/[{}-]/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function show(raw: unknown): string {
  return typeof raw === 'string' ? `"${raw}"` : String(raw);
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
