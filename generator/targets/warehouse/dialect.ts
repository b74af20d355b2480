/**
 * What the shared warehouse code needs to know about a platform: how it quotes, which type each logical type
 * becomes, and how it spells the two SQL defaults lakegen translates. Everything platform-specific stays in
 * the target's own folder; this is only the seam between the two.
 */
import type { LogicalType, LogicalTypeName } from '../../model/logical-type.js';

export type WarehouseTargetName = 'snowflake' | 'databricks';

/** A logical type on a warehouse platform, with what a PostgreSQL user would not expect of it. */
export interface WarehouseType {
  /** The type as written in DDL and CAST. */
  readonly sql: string;
  /** How its meaning differs from PostgreSQL, for the portability report (absent: same meaning). */
  readonly change?: string;
  /**
   * `unsupported`: no equivalent, carried as another type (LG802, warning);
   * `precision`: beyond the platform's limits (LG801, error).
   */
  readonly problem?: 'unsupported' | 'precision';
}

/** Exhaustive by construction: a logical type without a mapping does not compile (DESIGN.md §9). */
export type WarehouseTypeMap = Readonly<Record<LogicalTypeName, (type: LogicalType) => WarehouseType>>;

export interface WarehouseDialect {
  readonly target: WarehouseTargetName;
  /** The platform's name in messages and reports. */
  readonly label: string;
  readonly types: WarehouseTypeMap;
  quoteIdent(name: string): string;
  /** A string literal holding exactly `value` (backslashes and quotes escaped as the platform reads them). */
  quoteLiteral(value: string): string;
  /** The platform's spelling of PostgreSQL's `now()` default. */
  readonly now: string;
  /**
   * The platform's spelling of PostgreSQL's `gen_random_uuid()`; as a column DEFAULT only when
   * `uuidDefault` is set (a platform may allow the function in queries but not as a default).
   */
  readonly uuid: string;
  readonly uuidDefault: boolean;
}

/** The largest numeric precision Snowflake (NUMBER) and Databricks (DECIMAL) accept. */
export const MAX_WAREHOUSE_PRECISION = 38;

/**
 * numeric(p,s) on a platform capped at 38 digits. An unconstrained numeric has no equivalent: it is carried
 * with 38 digits and scale 18, said as an unsupported type so nobody mistakes it for arbitrary precision.
 */
export function cappedDecimal(type: LogicalType, name: string, label: string): WarehouseType {
  if (type.precision === undefined) {
    return {
      sql: `${name}(38,18)`,
      problem: 'unsupported',
      change: `unconstrained numeric has no ${label} equivalent: carried as ${name}(38,18), so values need at most 20 integer and 18 decimal digits`,
    };
  }
  const scale = type.scale ?? 0;
  if (type.precision > MAX_WAREHOUSE_PRECISION) {
    return {
      sql: `${name}(${MAX_WAREHOUSE_PRECISION},${Math.min(scale, MAX_WAREHOUSE_PRECISION)})`,
      problem: 'precision',
      change: `precision ${type.precision} exceeds ${label}'s ${MAX_WAREHOUSE_PRECISION} digits`,
    };
  }
  return { sql: `${name}(${type.precision},${scale})` };
}

/**
 * A logical type on the platform, once per type object: parsed types are shared per spelling, so a project's
 * thousands of columns have a few dozen types, and each mapping builds its report text.
 */
export function platformType(dialect: WarehouseDialect, type: LogicalType): WarehouseType {
  let byType = platformTypes.get(dialect);
  if (!byType) platformTypes.set(dialect, (byType = new WeakMap()));
  let mapped = byType.get(type);
  if (!mapped) byType.set(type, (mapped = dialect.types[type.name](type)));
  return mapped;
}

const platformTypes = new WeakMap<WarehouseDialect, WeakMap<LogicalType, WarehouseType>>();
