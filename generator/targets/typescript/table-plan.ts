/**
 * One table → its declarations in the schema module: row, insert, update and key types for the client,
 * the Kysely table interface(s), the spec the runtime builds statements from, and for reference tables
 * the constants. Per kind (DESIGN.md §3):
 * - reference: get/list/insert/update by its smallint key, which the caller supplies; delete deactivates
 *   (`is_active = false`), since reference rows are never deleted, and `systime` is the database's. Rows a
 *   program inserts that are not in the definitions are deactivated by the next apply;
 * - transactional: get/list/insert/update/delete by its generated key, which is never writable;
 * - temporal: written through the current-state view; versions read from the table and `<view>_as_of(t)`.
 */
import type { Table } from '../../model/catalog.js';
import { qualifiedName } from '../postgres/quote.js';
import { temporalObjectNames } from '../postgres/temporal-names.js';
import { isPeriodColumn, planColumn, type ColumnPlan } from './column-plan.js';
import {
  aliasDeclaration, insertFields, interfaceDeclaration, keyType, kyselyFields, readSpecView, rowFields, writeSpecView,
  type Declaration, type ReadSpecView, type WriteSpecView,
} from './declarations.js';
import { NameAllocator, camelCase, pascalCase, propertyKey, tsString, tsSqlString } from './identifiers.js';
import { referenceConstants } from './reference-constants.js';

export interface SpecView {
  readonly name: string;
  readonly type: 'WriteSpec' | 'TemporalSpec';
  readonly write?: WriteSpecView;
  readonly temporal?: { readonly current: WriteSpecView; readonly versions: ReadSpecView; readonly asOf: string };
}

export interface TableView {
  readonly heading: string;
  readonly declarations: Declaration[];
  readonly spec: SpecView;
  /** Entries of the schema's Kysely `Tables` interface: `'schema.table': XTable`. */
  readonly kysely: { readonly key: string; readonly type: string }[];
  /** The table's entry in the schema's client. */
  readonly client: { readonly key: string; readonly type: string; readonly create: string };
}

/** Type names for one relation (a table, or a temporal table's current-state view). */
interface RelationNames {
  readonly row: string;
  readonly insert: string;
  readonly update: string;
  readonly key: string;
  readonly kysely: string;
}

function relationNames(names: NameAllocator, name: string): RelationNames {
  const base = pascalCase(name);
  return {
    row: names.claim(`${base}Row`),
    insert: names.claim(`${base}Insert`),
    update: names.claim(`${base}Update`),
    key: names.claim(`${base}Key`),
    kysely: names.claim(`${base}Table`),
  };
}

function tableDoc(table: Table, what: string): string[] {
  return [`${table.schema}.${what} (${table.kind}).`, ...(table.description === undefined ? [] : [table.description])];
}

function kyselyKey(schema: string, relation: string): string {
  return tsString(`${schema}.${relation}`);
}

function writeDeclarations(names: RelationNames, columns: readonly ColumnPlan[]): Declaration[] {
  return [
    interfaceDeclaration(names.insert, ['What insert accepts: columns with a default or that allow NULL are optional.'], insertFields(columns)),
    aliasDeclaration(names.update, `Partial<${names.insert}>`, ['What update accepts: any writable column.']),
  ];
}

function referenceView(table: Table, names: NameAllocator): TableView {
  const base = pascalCase(table.name);
  return writableTableView(table, names, 'ReferenceTable', () => referenceConstants(table, {
    rows: names.claim(`${base}Rows`), byName: names.claim(base), keyUnion: names.claim(`${base}Id`), nameUnion: names.claim(`${base}Name`),
  }));
}

function transactionalView(table: Table, names: NameAllocator): TableView {
  return writableTableView(table, names, 'Table');
}

/**
 * Reference and transactional tables share one shape: row, write and key types, a Kysely interface and a
 * client class; a reference table adds its constants (claimed before the spec, so names stay stable).
 */
function writableTableView(
  table: Table, names: NameAllocator, clientClass: 'Table' | 'ReferenceTable', extraDeclarations: () => Declaration[] = () => [],
): TableView {
  const relation = relationNames(names, table.name);
  const columns = table.columns.map((c) => planColumn(table, c));
  const extras = extraDeclarations();
  const spec = names.claim(`${camelCase(table.name)}Spec`);
  const read = readSpecView(qualifiedName(table.schema, table.name), columns, table.primaryKey);
  return {
    heading: `${table.schema}.${table.name}`,
    declarations: [
      interfaceDeclaration(relation.row, tableDoc(table, table.name), rowFields(columns)),
      ...writeDeclarations(relation, columns),
      aliasDeclaration(relation.key, keyType(relation.row, table.primaryKey), ['The primary key.']),
      interfaceDeclaration(relation.kysely, [`${table.schema}.${table.name} for Kysely (pg's default parsing).`], kyselyFields(columns)),
      ...extras,
    ],
    spec: { name: spec, type: 'WriteSpec', write: writeSpecView(read, columns) },
    kysely: [{ key: kyselyKey(table.schema, table.name), type: relation.kysely }],
    client: {
      key: propertyKey(table.name),
      type: `${clientClass}<${relation.row}, ${relation.key}, ${relation.insert}, ${relation.update}>`,
      create: `new ${clientClass}(db, ${spec})`,
    },
  };
}

/**
 * The current-state view shows the open versions without the period columns (DESIGN.md §7), with the
 * table's other columns in their order: the same list the postgres target builds the view from (plan.ts).
 */
function currentViewColumns(table: Table): ColumnPlan[] {
  return table.columns.filter((c) => !isPeriodColumn(table, c)).map((c) => planColumn(table, c));
}

function temporalView(table: Table, names: NameAllocator): TableView {
  const view = table.temporal!.currentView;
  const key = table.temporal!.key;
  const current = relationNames(names, view);
  const versions = { row: names.claim(`${pascalCase(table.name)}Row`), kysely: names.claim(`${pascalCase(table.name)}Table`) };
  const currentColumns = currentViewColumns(table);
  const versionColumns = table.columns.map((c) => planColumn(table, c));
  const spec = names.claim(`${camelCase(table.name)}Spec`);
  const currentRead = readSpecView(qualifiedName(table.schema, view), currentColumns, key);
  return {
    heading: `${table.schema}.${table.name} (current state: ${table.schema}.${view})`,
    declarations: [
      interfaceDeclaration(current.row, tableDoc(table, `${view}, the current state of ${table.name}`), rowFields(currentColumns)),
      ...writeDeclarations(current, currentColumns),
      aliasDeclaration(current.key, keyType(current.row, key), ['The business key.']),
      interfaceDeclaration(versions.row, tableDoc(table, `${table.name}, every version`), rowFields(versionColumns)),
      interfaceDeclaration(current.kysely, [`${table.schema}.${view} for Kysely (pg's default parsing).`], kyselyFields(currentColumns)),
      interfaceDeclaration(versions.kysely, [`${table.schema}.${table.name} for Kysely (pg's default parsing).`], kyselyFields(versionColumns)),
    ],
    spec: {
      name: spec,
      type: 'TemporalSpec',
      temporal: {
        current: writeSpecView(currentRead, currentColumns),
        versions: readSpecView(qualifiedName(table.schema, table.name), versionColumns, key),
        // the postgres target's name: shortened with a hash when `<view>_as_of` exceeds 63 bytes
        asOf: tsSqlString(qualifiedName(table.schema, temporalObjectNames(table.name, view).asOfFunction)),
      },
    },
    kysely: [
      { key: kyselyKey(table.schema, table.name), type: versions.kysely },
      { key: kyselyKey(table.schema, view), type: current.kysely },
    ],
    client: {
      key: propertyKey(table.name),
      type: `TemporalTable<${current.row}, ${versions.row}, ${current.key}, ${current.insert}, ${current.update}>`,
      create: `new TemporalTable(db, ${spec})`,
    },
  };
}

const VIEWS = { reference: referenceView, transactional: transactionalView, temporal: temporalView } as const;

export function tableView(table: Table, names: NameAllocator): TableView {
  return VIEWS[table.kind](table, names);
}
