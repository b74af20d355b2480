/**
 * A `check:` is PostgreSQL SQL written verbatim. A warehouse can carry it only when it reads the same there,
 * so instead of copying the text we accept a small, conservative subset — column names, numbers, strings,
 * comparisons, AND/OR/NOT, IN, BETWEEN, IS [NOT] NULL, LIKE, + - * — and re-render it with the platform's
 * quoting: identifiers re-quoted (Snowflake upper-cases bare names, so `größe` must become `"größe"`) and
 * string literals re-escaped (both platforms read backslashes as escapes, PostgreSQL does not).
 * Anything else — casts (`::`), regex operators (`~`), function calls, `||`, division — is refused with a
 * reason, and the target leaves the check out with an LG803 diagnostic.
 */
import type { WarehouseDialect } from './dialect.js';

export type ExpressionTranslation = { readonly sql: string } | { readonly unsupported: string };

type Token =
  | { readonly kind: 'space' | 'number' | 'operator'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'identifier'; readonly name: string }
  | { readonly kind: 'keyword'; readonly word: string };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'null', 'true', 'false', 'between', 'like']);
// Longest first, so `<=` is not read as `<` then `=`.
const OPERATORS = ['<>', '!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '(', ')', ','];
// `/` and `%` are left out on purpose: integer division truncates in PostgreSQL and not on Snowflake.
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/;
const SPACE = /^\s+/;

export function translateCheck(sql: string, columns: readonly string[], dialect: WarehouseDialect): ExpressionTranslation {
  const tokens = tokenize(sql);
  if ('unsupported' in tokens) return tokens;
  const problem = unsupportedUse(tokens, new Set(columns));
  if (problem) return { unsupported: problem };
  return { sql: tokens.map((token) => render(token, dialect)).join('') };
}

function tokenize(sql: string): Token[] | { unsupported: string } {
  const tokens: Token[] = [];
  let at = 0;
  while (at < sql.length) {
    const rest = sql.slice(at);
    const read = readToken(rest);
    if ('unsupported' in read) return read;
    tokens.push(read.token);
    at += read.length;
  }
  return tokens;
}

function readToken(rest: string): { token: Token; length: number } | { unsupported: string } {
  const space = SPACE.exec(rest);
  if (space) return { token: { kind: 'space', text: space[0] }, length: space[0].length };
  const number = NUMBER.exec(rest);
  if (number) return { token: { kind: 'number', text: number[0] }, length: number[0].length };
  if (rest[0] === "'") return readQuoted(rest, "'", (value) => ({ kind: 'string', value }));
  if (rest[0] === '"') return readQuoted(rest, '"', (name) => ({ kind: 'identifier', name }));
  const word = WORD.exec(rest);
  if (word) {
    // PostgreSQL folds unquoted identifiers to lower case (ASCII letters only).
    const folded = word[0].replace(/[A-Z]/g, (c) => c.toLowerCase());
    const token: Token = KEYWORDS.has(folded) ? { kind: 'keyword', word: folded } : { kind: 'identifier', name: folded };
    return { token, length: word[0].length };
  }
  const operator = OPERATORS.find((op) => rest.startsWith(op));
  if (operator && !rest.startsWith('::')) return { token: { kind: 'operator', text: operator }, length: operator.length };
  const symbol = rest.startsWith('::') ? '::' : rest.startsWith('||') ? '||' : [...rest][0];
  return { unsupported: `it uses \`${symbol}\`` };
}

/** A quoted string or identifier, with the quote character doubled inside (standard SQL). */
function readQuoted(
  rest: string, quote: string, make: (content: string) => Token,
): { token: Token; length: number } | { unsupported: string } {
  let content = '';
  for (let at = 1; at < rest.length; at++) {
    if (rest[at] !== quote) {
      content += rest[at];
    } else if (rest[at + 1] === quote) {
      content += quote;
      at++;
    } else {
      return { token: make(content), length: at + 1 };
    }
  }
  return { unsupported: `it has an unterminated ${quote === "'" ? 'string' : 'quoted name'}` };
}

function unsupportedUse(tokens: readonly Token[], columns: ReadonlySet<string>): string | undefined {
  const meaningful = tokens.filter((t) => t.kind !== 'space');
  for (const [index, token] of meaningful.entries()) {
    if (token.kind !== 'identifier') continue;
    const next = meaningful[index + 1];
    if (next?.kind === 'operator' && next.text === '(') return `it calls \`${token.name}()\``;
    if (!columns.has(token.name)) return `\`${token.name}\` is not a column of the table`;
  }
  const usesLike = meaningful.some((t) => t.kind === 'keyword' && t.word === 'like');
  // LIKE's escape character differs (PostgreSQL: backslash by default; Snowflake: none).
  if (usesLike && meaningful.some((t) => t.kind === 'string' && t.value.includes('\\'))) {
    return 'its LIKE pattern has a backslash, which the platforms escape differently';
  }
  return undefined;
}

function render(token: Token, dialect: WarehouseDialect): string {
  switch (token.kind) {
    case 'space':
    case 'number':
      return token.text;
    case 'operator':
      return token.text === '!=' ? '<>' : token.text;
    case 'string':
      return dialect.quoteLiteral(token.value);
    case 'identifier':
      return dialect.quoteIdent(token.name);
    case 'keyword':
      return token.word.toUpperCase();
  }
}
