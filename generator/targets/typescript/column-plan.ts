/**
 * What the TypeScript target decides per column: its types for the client and for Kysely, whether the
 * client may write it, and the expression the client selects it with. Kinds are read from the Catalog,
 * never re-derived.
 */
import type { Column, Table } from '../../model/catalog.js';
import { formatLogicalType } from '../../model/logical-type.js';
import { PERIOD_COLUMNS } from '../../model/kinds.js';
import { quoteIdent } from '../postgres/quote.js';
import { defaultExpression } from '../postgres/sql-text.js';
import { isTimestampType, tsColumnTypes } from './column-types.js';

export interface ColumnPlan {
  readonly name: string;
  /** Type of the property in the rows the client returns, `| null` included. */
  readonly rowType: string;
  /** Type the client accepts on insert/update/filters; undefined when the client never writes it. */
  readonly writeType?: string;
  readonly optionalOnInsert: boolean;
  /** The property's type in the Kysely table interface (pg's default parsing, Kysely's ColumnType). */
  readonly kyselyType: string;
  /** Expression in the client's select list. */
  readonly selectSql: string;
  readonly json: boolean;
  readonly doc: string;
}

/**
 * A generated key: the database assigns it (a transactional table's uuid key, `gen_random_uuid()` or the
 * user's own SQL default). Neither the client nor the Kysely types let it be written, so a row can never
 * claim someone else's key by accident (the acceptance of issue 6).
 */
export function isGeneratedKey(table: Table, column: Column): boolean {
  return table.kind === 'transactional' && table.primaryKey.includes(column.name) && column.default?.kind === 'sql';
}

/** sys_start/sys_end: set by the history triggers (DESIGN.md §7.8), never by a client. */
export function isPeriodColumn(table: Table, column: Column): boolean {
  return table.kind === 'temporal' && (PERIOD_COLUMNS as readonly string[]).includes(column.name);
}

/**
 * A reference table's `systime` (DESIGN.md §3): the database sets it, `now()` on insert and whenever the
 * row changes (the client's update and delete, apply's upsert), so neither the client nor Kysely writes it.
 */
export function isReferenceSystime(table: Table, column: Column): boolean {
  return table.kind === 'reference' && column.name === 'systime';
}

/** Set by the database only: never in an insert or update type, `GeneratedAlways` for Kysely. */
function isDatabaseSet(table: Table, column: Column): boolean {
  return isGeneratedKey(table, column) || isPeriodColumn(table, column) || isReferenceSystime(table, column);
}

/** Key or period: these must round-trip exactly, so they are read as text rather than as a Date. */
function readsAsExactText(table: Table, column: Column): boolean {
  if (!isTimestampType(column.type)) return false;
  return isPeriodColumn(table, column) || table.primaryKey.includes(column.name) ||
    (table.temporal?.key.includes(column.name) ?? false);
}

/**
 * An exact timestamp as text: ISO 8601 with microseconds, in UTC for timestamptz so the text does not
 * depend on the session's TimeZone or DateStyle (a year before 1 ends in ' BC'). to_char() gives NULL for ±infinity, hence the CASE:
 * an open period ends in the text 'infinity'.
 */
export function exactTimestampSql(column: Column): string {
  const name = quoteIdent(column.name);
  const local = column.type.name === 'timestamptz' ? `${name} AT TIME ZONE 'UTC'` : name;
  const format = column.type.name === 'timestamptz' ? 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"' : 'YYYY-MM-DD"T"HH24:MI:SS.US';
  // to_char's YYYY has no era: a year before 1 gets PostgreSQL's own ' BC', which it reads back as written
  const era = `CASE WHEN ${local} < '0001-01-01' THEN ' BC' ELSE '' END`;
  return `CASE WHEN isfinite(${name}) THEN to_char(${local}, '${format}') || ${era} ELSE ${name}::text END AS ${name}`;
}

/**
 * Whether the client may write the column of this table: everything the database does not set. A reference
 * table's key is the caller's (a smallint, no default), so it is writable and required on insert.
 */
export function isClientWritable(table: Table, column: Column): boolean {
  return !isDatabaseSet(table, column);
}

export function planColumn(table: Table, column: Column): ColumnPlan {
  const types = tsColumnTypes(column.type);
  const exact = readsAsExactText(table, column);
  const nullable = column.nullable ? ' | null' : '';
  const rowBase = !exact ? types.row : column.name === 'sys_end' ? 'PeriodEnd' : 'Instant';
  return {
    name: column.name,
    rowType: `${rowBase}${nullable}`,
    writeType: isClientWritable(table, column) ? `${types.write}${nullable}` : undefined,
    optionalOnInsert: column.nullable || column.default !== undefined,
    kyselyType: kyselyType(table, column, `${types.kysely}${nullable}`),
    selectSql: exact ? exactTimestampSql(column) : quoteIdent(column.name),
    json: column.type.name === 'jsonb',
    doc: columnDoc(table, column, exact),
  };
}

function kyselyType(table: Table, column: Column, base: string): string {
  if (isDatabaseSet(table, column)) return `GeneratedAlways<${base}>`;
  return column.default !== undefined ? `Generated<${base}>` : base;
}

function columnDoc(table: Table, column: Column, exact: boolean): string {
  const parts = [formatLogicalType(column.type)];
  if (exact) parts.push(column.type.name === 'timestamptz' ? 'read as exact text (UTC, µs)' : 'read as exact text (µs)');
  if (isGeneratedKey(table, column)) parts.push(`generated by the database (${defaultExpression(column.default!)})`);
  else if (isPeriodColumn(table, column)) parts.push('set by the history triggers');
  else if (isReferenceSystime(table, column)) parts.push('set by the database (now() on insert and whenever the row changes)');
  else if (column.default !== undefined) parts.push(`default ${defaultExpression(column.default)}`);
  const head = parts.join(', ');
  return column.description === undefined ? head : `${head}. ${column.description}`;
}
