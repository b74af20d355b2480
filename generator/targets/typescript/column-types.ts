/**
 * Logical type → TypeScript types (DESIGN.md §9, TypeScript column). Exhaustive: a new logical type does not
 * compile until it is mapped here.
 *
 * `row` is what node-postgres returns with its default type parsers (pg-types 2): int8 and numeric as
 * text (a JavaScript number would round them), date/timestamp/timestamptz as Date, interval as a
 * postgres-interval object, jsonb parsed, bytea as Buffer. The generated client installs no parsers, so
 * these types stay true for a Pool the application shares with other code (and with Kysely).
 * `write` is what a parameter may be: pg serialises a Date, a Buffer, an object with toPostgres(), or
 * anything else through String(). `kysely` names the ColumnType alias the runtime module declares.
 */
import type { LogicalType, LogicalTypeName } from '../../model/logical-type.js';

export interface TsColumnTypes {
  readonly row: string;
  readonly write: string;
  readonly kysely: string;
}

const same = (type: string): TsColumnTypes => ({ row: type, write: type, kysely: type });
const STRING = same('string');
const NUMBER = same('number');
const TIMESTAMP: TsColumnTypes = { row: 'Date', write: 'Date | string', kysely: 'Timestamp' };

const TS_TYPES: Record<LogicalTypeName, TsColumnTypes> = {
  smallint: NUMBER,
  integer: NUMBER,
  bigint: { row: 'string', write: 'string | number | bigint', kysely: 'Int8' },
  uuid: STRING,
  text: STRING,
  varchar: STRING,
  char: STRING,
  numeric: { row: 'string', write: 'string | number', kysely: 'Numeric' },
  real: NUMBER,
  double: NUMBER,
  boolean: same('boolean'),
  // DESIGN.md §9 asks us to decide date: pg's default, a Date at local midnight, kept (docs/typescript-client.md).
  date: TIMESTAMP,
  time: STRING,
  timestamp: TIMESTAMP,
  timestamptz: TIMESTAMP,
  interval: { row: 'Interval', write: 'Interval | string', kysely: 'IntervalColumn' },
  // The client JSON-encodes jsonb parameters itself (pg would turn a JS array into a PostgreSQL array);
  // Kysely passes values through, so its insert type is JSON text, as kysely-codegen does.
  jsonb: { row: 'JsonValue', write: 'JsonValue', kysely: 'Json' },
  bytea: same('Buffer'),
};

export function tsColumnTypes(type: LogicalType): TsColumnTypes {
  return TS_TYPES[type.name];
}

/** Types whose default parsing loses microseconds (Date) and returns 'infinity' as the number Infinity. */
export function isTimestampType(type: LogicalType): boolean {
  return type.name === 'timestamptz' || type.name === 'timestamp';
}
