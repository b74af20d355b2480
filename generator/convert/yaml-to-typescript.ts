/**
 * A YAML definition rewritten as TypeScript: the same value as an object literal passed to table(), schema()
 * or database(), with the YAML comments carried over as `//` comments. Flow mappings stay on one line, as they
 * were written.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar } from 'yaml';
import { EXACT_TYPES, writtenDigits } from '../model/row-values.js';
import { parseTypeSpec } from '../model/logical-type.js';
import type { DocumentRole } from '../load/source-document.js';

const MODELINE = /^\s*yaml-language-server:/;

export function yamlToTypeScript(text: string, role: DocumentRole): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new Error(document.errors[0].message.split('\n')[0]);
  const lines = [`import { ${role} } from 'lakegen';`, ''];
  lines.push(...commentLines(document.commentBefore, ''));
  const exact = exactColumns(document.contents as Node);
  lines.push(`export default ${role}(${literal(document.contents as Node, '', [], exact)});`);
  if (document.comment) lines.push(...commentLines(document.comment, ''));
  return `${lines.join('\n')}\n`;
}

function literal(node: Node | null, indent: string, path: readonly (string | number)[], exact: ReadonlySet<string>): string {
  if (node === null || node === undefined) return 'null';
  if (isScalar(node)) return scalar(loaderValue(node, keepsDigits(path, exact)));
  if (isSeq(node)) {
    const commented = node.commentBefore || node.items.some((item) => (item as Node).commentBefore || (item as Node).comment);
    if ((node.flow || node.items.every((item) => isScalar(item))) && !commented) {
      return `[${node.items.map((item, i) => literal(item as Node, indent, [...path, i], exact)).join(', ')}]`;
    }
    const inner = `${indent}  `;
    // as for mappings, `yaml` may keep a comment above the first item on the sequence itself
    const leading = commentLines(node.commentBefore, inner);
    const items = node.items.map((item, i) => {
      const { commentBefore, comment } = item as Node;
      const before = commentLines(commentBefore, inner).map((l) => `${l}\n`).join('');
      return `${before}${inner}${literal(item as Node, inner, [...path, i], exact)},${isScalar(item) ? trailingComment(comment, inner) : ''}`;
    });
    return `[\n${[...leading, ...items].join('\n')}\n${indent}]`;
  }
  if (isMap(node)) {
    if (node.flow) return `{ ${node.items.map((pair) => `${key(pair)}: ${literal(pair.value as Node, indent, [...path, keyName(pair)], exact)}`).join(', ')} }`;
    const inner = `${indent}  `;
    // `yaml` keeps a comment above a nested mapping's first entry on the mapping itself
    const leading = commentLines(node.commentBefore, inner);
    const entries = node.items.map((pair) => entry(pair, inner, [...path, keyName(pair)], exact));
    return `{\n${[...leading, ...entries].join('\n')}\n${indent}}`;
  }
  throw new Error('unsupported YAML node (aliases are not converted)');
}

function entry(pair: Pair, indent: string, path: readonly (string | number)[], exact: ReadonlySet<string>): string {
  const keyNode = pair.key as Node;
  const valueNode = pair.value as Node | null;
  const before = commentLines(keyNode?.commentBefore, indent);
  const trailing = valueNode?.comment ?? keyNode?.comment;
  const line = `${indent}${key(pair)}: ${literal(valueNode, indent, path, exact)},${trailingComment(trailing, indent)}`;
  return [...before, line].join('\n');
}

/**
 * A comment after a value: its first line on the value's line, every further line (a comment block after the
 * last entry, which `yaml` gives to the value) on a line of its own — each line its own `//`, or the TypeScript
 * would not parse.
 */
function trailingComment(comment: string | null | undefined, indent: string): string {
  if (!comment) return '';
  const [first, ...rest] = comment.split('\n');
  return [` //${first}`, ...commentLines(rest.join('\n') || null, indent).map((l) => `\n${l}`)].join('');
}

function keyName(pair: Pair): string {
  return String(isScalar(pair.key) ? loaderValue(pair.key, false) : pair.key);
}

/**
 * Whether a number at this path keeps the digits written: a row value or default of a column whose type keeps
 * every digit (numeric, the integers), as the loader reads them (row-values.ts withWrittenDigits). A double
 * column or a number inside a jsonb value is a double there too.
 */
function keepsDigits(path: readonly (string | number)[], exact: ReadonlySet<string>): boolean {
  if (path.length !== 3) return false;
  return (path[0] === 'rows' && exact.has(String(path[2]))) || (path[0] === 'columns' && path[2] === 'default' && exact.has(String(path[1])));
}

/** The columns whose type keeps every digit, from the document's `columns:`. */
function exactColumns(root: Node | null): Set<string> {
  const exact = new Set<string>();
  const columns = isMap(root) ? root.get('columns', true) : undefined;
  if (!isMap(columns)) return exact;
  for (const pair of columns.items) {
    const spec = isScalar(pair.value) ? pair.value.value : isMap(pair.value) ? pair.value.get('type') : undefined;
    const parsed = typeof spec === 'string' ? parseTypeSpec(spec) : undefined;
    if (parsed && 'type' in parsed && EXACT_TYPES.has(parsed.type.name)) exact.add(keyName(pair));
  }
  return exact;
}

function key(pair: Pair): string {
  const name = keyName(pair);
  // `__proto__: …` in an object literal sets the prototype; a computed key is a key
  if (name === '__proto__') return `['__proto__']`;
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : scalar(name);
}

/**
 * A scalar as lakegen's loader reads it: js-yaml's core schema, where `0b101` is a number (yaml's YAML 1.2
 * core reads a string); and a number with more digits than a double holds as its written text, which a
 * TypeScript number literal would round (the loader keeps those digits, row-values.ts withWrittenDigits).
 */
function loaderValue(node: Scalar, keepDigits: boolean): unknown {
  if (node.type !== 'PLAIN' || typeof node.source !== 'string') return node.value;
  let value: unknown;
  try {
    value = load(node.source, { schema: CORE_SCHEMA });
  } catch {
    return node.value;
  }
  if (keepDigits && typeof value === 'number' && Number.isFinite(value)) return writtenDigits(node.source, value) ?? value;
  return value;
}


function scalar(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  if (value === null || value === undefined) return 'null';
  return String(value);
}

function commentLines(comment: string | null | undefined, indent: string): string[] {
  if (!comment) return [];
  return comment.split('\n').filter((line) => !MODELINE.test(line)).map((line) => `${indent}//${line}`);
}
