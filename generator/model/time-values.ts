/**
 * Dates, times and intervals written in definitions (reference rows, literal defaults) are checked the way
 * PostgreSQL will read them, so that `2024-02-30`, `99:99` or `forever` are a diagnostic at validate, not a
 * server error half way through apply. The shapes are checked by row-values.ts; this checks the ranges of a
 * date, time or time zone offset; interval-values.ts judges intervals.
 */
import { intervalProblem } from './interval-values.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why `text` (already of the right shape) is not a value of `type`, or undefined when it is one. */
export function timeValueProblem(type: string, text: string): string | undefined {
  switch (type) {
    case 'date':
      return dateProblem(text);
    case 'time':
      return timeProblem(text);
    case 'timestamp':
      return dateProblem(text.slice(0, 10)) ?? timeProblem(text.slice(11));
    case 'timestamptz': {
      const offset = /(Z|[+-]\d{2}(:?\d{2})?)$/.exec(text)![0];
      return dateProblem(text.slice(0, 10)) ?? timeProblem(text.slice(11, text.length - offset.length)) ?? offsetProblem(offset);
    }
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
  if (second > 60) return `second ${second} does not exist`;
  return undefined;
}

/** PostgreSQL reads time zone offsets up to ±15:59. */
function offsetProblem(offset: string): string | undefined {
  if (offset === 'Z') return undefined;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(3).replace(':', '') || '0');
  return hours > 15 || minutes > 59 ? `time zone offset ${offset} is out of range (±15:59)` : undefined;
}
