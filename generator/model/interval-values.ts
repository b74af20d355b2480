/**
 * Interval text, checked the way PostgreSQL's interval input reads it, as far as that can be done without
 * refusing anything it accepts: refusing a valid interval would be worse than letting a mistake through to
 * apply. ISO 8601 (`P1DT2H`) is not judged; the postgres spellings (`1 day 2 hours`, `3days`, `1h30m`,
 * `@ 3 mons ago`, `1-2 3 4:05:06`) are judged on what is certain: every word is a unit PostgreSQL knows (its
 * first 10 letters, as the server reads them), no unit comes twice, a time of day comes once and not beside hours, minutes or seconds, and the total fits the interval type.
 * tests/model/row-values.test.ts compares the verdicts with the server's.
 */

/**
 * PostgreSQL's interval units (deltatktbl), by spelling, as the field they set; `quarter` and `qtr` are in that
 * table but interval input refuses them.
 */
const UNITS = new Map<string, string>([
  ...unit('year', ['y', 'year', 'years', 'yr', 'yrs']),
  ...unit('month', ['mon', 'mons', 'month', 'months']),
  ...unit('week', ['w', 'week', 'weeks']),
  ...unit('day', ['d', 'day', 'days']),
  ...unit('hour', ['h', 'hour', 'hours', 'hr', 'hrs']),
  ...unit('minute', ['m', 'min', 'mins', 'minute', 'minutes']),
  ...unit('second', ['s', 'sec', 'secs', 'second', 'seconds']),
  ...unit('millisecond', ['ms', 'msec', 'msecs', 'msecond', 'mseconds', 'millisecon']),
  ...unit('microsecond', ['us', 'usec', 'usecs', 'usecond', 'useconds', 'microsecon']),
  ...unit('decade', ['dec', 'decs', 'decade', 'decades']),
  ...unit('century', ['c', 'cent', 'century', 'centuries']),
  ...unit('millennium', ['mil', 'mils', 'millennia', 'millennium']),
]);

function unit(field: string, spellings: string[]): [string, string][] {
  return spellings.map((spelling) => [spelling, field]);
}

/** The server compares only the first 10 characters of a word (TOKMAXLEN): `milliseconds` is `millisecon`. */
const TOKEN_LENGTH = 10;

const TIME_FIELDS = new Set(['hour', 'minute', 'second', 'millisecond', 'microsecond']);

/** Per field, what fits: months and days are int32, the time part int64 microseconds. */
const INT32: readonly [number, number] = [-(2 ** 31), 2 ** 31 - 1];
const INT64: readonly [number, number] = [-(2 ** 63), 2 ** 63 - 1];
const MONTHS = { year: 12, decade: 120, century: 1200, millennium: 12000, month: 1 } as Record<string, number>;
const DAYS = { week: 7, day: 1 } as Record<string, number>;
const MICROSECONDS = { hour: 3.6e9, minute: 6e7, second: 1e6, millisecond: 1e3, microsecond: 1 } as Record<string, number>;

/** Why `text` is no interval the server reads; undefined when it is one, or when that is not certain. */
export function intervalProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/\d/.test(trimmed) && trimmed !== 'PT') {
    return 'an interval needs a quantity (write e.g. \'1 day 2 hours\', \'3 mons\', \'04:05:06\' or \'P1DT2H\')';
  }
  if (/^[+-]?p/i.test(trimmed)) return undefined; // ISO 8601: not judged
  const totals = { months: 0, days: 0, microseconds: 0 };
  const fields = new Map<string, string>();
  let times = 0;
  let fractionalSeconds = false;
  let quantity: string | undefined;
  // pieces: a word, a year-month field (`1-2`), a number, a time field, or punctuation
  for (const piece of trimmed.toLowerCase().match(/[a-z]+|[+-]?\d+-\d+|[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?::[\d.]*)*|[^\sa-z\d,]+/g) ?? []) {
    if (/^[a-z]/.test(piece)) {
      if (piece === 'ago') continue;
      const field = UNITS.get(piece.slice(0, TOKEN_LENGTH));
      if (field === undefined) return `\`${piece}\` is not an interval unit (e.g. year, mon, day, hour, min, sec)`;
      if (quantity === undefined) continue; // a unit after no number is skipped by the server (`1 day day`)
      if (fields.has(field)) return `${field} is given twice (\`${fields.get(field)}\` and \`${piece}\`)`;
      fields.set(field, piece);
      const amount = Number(quantity);
      totals.months += amount * (MONTHS[field] ?? 0);
      totals.days += amount * (DAYS[field] ?? 0);
      totals.microseconds += amount * (MICROSECONDS[field] ?? 0);
      if (field === 'second' && quantity.includes('.')) fractionalSeconds = true;
      quantity = undefined;
    } else if (/^[+-]?\d+(:\d+){3,}/.test(piece)) {
      return `\`${piece}\` is not a time (h:mm or h:mm:ss)`;
    } else if (CLEAN_TIME.test(piece)) {
      const problem = timeOfDayProblem(piece);
      if (problem) return problem;
      times++;
      const [hours, minutes, seconds = '0'] = piece.replace(/^[+-]/, '').split(':');
      const sign = piece.startsWith('-') ? -1 : 1;
      totals.microseconds += sign * (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1e6;
      quantity = undefined;
    } else {
      // a unit word after a year-month field is skipped, as after no number
      quantity = /^[+-]?[\d.]+$/.test(piece) ? piece : undefined;
    }
  }
  if (times > 1) return 'the time of day is given twice';
  const clash = [...fields.keys()].find((field) => TIME_FIELDS.has(field));
  if (times > 0 && clash) return `${clash} is given twice (in \`${fields.get(clash)}\` and in the time of day)`;
  if (fractionalSeconds && (fields.has('millisecond') || fields.has('microsecond'))) {
    return 'fractional seconds cannot be combined with milliseconds or microseconds';
  }
  // `ago` negates the whole interval: both signs must fit
  const ago = /\bago\b/i.test(trimmed) ? [1, -1] : [1];
  const fits = (total: number, [min, max]: readonly [number, number]) => ago.every((sign) => sign * total >= min && sign * total <= max);
  if (!fits(totals.months, INT32) || !fits(totals.days, INT32) || !fits(totals.microseconds, INT64)) {
    return 'the interval is out of range';
  }
  return undefined;
}

/** The time fields judged: `h:mm`, `h:mm:ss`, `m:ss.f`, `h:mm:ss.f`; other shapes are the server's to read. */
const CLEAN_TIME = /^[+-]?\d+:\d+(:\d+)?(\.\d+)?$/;

/** Minutes below 60, seconds below 61 (the server counts a leap second): `h:mm`, `h:mm:ss`, `m:ss.f`. */
function timeOfDayProblem(piece: string): string | undefined {
  const parts = piece.replace(/^[+-]/, '').split(':');
  const [first, second, third] = parts.map(Number);
  const outOfRange = parts.length === 3 ? second > 59 || third >= 61
    : parts[1].includes('.') ? first > 59 || second >= 61 : second > 59;
  return outOfRange ? `\`${piece}\` is out of range (minutes and seconds below 60)` : undefined;
}
