/**
 * TypeScript spelling of names and values from the definitions. Names are snake_case when the rules hold,
 * but a project may turn naming rules off (tests/fixtures/projects/quoting), so every name that reaches
 * TypeScript source goes through one of these functions: nothing from the definitions is pasted raw.
 */

/** ECMAScript IdentifierName: what may stand bare as a property key (reserved words included). */
const IDENTIFIER_NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** Words that cannot be a binding name (a type, const or namespace export). */
const RESERVED_BINDINGS = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await', 'arguments',
  'eval', 'any', 'boolean', 'number', 'string', 'symbol', 'never', 'unknown', 'object', 'undefined', 'bigint',
]);

const NEEDS_ESCAPE = /[\\'\u0000-\u001f\u007f\u2028\u2029]/;

/** A single-quoted TypeScript string literal; escapes what would end or corrupt the literal. */
export function tsString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `'${value}'`; // nearly every name and description
  const escaped = value.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\': return '\\\\';
      case '\'': return '\\\'';
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      default: return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `'${escaped}'`;
}

/**
 * A property key: bare when it is an identifier name (`select`, `größe`), else a string literal. In an
 * object literal `__proto__:` (bare or quoted) sets the prototype instead of a property; only a computed
 * key makes it an own property.
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return `[${tsString(name)}]`;
  return IDENTIFIER_NAME.test(name) ? name : tsString(name);
}

/**
 * `trade_status_type` → `TradeStatusType`. Words are split at `_` and at anything that cannot continue an
 * identifier (some Unicode digits, like `²`, are \p{N} but not ID_Continue).
 */
export function pascalCase(name: string): string {
  const words = name.split(/[^\p{ID_Continue}]+|_+/u).filter(Boolean);
  const joined = words.map((word) => {
    const [first, ...rest] = [...word];
    return first.toUpperCase() + rest.join('');
  }).join('').replace(/[^\p{ID_Continue}$]/gu, '');
  return /^[\p{ID_Start}$_]/u.test(joined) ? joined : `T${joined}`;
}

/** `trade_status_type` → `tradeStatusType`, for local values. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** A name usable as a binding (namespace export, const): the name itself when it can be one. */
export function bindingName(name: string): string {
  if (IDENTIFIER_NAME.test(name) && !RESERVED_BINDINGS.has(name)) return name;
  const safe = name.replace(/[^\p{ID_Continue}$]/gu, '_');
  return /^[\p{ID_Start}$_]/u.test(safe) && !RESERVED_BINDINGS.has(safe) ? safe : `_${safe}`;
}

/**
 * Hands out binding names within one module, so two tables can never declare the same name (`foo_1` and
 * `foo1` both PascalCase to `Foo1`). Later claimants get `_2`, `_3`: deterministic because tables arrive in
 * catalog order.
 */
export class NameAllocator {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name); n++) name = `${wanted}_${n}`;
    this.taken.add(name);
    return name;
  }
}

/** Lines of a JSDoc comment; `*\/` inside a description must not end the comment early. */
export function docComment(lines: readonly string[], indent = ''): string[] {
  const text: string[] = [];
  for (const line of lines) {
    // most lines have neither a line break nor `*/`: no split, no replace
    for (const part of /[\r\n]/.test(line) ? line.split(/\r?\n/) : [line]) text.push(part.includes('*/') ? part.replace(/\*\//g, '*\\/') : part);
  }
  if (text.length === 0) return [];
  if (text.length === 1) return [`${indent}/** ${text[0]} */`];
  return [`${indent}/**`, ...text.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`];
}

/**
 * A string literal for SQL text: SQL is full of single quotes, so when it holds one the literal is a
 * template literal (with `\`, backticks, `${` and control characters escaped) to keep the SQL readable.
 */
export function tsSqlString(sql: string): string {
  if (!sql.includes('\'')) return tsString(sql);
  const escaped = sql.replace(/[\\`\u0000-\u001f\u007f\u2028\u2029]|\$\{/g, (c) => {
    if (c === '\\' || c === '`') return `\\${c}`;
    if (c === '${') return '\\${';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `\`${escaped}\``;
}

/** Text for a `//` comment: one line, whatever the definitions hold. */
export function lineCommentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
