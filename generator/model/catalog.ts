/**
 * The Catalog: the one model every check and target works on. Built by resolve(), frozen afterwards;
 * targets never re-read definitions or re-derive kinds.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { LogicalType } from './logical-type.js';

export type TableKind = 'reference' | 'transactional' | 'temporal';
export type Layer = 'bronze' | 'silver' | 'gold';
export type ReferentialAction = 'restrict' | 'cascade' | 'set_null' | 'set_default' | 'no_action';
export type Scalar = string | number | boolean | null;

export type ColumnDefault =
  | { readonly kind: 'literal'; readonly value: Scalar }
  | { readonly kind: 'sql'; readonly sql: string };

/** Why a column exists: written by the user, or added by the table's kind (DESIGN.md §3). */
export type ColumnOrigin = 'user' | 'kind';

export interface ColumnReference {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable: boolean;
  /** A documented relationship that no database constraint enforces (required for temporal targets). */
  readonly logical: boolean;
  readonly span: SourceSpan;
}

export interface Column {
  readonly name: string;
  readonly type: LogicalType;
  readonly nullable: boolean;
  readonly default?: ColumnDefault;
  readonly unique: boolean;
  readonly check?: string;
  readonly description?: string;
  readonly references?: ColumnReference;
  readonly origin: ColumnOrigin;
  /** The column's name in its definition (for kind columns: the table's `kind:`). */
  readonly span: SourceSpan;
  /** The column's type spelling. */
  readonly typeSpan: SourceSpan;
}

export interface Index {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
  readonly span: SourceSpan;
}

export interface TemporalSpec {
  readonly key: readonly string[];
  readonly currentView: string;
}

export interface ReferenceRow {
  /** Values by column name, already coerced to the column's logical type; absent columns take their default. */
  readonly values: Readonly<Record<string, Scalar>>;
  readonly span: SourceSpan;
  readonly valueSpans: Readonly<Record<string, SourceSpan>>;
  /** Its place among the table's rows as written (`rows:` first, then the CSV), counting invalid rows too. */
  readonly ordinal: number;
}

/** Positions of a table's parts, for diagnostics that point at the exact key. */
export interface TableSpans {
  readonly name: SourceSpan;
  readonly kind: SourceSpan;
  readonly primaryKey: SourceSpan;
  readonly key: SourceSpan;
}

export interface Table {
  readonly database: string;
  readonly schema: string;
  readonly name: string;
  readonly kind: TableKind;
  readonly description?: string;
  readonly columns: readonly Column[];
  readonly primaryKey: readonly string[];
  readonly indexes: readonly Index[];
  readonly temporal?: TemporalSpec;
  readonly rows: readonly ReferenceRow[];
  /** The file that defines the table (line 1). */
  readonly span: SourceSpan;
  readonly spans: TableSpans;
  /** The definition file, relative to the definitions folder, without extension (.yaml or .ts). */
  readonly source: string;
  /** The table's folder under tables/, which should equal `schema`. */
  readonly fileStem: string;
}

export interface Schema {
  readonly database: string;
  readonly name: string;
  readonly fileStem: string;
  readonly nameSpan: SourceSpan;
  readonly layer?: Layer;
  readonly description?: string;
  readonly tables: readonly Table[];
  readonly span: SourceSpan;
  readonly source: string;
}

export interface Database {
  readonly name: string;
  /** The database's folder name, which should equal `name`. */
  readonly fileStem: string;
  readonly nameSpan: SourceSpan;
  readonly description?: string;
  readonly extensions: readonly string[];
  readonly schemas: readonly Schema[];
  readonly span: SourceSpan;
  readonly source: string;
}

export interface Catalog {
  readonly databases: readonly Database[];
}

export function tableId(table: { schema: string; name: string }): string {
  return `${table.schema}.${table.name}`;
}

export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

export function allTables(database: Database): Table[] {
  return database.schemas.flatMap((s) => s.tables);
}

export function findTable(database: Database, schema: string, name: string): Table | undefined {
  return tableIndex(database).get(`${schema}.${name}`);
}

// The Catalog is frozen, so an index built once per database stays right; checks and targets look tables up
// once per reference, which a scan made quadratic at thousands of tables.
const tableIndexes = new WeakMap<Database, Map<string, Table>>();
function tableIndex(database: Database): Map<string, Table> {
  let index = tableIndexes.get(database);
  if (!index) {
    index = new Map();
    for (const schema of database.schemas) {
      for (const table of schema.tables) if (!index.has(`${schema.name}.${table.name}`)) index.set(`${schema.name}.${table.name}`, table);
    }
    tableIndexes.set(database, index);
  }
  return index;
}
