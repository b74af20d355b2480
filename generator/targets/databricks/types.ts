/**
 * Logical type → Databricks type (DESIGN.md §9; https://docs.databricks.com/sql/language-manual/sql-ref-datatypes.html).
 * Exhaustive: a new logical type does not compile until it is mapped here. `change` is what the portability
 * report says about a type whose meaning differs from PostgreSQL's.
 */
import { cappedDecimal, type WarehouseTypeMap } from '../warehouse/dialect.js';

const carriedAsText = (change: string) => ({ sql: 'STRING', problem: 'unsupported' as const, change });

export const DATABRICKS_TYPES: WarehouseTypeMap = {
  smallint: () => ({ sql: 'SMALLINT' }),
  integer: () => ({ sql: 'INT' }),
  bigint: () => ({ sql: 'BIGINT' }),
  uuid: () => ({
    sql: 'STRING',
    change: 'a uuid is text here: no format check, and comparison is case-sensitive (uuid() writes lower case)',
  }),
  text: () => ({ sql: 'STRING' }),
  varchar: (t) => ({ sql: `VARCHAR(${t.length})` }),
  char: (t) => ({ sql: `CHAR(${t.length})` }),
  numeric: (t) => cappedDecimal(t, 'DECIMAL', 'Databricks'),
  real: () => ({ sql: 'FLOAT' }),
  double: () => ({ sql: 'DOUBLE' }),
  boolean: () => ({ sql: 'BOOLEAN' }),
  date: () => ({ sql: 'DATE' }),
  time: () => carriedAsText('Databricks has no TIME type: carried as text (HH:MM:SS[.ffffff]), which sorts correctly only while every value keeps that format'),
  timestamp: () => ({
    sql: 'TIMESTAMP_NTZ',
    change: 'TIMESTAMP_NTZ turns on the Delta table feature timestampNtz: older Delta readers cannot read the table',
  }),
  timestamptz: () => ({
    sql: 'TIMESTAMP',
    change: 'TIMESTAMP is an instant shown in the session time zone, like timestamptz, but there is no \'infinity\'',
  }),
  interval: () => carriedAsText('Databricks has no interval column type: carried as text (write ISO 8601 durations such as P1DT2H); no interval arithmetic'),
  jsonb: () => ({
    sql: 'VARIANT',
    change: 'VARIANT holds the parsed JSON (write it with PARSE_JSON; needs a runtime with VARIANT support); object key order may differ from jsonb',
  }),
  bytea: () => ({ sql: 'BINARY' }),
};
