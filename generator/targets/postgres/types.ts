/** Logical type → PostgreSQL type (DESIGN.md §9). Exhaustive: a new logical type does not compile until mapped. */
import type { LogicalType, LogicalTypeName } from '../../model/logical-type.js';

const POSTGRES_TYPES: Record<LogicalTypeName, (type: LogicalType) => string> = {
  smallint: () => 'smallint',
  integer: () => 'integer',
  bigint: () => 'bigint',
  uuid: () => 'uuid',
  text: () => 'text',
  varchar: (t) => `varchar(${t.length})`,
  char: (t) => `char(${t.length})`,
  numeric: (t) => (t.precision === undefined ? 'numeric' : `numeric(${t.precision},${t.scale ?? 0})`),
  real: () => 'real',
  double: () => 'double precision',
  boolean: () => 'boolean',
  date: () => 'date',
  time: () => 'time',
  timestamp: () => 'timestamp',
  timestamptz: () => 'timestamptz',
  interval: () => 'interval',
  jsonb: () => 'jsonb',
  bytea: () => 'bytea',
};

export function postgresColumnType(type: LogicalType): string {
  return POSTGRES_TYPES[type.name](type);
}

/** How PostgreSQL's format_type() spells each type: what apply compares a live table against. */
const CATALOG_SPELLINGS: Partial<Record<LogicalTypeName, (type: LogicalType) => string>> = {
  varchar: (t) => `character varying(${t.length})`,
  char: (t) => `character(${t.length})`,
  time: () => 'time without time zone',
  timestamp: () => 'timestamp without time zone',
  timestamptz: () => 'timestamp with time zone',
};

export function postgresCatalogType(type: LogicalType): string {
  return (CATALOG_SPELLINGS[type.name] ?? POSTGRES_TYPES[type.name])(type);
}
