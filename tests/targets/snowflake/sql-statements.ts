/**
 * Splits generated warehouse SQL into statements for the statement-form tests of both warehouse targets
 * (tests/targets/databricks imports it too). A small scanner, not a parser: it knows where strings, quoted
 * names, `--` comments and Snowflake's $$…$$ bodies begin and end, so a `;` inside them does not split, and it
 * gives each statement with strings and quoted names masked, so checks on keywords never see user text.
 */
export interface SqlStatement {
  /** The statement as written, without comments. */
  readonly text: string;
  /** The same with every string literal replaced by 's', every quoted name by "i" (or `i`). */
  readonly code: string;
}

export interface SplitSql {
  readonly statements: SqlStatement[];
  /** Client commands (lines starting with `!`, e.g. SnowSQL's `!source`). */
  readonly commands: string[];
}

type Mode = { kind: 'code' } | { kind: 'quoted'; close: string; mask: string };

export function splitSql(sql: string): SplitSql {
  const statements: SqlStatement[] = [];
  const commands: string[] = [];
  let text = '';
  let code = '';
  let mode: Mode = { kind: 'code' };
  let inDollarBody = false;
  let atLineStart = true;
  for (let at = 0; at < sql.length; at++) {
    const c = sql[at];
    if (mode.kind === 'quoted') {
      text += c;
      if (c === '\\' && mode.close === "'") {
        text += sql[++at];
      } else if (c === mode.close && sql[at + 1] === mode.close) {
        text += sql[++at];
      } else if (c === mode.close) {
        code += mode.mask;
        mode = { kind: 'code' };
      }
      continue;
    }
    if (atLineStart && c === '!' && !inDollarBody && text.trim() === '') {
      const end = sql.indexOf('\n', at);
      commands.push(sql.slice(at, end === -1 ? undefined : end));
      at = end === -1 ? sql.length : end;
      continue;
    }
    atLineStart = c === '\n';
    if (c === '-' && sql[at + 1] === '-') {
      const end = sql.indexOf('\n', at);
      at = (end === -1 ? sql.length : end) - 1;
      continue;
    }
    if (c === '$' && sql[at + 1] === '$') {
      inDollarBody = !inDollarBody;
      text += '$$';
      code += '$$';
      at++;
      continue;
    }
    const quote = ({ "'": "'s'", '"': '"i"', '`': '`i`' } as Record<string, string>)[c];
    if (quote) {
      mode = { kind: 'quoted', close: c, mask: quote };
      text += c;
      continue;
    }
    if (c === ';' && !inDollarBody) {
      statements.push({ text: `${text.trim()};`, code: `${code.trim()};` });
      text = '';
      code = '';
      continue;
    }
    text += c;
    code += c;
  }
  if (text.trim() !== '') statements.push({ text: text.trim(), code: code.trim() });
  return { statements, commands };
}

/** The statement with runs of whitespace as one space: what the form regexes read. */
export function flat(statement: SqlStatement): string {
  return statement.code.replace(/\s+/g, ' ');
}

/** Upper-case words of a statement's code: keywords, types and functions (lakegen's own names are lower case or quoted). */
export function upperCaseWords(statement: SqlStatement): string[] {
  return statement.code.match(/\b[A-Z][A-Z0-9_$]*\b/g) ?? [];
}

/** PostgreSQL-only constructs that must never reach a warehouse. */
export const POSTGRES_ONLY: readonly { readonly what: string; readonly pattern: RegExp; readonly inText?: boolean }[] = [
  { what: "'infinity'", pattern: /'-?infinity'/i, inText: true },
  { what: ':: cast', pattern: /::/ },
  { what: 'gen_random_uuid()', pattern: /\bgen_random_uuid\s*\(/i },
  { what: 'now()', pattern: /\bnow\s*\(\s*\)/i },
  { what: 'SERIAL', pattern: /\b(big|small)?serial\b/i },
  { what: 'tstzrange', pattern: /\btstzrange\b/i },
  { what: 'regex operator ~', pattern: /~/ },
  { what: 'ON CONFLICT', pattern: /\bON\s+CONFLICT\b/i },
  { what: 'RETURNING', pattern: /\bRETURNING\b/i },
  { what: 'DO block', pattern: /^DO\b/i },
  { what: 'E-string', pattern: /\bE's'/ },
  { what: 'plpgsql', pattern: /\bplpgsql\b/i },
  { what: 'timestamptz type', pattern: /\btimestamptz\b/i },
  { what: 'jsonb type', pattern: /\bjsonb\b/i },
];

export function postgresOnlyConstructs(statement: SqlStatement): string[] {
  return POSTGRES_ONLY.filter((p) => p.pattern.test(p.inText ? statement.text : statement.code)).map((p) => p.what);
}
