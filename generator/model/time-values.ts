/**
 * Dates, times and intervals written in definitions (reference rows, literal defaults) are checked the way
 * PostgreSQL will read them, so that `2024-02-30`, `99:99` or `forever` are a diagnostic at validate, not a
 * server error half way through apply. The shapes are checked by row-values.ts; this checks the ranges of a
 * date or time, and the words of an interval.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why `text` (already of the right shape) is not a value of `type`, or undefined when it is one. */
export function timeValueProblem(type: string, text: string): string | undefined {
  switch (type) {
    case 'date':
      return dateProblem(text);
    case 'time':
      return timeProblem(text);
    case 'timestamp':
    case 'timestamptz':
      return dateProblem(text.slice(0, 10)) ?? timeProblem(text.slice(11).replace(/(Z|[+-]\d{2}(:?\d{2})?)$/, ''));
    case 'interval':
      return intervalProblem(text);
    default:
      return undefined;
  }
}

function dateProblem(text: string): string | undefined {
  const [year, month, day] = text.split('-').map(Number);
  if (year < 1) return `year ${year} is not a year`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return day < 1 || day > days ? `${text.slice(0, 10)} does not exist (month ${month} has ${days} days)` : undefined;
}

function timeProblem(text: string): string | undefined {
  const [hour, minute, second = 0] = text.split(':').map(Number);
  // PostgreSQL reads 24:00:00 (the end of a day) and a leap second :60
  if (hour > 24 || (hour === 24 && (minute > 0 || second > 0))) return `hour ${hour} does not exist`;
  if (minute > 59) return `minute ${minute} does not exist`;
  if (second >= 61) return `second ${second} does not exist`;
  return undefined;
}

const INTERVAL_UNIT = new RegExp(`^(${[
  'microseconds?', 'us', 'usecs?', 'milliseconds?', 'ms', 'msecs?', 'seconds?', 's', 'secs?', 'minutes?', 'm', 'mins?',
  'hours?', 'h', 'hrs?', 'days?', 'd', 'weeks?', 'w', 'months?', 'mons?', 'years?', 'y', 'yrs?', 'decades?',
  'centur(y|ies)', 'millenni(um|a|ums)',
].join('|')})$`, 'i');
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const CLOCK = /^[+-]?\d+:\d{1,2}(:\d{1,2}(\.\d+)?)?$/;
const YEAR_MONTH = /^[+-]?\d+-\d+$/;
const ISO_8601 = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/i;
const ISO_ALTERNATIVE = /^P\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?)?$/i;

/**
 * PostgreSQL's interval input: `1 day 2 hours`, `@ 3 mons ago`, `1-2` (years-months), `3 4:05:06`, ISO 8601
 * (`P1Y2M3DT4H5M6S`, `P0001-02-03T04:05:06`). Every word must be a number, a unit, a clock time, `@` or `ago`;
 * a number may stand without a unit (seconds, or the field a clock time implies), as PostgreSQL allows.
 */
function intervalProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'an empty interval';
  if (ISO_8601.test(trimmed) || ISO_ALTERNATIVE.test(trimmed)) return undefined;
  const words = trimmed.replace(/^@\s*/, '').replace(/\s+ago$/i, '').split(/\s+/);
  for (const [index, word] of words.entries()) {
    const joined = /^([+-]?\d+(\.\d+)?)([a-z]+)$/i.exec(word); // `3days`
    if (NUMBER.test(word) || CLOCK.test(word) || YEAR_MONTH.test(word)) continue;
    if (joined && INTERVAL_UNIT.test(joined[3])) continue;
    if (INTERVAL_UNIT.test(word) && index > 0 && NUMBER.test(words[index - 1])) continue;
    return `\`${word}\` is not part of an interval (write e.g. '1 day 2 hours', '3 mons', '04:05:06' or 'P1DT2H')`;
  }
  return undefined;
}
