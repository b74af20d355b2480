/**
 * Databricks quoting (https://docs.databricks.com/sql/language-manual/sql-ref-identifiers.html).
 *
 * Identifiers are case-insensitive on Databricks (Unity Catalog stores schema and table names lower-cased),
 * so quoting never changes which object a name means: a name is left bare when it is lower-case snake_case
 * and not a reserved word, and back-ticked otherwise (a back-tick inside is doubled).
 *
 * String literals: Databricks reads backslash escapes inside '…' and, unlike standard SQL, does not read ''
 * as a quote (`'it''s'` is two adjacent literals, 'its'), so quotes and backslashes are backslash-escaped.
 */
import { DATABRICKS_RESERVED_WORDS } from './reserved-words.js';
import { memoizeString } from '../shared/memoize.js';

const BARE = /^[a-z_][a-z0-9_]*$/;

export const quoteIdent = memoizeString(quoteIdentOnce);

function quoteIdentOnce(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL byte');
  if (BARE.test(name) && !DATABRICKS_RESERVED_WORDS.has(name.toUpperCase())) return name;
  return `\`${name.replace(/`/g, '``')}\``;
}

export function qualifiedName(...parts: string[]): string {
  return parts.map(quoteIdent).join('.');
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('text value contains a NUL byte');
  return `'${value.replace(/[\\'\n\r\t]/g, (c) => ESCAPES[c])}'`;
}
