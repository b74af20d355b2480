/**
 * Snowflake quoting (https://docs.snowflake.com/en/sql-reference/identifiers-syntax).
 *
 * Identifier case strategy: Snowflake stores an unquoted identifier upper-cased and a quoted one exactly as
 * written. lakegen names are snake_case, so every such name is written bare and lands upper-cased
 * (`trade_id` → TRADE_ID): users, BI tools and verbatim check expressions can then name it unquoted in any
 * case, as is idiomatic on Snowflake. A snake_case name that is a reserved word must be quoted; it is quoted
 * in its upper-case form (`"SELECT"`), so it is stored exactly like every other lakegen name. Only names with
 * no unquoted spelling (upper-case or non-ASCII letters, spaces, quotes) are quoted as written and stay
 * case-sensitive (`"größe"`, `"Mixed Case"`). The portability report repeats this for every database.
 *
 * String literals: Snowflake reads backslash escapes inside '…' (PostgreSQL does not), so backslashes are
 * doubled and control characters written as escapes; quotes are doubled.
 */
import { SNOWFLAKE_RESERVED_WORDS } from './reserved-words.js';
import { memoizeString } from '../shared/memoize.js';

const SNAKE_CASE = /^[a-z_][a-z0-9_$]*$/;
const UNQUOTED = /^[A-Za-z_][A-Za-z0-9_$]*$/;

export const quoteIdent = memoizeString(quoteIdentOnce);

function quoteIdentOnce(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL byte');
  if (SNAKE_CASE.test(name)) {
    return SNOWFLAKE_RESERVED_WORDS.has(name.toUpperCase()) ? `"${name.toUpperCase()}"` : name;
  }
  return `"${name.replace(/"/g, '""')}"`;
}

/** How Snowflake stores the name lakegen writes for `name` (what INFORMATION_SCHEMA shows). */
export function storedName(name: string): string {
  return SNAKE_CASE.test(name) ? name.toUpperCase() : name;
}

export function qualifiedName(...parts: string[]): string {
  return parts.map(quoteIdent).join('.');
}

/** A name from lakegen.config.yaml (a warehouse): taken as the user spelled it, in Snowflake's own terms. */
export function configIdentifier(name: string): string {
  if (UNQUOTED.test(name) && !SNOWFLAKE_RESERVED_WORDS.has(name.toUpperCase())) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "''", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('text value contains a NUL byte');
  return `'${value.replace(/[\\'\n\r\t]/g, (c) => ESCAPES[c])}'`;
}

/** A body for `AS $$…$$`, or a quoted literal when the body itself contains `$$`. */
export function dollarBody(body: string): string {
  return body.includes('$$') ? quoteLiteral(body) : `$$\n${body}\n$$`;
}
