/**
 * Render-ready pieces of TypeScript source: what templates/typescript/schema.ts.hbs lays out. The target
 * decides names, types, quoting and order here; the template only places them.
 */
import { quoteIdent } from '../postgres/quote.js';
import type { ColumnPlan } from './column-plan.js';
import { docComment, propertyKey, tsSqlString, tsString } from './identifiers.js';

export interface FieldView {
  readonly doc: string[];
  readonly key: string;
  readonly optional: boolean;
  readonly type: string;
}

export interface Declaration {
  readonly doc: string[];
  readonly interface?: { readonly name: string; readonly fields: FieldView[] };
  readonly alias?: { readonly name: string; readonly type: string };
  readonly constant?: { readonly name: string; readonly value: string };
}

export interface ReadSpecView {
  readonly relation: string;
  readonly select: string;
  readonly columns: { readonly key: string; readonly sql: string }[];
  readonly key: string;
  readonly json: string;
}

export interface WriteSpecView extends ReadSpecView {
  readonly writable: string;
}

export function interfaceDeclaration(name: string, doc: readonly string[], fields: FieldView[]): Declaration {
  return { doc: docComment(doc), interface: { name, fields } };
}

export function aliasDeclaration(name: string, type: string, doc: readonly string[] = []): Declaration {
  return { doc: docComment(doc), alias: { name, type } };
}

/** The rows the client returns: every column, documented with its logical type and description. */
export function rowFields(columns: readonly ColumnPlan[]): FieldView[] {
  return columns.map((c) => ({ doc: docComment([c.doc], '  '), key: propertyKey(c.name), optional: false, type: c.rowType }));
}

/** What the client may write: only writable columns; those with a default or NULL allowed are optional. */
export function insertFields(columns: readonly ColumnPlan[]): FieldView[] {
  return columns.filter((c) => c.writeType !== undefined)
    .map((c) => ({ doc: [], key: propertyKey(c.name), optional: c.optionalOnInsert, type: c.writeType! }));
}

export function kyselyFields(columns: readonly ColumnPlan[]): FieldView[] {
  return columns.map((c) => ({ doc: [], key: propertyKey(c.name), optional: false, type: c.kyselyType }));
}

/** `Pick<Row, 'a' | 'b'>`: the key type, always an object so composite keys read like single ones. */
export function keyType(rowName: string, key: readonly string[]): string {
  return `Pick<${rowName}, ${key.map(tsString).join(' | ')}>`;
}

export function stringList(values: readonly string[]): string {
  return `[${values.map(tsString).join(', ')}]`;
}

/** `relation` is already quoted (qualifiedName). */
export function readSpecView(relation: string, columns: readonly ColumnPlan[], key: readonly string[]): ReadSpecView {
  return {
    relation: tsSqlString(relation),
    select: tsSqlString(columns.map((c) => c.selectSql).join(', ')),
    columns: columns.map((c) => ({ key: propertyKey(c.name), sql: tsSqlString(quoteIdent(c.name)) })),
    key: stringList(key),
    json: stringList(columns.filter((c) => c.json).map((c) => c.name)),
  };
}

export function writeSpecView(read: ReadSpecView, columns: readonly ColumnPlan[]): WriteSpecView {
  return {
    ...read,
    writable: stringList(columns.filter((c) => c.writeType !== undefined).map((c) => c.name)),
  };
}
