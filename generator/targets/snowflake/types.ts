/**
 * Logical type → Snowflake type (DESIGN.md §9; https://docs.snowflake.com/en/sql-reference/intro-summary-data-types).
 * Exhaustive: a new logical type does not compile until it is mapped here. `change` is what the portability
 * report says about a type whose meaning differs from PostgreSQL's.
 */
import type { LogicalType } from '../../model/logical-type.js';
import { cappedDecimal, type WarehouseType, type WarehouseTypeMap } from '../warehouse/dialect.js';

const integer = (digits: number, range: string): WarehouseType => ({
  sql: `NUMBER(${digits},0)`,
  change: `any ${digits}-digit integer fits, so the PostgreSQL range (${range}) is no longer enforced`,
});

export const SNOWFLAKE_TYPES: WarehouseTypeMap = {
  smallint: () => integer(5, '±32,767'),
  integer: () => integer(10, '±2,147,483,647'),
  bigint: () => integer(19, '±9.2·10¹⁸'),
  uuid: () => ({
    sql: 'VARCHAR(36)',
    change: 'a uuid is text here: no format check, and comparison is case-sensitive (UUID_STRING() writes lower case)',
  }),
  text: () => ({ sql: 'VARCHAR' }),
  varchar: (t) => ({ sql: `VARCHAR(${t.length})` }),
  char: (t) => ({
    sql: `CHAR(${t.length})`,
    change: 'CHAR is VARCHAR on Snowflake: values are not blank-padded, so trailing spaces count in comparisons',
  }),
  numeric: (t: LogicalType) => cappedDecimal(t, 'NUMBER', 'Snowflake'),
  real: () => ({ sql: 'FLOAT', change: 'FLOAT is 64-bit: a 32-bit real keeps more precision than PostgreSQL would store' }),
  double: () => ({ sql: 'FLOAT' }),
  boolean: () => ({ sql: 'BOOLEAN' }),
  date: () => ({ sql: 'DATE' }),
  time: () => ({ sql: 'TIME' }),
  timestamp: () => ({ sql: 'TIMESTAMP_NTZ' }),
  timestamptz: () => ({
    sql: 'TIMESTAMP_TZ',
    change: 'TIMESTAMP_TZ keeps the offset it was given (PostgreSQL converts to UTC and keeps none); comparison uses the instant, and there is no \'infinity\'',
  }),
  interval: () => ({
    sql: 'VARCHAR',
    problem: 'unsupported',
    change: 'Snowflake has no interval column type: carried as text (write ISO 8601 durations such as P1DT2H); no interval arithmetic',
  }),
  jsonb: () => ({
    sql: 'VARIANT',
    change: 'VARIANT holds the parsed JSON (write it with PARSE_JSON); object key order and number formatting may differ from jsonb',
  }),
  bytea: () => ({ sql: 'BINARY', change: 'BINARY is limited in size (8 MB by default)' }),
};
