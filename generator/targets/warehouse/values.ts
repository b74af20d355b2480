/**
 * Column defaults and literal values on a warehouse. A literal default is re-rendered for the platform; of the
 * verbatim SQL defaults, only the two the kinds themselves use are translated (`now()` and
 * `gen_random_uuid()`), everything else is left out with an LG803 diagnostic by the caller.
 */
import type { Column, ColumnDefault, Scalar } from '../../model/catalog.js';
import type { LogicalType } from '../../model/logical-type.js';
import type { WarehouseDialect, WarehouseType } from './dialect.js';

export type CarriedDefault =
  | { readonly kind: 'none' }
  | { readonly kind: 'literal'; readonly value: Exclude<Scalar, null> }
  | { readonly kind: 'now' | 'uuid' }
  | { readonly kind: 'unsupported'; readonly reason: string };

const NOW_SPELLINGS = new Set(['now()', 'current_timestamp', 'current_timestamp()', 'transaction_timestamp()']);
const UUID_SPELLINGS = new Set(['gen_random_uuid()', 'uuid_generate_v4()']);
const TIME_TYPES = new Set(['date', 'timestamp', 'timestamptz']);
/** Types whose literal defaults are not portable text: a warehouse wants them built, not typed in. */
const NO_LITERAL_DEFAULT = new Set(['jsonb', 'bytea']);

export function classifyDefault(column: Column): CarriedDefault {
  const value: ColumnDefault | undefined = column.default;
  if (value === undefined) return { kind: 'none' };
  if (value.kind === 'sql') {
    const spelling = value.sql.replace(/\s+/g, '').toLowerCase();
    if (NOW_SPELLINGS.has(spelling)) return { kind: 'now' };
    if (UUID_SPELLINGS.has(spelling)) return { kind: 'uuid' };
    return { kind: 'unsupported', reason: `the SQL default \`${value.sql}\` has no translation` };
  }
  if (value.value === null) return { kind: 'none' };
  if (typeof value.value === 'string' && TIME_TYPES.has(column.type.name) && /infinity/i.test(value.value)) {
    return { kind: 'unsupported', reason: `\`'${value.value}'\` does not exist outside PostgreSQL` };
  }
  if (NO_LITERAL_DEFAULT.has(column.type.name)) {
    return { kind: 'unsupported', reason: `a literal ${column.type.name} default is not carried` };
  }
  return { kind: 'literal', value: value.value };
}

/** A value of a logical type as a SQL literal; text stays text and the caller casts where it matters. */
export function valueLiteral(value: Scalar, type: LogicalType, dialect: WarehouseDialect): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  // bigint and numeric values arrive as canonical decimal text (never rounded through a JS number).
  if ((type.name === 'bigint' || type.name === 'numeric') && /^-?\d+(\.\d+)?$/.test(value)) return value;
  if (type.name === 'bytea') return dialect.quoteLiteral(value.replace(/^\\x/, ''));
  return dialect.quoteLiteral(value);
}

/** A literal default as the column's type: text is cast where an implicit conversion could surprise. */
export function defaultLiteral(value: Exclude<Scalar, null>, column: Column, type: WarehouseType, dialect: WarehouseDialect): string {
  const literal = valueLiteral(value, column.type, dialect);
  return typeof value === 'string' && TIME_TYPES.has(column.type.name) ? `CAST(${literal} AS ${type.sql})` : literal;
}

/** The platform's DEFAULT expression, or undefined when the default is not carried. */
export function defaultExpression(carried: CarriedDefault, column: Column, type: WarehouseType, dialect: WarehouseDialect): string | undefined {
  switch (carried.kind) {
    case 'literal':
      return defaultLiteral(carried.value, column, type, dialect);
    case 'now':
      return dialect.now;
    case 'uuid':
      return dialect.uuidDefault ? dialect.uuid : undefined;
    default:
      return undefined;
  }
}

/** Which of the translated SQL defaults the tables use, so a report explains only those. */
export function usedDefaultTranslations(tables: readonly { readonly columns: readonly Column[] }[]): Set<'now' | 'uuid'> {
  const used = new Set<'now' | 'uuid'>();
  for (const column of tables.flatMap((t) => t.columns)) {
    const carried = classifyDefault(column);
    if (carried.kind === 'now' || carried.kind === 'uuid') used.add(carried.kind);
  }
  return used;
}
