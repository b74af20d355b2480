/**
 * PostgreSQL quoting. Identifiers are left bare only when PostgreSQL would read them back unchanged
 * (lower-case ASCII snake_case that is not a keyword); everything else is double-quoted with `"` doubled.
 * Literals are standard-conforming strings ('' doubling; backslashes are ordinary since PG 9.1).
 */
import { POSTGRES_RESERVED_WORDS } from './reserved-words.js';

const BARE_IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;

export function quoteIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL byte');
  if (BARE_IDENTIFIER.test(name) && !POSTGRES_RESERVED_WORDS.has(name)) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualifiedName(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** A text literal. PostgreSQL text cannot hold NUL: callers reject it earlier with a diagnostic. */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('text value contains a NUL byte');
  return `'${value.replace(/'/g, "''")}'`;
}

export type SqlScalar = string | number | boolean | null;

/** A value as a literal of its own kind: numbers stay numeric (finite only), booleans are keywords. */
export function sqlValue(value: SqlScalar): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    // String(-0) is '0': a negative zero of a real or double column is written as what it is
    return Object.is(value, -0) ? "'-0'::double precision" : String(value);
  }
  return quoteLiteral(value);
}
