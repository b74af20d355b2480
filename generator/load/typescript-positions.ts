/**
 * Maps a path into a TypeScript definition's value to the source position that wrote it. The compiler module
 * is passed in: it is loaded only when a diagnostic needs a position.
 */
import type TypeScript from 'typescript';
import type { PathSegment, SpanPart } from './source-document.js';

type Ts = typeof TypeScript;
type Node = TypeScript.Node;
type SourceFile = TypeScript.SourceFile;

const AUTHORING_FUNCTIONS = new Set(['table', 'schema', 'database']);

export function locateInTypeScript(ts: Ts, source: SourceFile, path: readonly PathSegment[], part: SpanPart): number {
  let node: Node | undefined = defaultExportValue(ts, source);
  if (!node) return 0;
  for (let i = 0; i < path.length; i++) {
    const current = unwrap(ts, node, source);
    const segment = path[i];
    if (ts.isObjectLiteralExpression(current)) {
      const property = current.properties.find((p) => propertyName(ts, p) === String(segment));
      if (!property) return current.getStart(source);
      if (i === path.length - 1 && part === 'key') return property.name!.getStart(source);
      node = ts.isPropertyAssignment(property) ? property.initializer : property;
    } else if (ts.isArrayLiteralExpression(current) && typeof segment === 'number') {
      const element = current.elements[segment];
      if (!element || ts.isSpreadElement(element)) return current.getStart(source);
      node = element;
    } else {
      return current.getStart(source);
    }
  }
  return unwrap(ts, node, source).getStart(source);
}

function defaultExportValue(ts: Ts, source: SourceFile): TypeScript.Expression | undefined {
  return source.statements.find(ts.isExportAssignment)?.expression;
}

/** Sees through `table(…)`, parentheses, `as`, `satisfies`, and a `const` declared in the same file. */
function unwrap(ts: Ts, start: Node, source: SourceFile): Node {
  let node = start;
  for (;;) {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
    else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && AUTHORING_FUNCTIONS.has(node.expression.text) && node.arguments[0]) node = node.arguments[0];
    else if (ts.isIdentifier(node)) {
      const declaration = findConst(ts, source, node.text);
      if (!declaration) return node;
      node = declaration;
    } else return node;
  }
}

function findConst(ts: Ts, source: SourceFile, name: string): TypeScript.Expression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) return declaration.initializer;
    }
  }
  return undefined;
}

function propertyName(ts: Ts, property: TypeScript.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}
