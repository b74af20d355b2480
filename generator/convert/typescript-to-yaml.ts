/**
 * A TypeScript definition rewritten as YAML: the value it evaluates to (so computed parts are written out),
 * with the comments of literal properties carried over as `#` comments, and the flow style a person would
 * write (one line per column given as a mapping, per row, per key list).
 */
import ts from 'typescript';
import { CORE_SCHEMA, load } from 'js-yaml';
import { Document, isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';

const ONE_LINE_PARENTS = new Set(['columns', 'rows', 'indexes']);
const ONE_LINE_KEYS = new Set(['primary_key', 'key', 'extensions', 'columns']);

export function typeScriptToYaml(value: unknown, sourceText: string, schemaComment?: string): string {
  const document = new Document(value);
  const source = ts.createSourceFile('definition.ts', sourceText, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const literal = findDefinitionLiteral(source);
  if (literal) carryComments(document.contents as Node, literal, source);
  styleForPeople(document.contents as Node, undefined);
  quoteWhatReadsOtherwise(document.contents as Node);
  const header = [...(schemaComment ? [` ${schemaComment}`] : []), ...headerComments(source)];
  if (header.length > 0) document.commentBefore = header.join('\n');
  return document.toString({ lineWidth: 0 });
}

function styleForPeople(node: Node, parentKey: string | undefined): void {
  if (isMap(node)) {
    if (parentKey !== undefined && ONE_LINE_PARENTS.has(parentKey)) {
      for (const pair of node.items) if (isMap(pair.value) || isSeq(pair.value)) (pair.value as YAMLMap).flow = true;
      return;
    }
    for (const pair of node.items) {
      const keyName = isScalar(pair.key) ? String(pair.key.value) : '';
      // a key list on one line, unless comments ride on its items: a flow list keeps them only across lines
      if (isSeq(pair.value) && ONE_LINE_KEYS.has(keyName)) pair.value.flow = !pair.value.items.some((i) => (i as Node).comment || (i as Node).commentBefore);
      else styleForPeople(pair.value as Node, keyName);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      if (isMap(item) && parentKey !== undefined && ONE_LINE_PARENTS.has(parentKey)) {
        if (parentKey === 'rows') item.flow = true;
        else styleForPeople(item, undefined);
      }
    }
  }
}

/**
 * `yaml` writes a string plain when YAML 1.2's core schema reads it back as that string, but lakegen reads
 * definitions with js-yaml, whose core schema also takes `0b101`, `0o17` and `+0x1` for numbers: such a string is
 * quoted, so the converted file holds the same value.
 */
function quoteWhatReadsOtherwise(node: Node | null): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string' && !readsBackAs(node.value)) node.type = 'QUOTE_SINGLE';
  } else if (isMap(node)) {
    for (const pair of node.items) {
      quoteWhatReadsOtherwise(pair.key as Node);
      quoteWhatReadsOtherwise(pair.value as Node);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) quoteWhatReadsOtherwise(item as Node);
  }
}

function readsBackAs(text: string): boolean {
  try {
    return load(text, { schema: CORE_SCHEMA }) === text;
  } catch {
    return true; // not a value on its own (e.g. `a: b`): `yaml` quotes what it must
  }
}

function carryComments(node: Node, literal: ts.Node, source: ts.SourceFile): void {
  const text = source.getFullText();
  if (isMap(node) && ts.isObjectLiteralExpression(literal)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const property = literal.properties.find((p) => p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === String((pair.key as { value: unknown }).value));
      if (!property) continue;
      const comments = (ts.getLeadingCommentRanges(text, property.getFullStart()) ?? []).map((r) => commentText(text.slice(r.pos, r.end)));
      if (comments.length > 0) (pair.key as Node).commentBefore = comments.join('\n');
      const trailing = trailingComment(text, property.end);
      if (trailing && pair.value) (pair.value as Node).comment = trailing;
      if (ts.isPropertyAssignment(property)) carryComments(pair.value as Node, unwrap(property.initializer), source);
    }
    // a comment after the last property, before the closing brace
    const afterLast = literal.properties.end + (/^\s*,/.exec(text.slice(literal.properties.end))?.[0].length ?? 0);
    const closing = (ts.getLeadingCommentRanges(text, afterLast) ?? []).map((r) => commentText(text.slice(r.pos, r.end)));
    if (closing.length > 0) node.comment = closing.join('\n');
  } else if (isSeq(node) && ts.isArrayLiteralExpression(literal)) {
    node.items.forEach((item, index) => {
      const element = literal.elements[index];
      if (!element) return;
      const before = (ts.getLeadingCommentRanges(text, element.getFullStart()) ?? []).map((r) => commentText(text.slice(r.pos, r.end)));
      if (before.length > 0) (item as Node).commentBefore = before.join('\n');
      const trailing = trailingComment(text, element.end);
      if (trailing && isScalar(item)) item.comment = trailing;
      carryComments(item as Node, unwrap(element), source);
    });
  }
}

/** A `// …` on the same line after an element or property (and its comma). */
function trailingComment(text: string, end: number): string | undefined {
  const afterComma = text[end] === ',' ? end + 1 : end;
  const ranges = ts.getTrailingCommentRanges(text, afterComma) ?? [];
  return ranges.length > 0 ? ranges.map((r) => commentText(text.slice(r.pos, r.end))).join(' ') : undefined;
}

function commentText(raw: string): string {
  const lines = raw.startsWith('//') ? [raw.slice(2)] : raw.replace(/^\/\*+|\*+\/$/g, '').split('\n').map((l) => l.replace(/^\s*\* ?/, ' '));
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** The definition's object literal: the default export's, or that of the const it names (`export default two`). */
function findDefinitionLiteral(source: ts.SourceFile): ts.Node | undefined {
  const statement = source.statements.find(ts.isExportAssignment);
  if (!statement) return undefined;
  const exported = unwrap(statement.expression);
  if (!ts.isIdentifier(exported)) return exported;
  const declaration = constDeclaration(source, exported.text);
  return declaration?.initializer ? unwrap(declaration.initializer) : exported;
}

function constDeclaration(source: ts.SourceFile, name: string): ts.VariableDeclaration | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const found = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
    if (found) return found;
  }
  return undefined;
}

/**
 * The file's own comments, for the top of the YAML: those above its first statement (a header above the
 * imports) and those above the statement that builds the definition (a JSDoc on `export default`, or on the
 * const it exports).
 */
function headerComments(source: ts.SourceFile): string[] {
  const text = source.getFullText();
  const statements = [source.statements[0], source.statements.find(ts.isExportAssignment)];
  const exported = statements[1] && unwrap((statements[1] as ts.ExportAssignment).expression);
  if (exported && ts.isIdentifier(exported)) statements.push(constDeclaration(source, exported.text)?.parent.parent as ts.Statement | undefined);
  const seen = new Set<number>();
  const comments: string[] = [];
  for (const statement of statements) {
    if (!statement) continue;
    for (const range of ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      comments.push(commentText(text.slice(range.pos, range.end)));
    }
  }
  return comments;
}

function unwrap(node: ts.Node): ts.Node {
  for (;;) {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
    else if (ts.isCallExpression(node) && node.arguments[0]) node = node.arguments[0];
    else return node;
  }
}
