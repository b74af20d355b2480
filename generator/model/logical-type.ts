/** The DSL's logical types (DESIGN.md §3). Every target maps each of them exhaustively. */
export const LOGICAL_TYPE_NAMES = [
  'smallint', 'integer', 'bigint', 'uuid', 'text', 'varchar', 'char', 'numeric', 'real', 'double',
  'boolean', 'date', 'time', 'timestamp', 'timestamptz', 'interval', 'jsonb', 'bytea',
] as const;

export type LogicalTypeName = (typeof LOGICAL_TYPE_NAMES)[number];

export interface LogicalType {
  readonly name: LogicalTypeName;
  /** varchar(n), char(n) */
  readonly length?: number;
  /** numeric(p,s) */
  readonly precision?: number;
  readonly scale?: number;
}

export interface ParsedTypeSpec {
  readonly type: LogicalType;
  /** A trailing `?` in the spelling. */
  readonly nullable: boolean;
}

const LENGTH_TYPES = new Set<LogicalTypeName>(['varchar', 'char']);
const TYPE_PATTERN = /^\s*([a-z]+)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*(\?)?\s*$/;

type TypeSpecResult = ParsedTypeSpec | { error: string };

/**
 * Parsed spellings: a project spells its thousands of columns with a few dozen types, and the frozen result
 * is shared by every column of that spelling (a LogicalType is a value). Bounded, for inputs made of
 * arbitrary spellings.
 */
const parsedSpellings = new Map<string, TypeSpecResult>();
const MAX_REMEMBERED_SPELLINGS = 1000;

/** Parses `numeric(18,4)`, `text?`, … Returns a message on failure rather than throwing. */
export function parseTypeSpec(spelling: string): TypeSpecResult {
  let result = parsedSpellings.get(spelling);
  if (result === undefined) {
    result = parseSpelling(spelling);
    if ('type' in result) Object.freeze(result.type);
    Object.freeze(result);
    if (parsedSpellings.size < MAX_REMEMBERED_SPELLINGS) parsedSpellings.set(spelling, result);
  }
  return result;
}

function parseSpelling(spelling: string): TypeSpecResult {
  const match = TYPE_PATTERN.exec(spelling);
  if (!match) return { error: `\`${spelling}\` is not a type` };
  const [, base, first, second, question] = match;
  if (!(LOGICAL_TYPE_NAMES as readonly string[]).includes(base)) return { error: `unknown type \`${base}\`` };
  const name = base as LogicalTypeName;
  const nullable = question === '?';
  if (LENGTH_TYPES.has(name)) {
    if (first === undefined || second !== undefined) return { error: `\`${name}\` takes one length: ${name}(n)` };
    const length = Number(first);
    if (length < 1 || length > 10485760) return { error: `length of \`${name}\` must be between 1 and 10485760` };
    return { type: { name, length }, nullable };
  }
  if (name === 'numeric') {
    if (first === undefined) return { type: { name }, nullable };
    const precision = Number(first);
    const scale = second === undefined ? 0 : Number(second);
    if (precision < 1 || precision > 1000) return { error: 'numeric precision must be between 1 and 1000' };
    if (scale > precision) return { error: `numeric scale ${scale} exceeds precision ${precision}` };
    return { type: { name, precision, scale }, nullable };
  }
  if (first !== undefined) return { error: `\`${name}\` takes no parameters` };
  return { type: { name }, nullable };
}

export function formatLogicalType(type: LogicalType): string {
  if (type.length !== undefined) return `${type.name}(${type.length})`;
  if (type.precision !== undefined) return `${type.name}(${type.precision},${type.scale ?? 0})`;
  return type.name;
}

/** Two columns may be joined by a reference when their logical types are the same. */
export function sameLogicalType(a: LogicalType, b: LogicalType): boolean {
  if (a === b) return true; // types of one spelling are one shared object (parseTypeSpec)
  return a.name === b.name && a.length === b.length && a.precision === b.precision && (a.scale ?? 0) === (b.scale ?? 0);
}
