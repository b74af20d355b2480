/**
 * The DSL in TypeScript: `export default table({ … })` in a `<table>.ts` file is the same definition as the YAML
 * file would be. The types describe the DSL precisely (kinds as a discriminated union, type spellings as
 * template literals) so the editor checks a definition as it is typed; tests/dsl/authoring-types.test.ts keeps
 * them and dsl.schema.json accepting and rejecting the same documents.
 */

type Sized = `varchar(${number})` | `char(${number})` | `numeric(${number},${number})` | `numeric(${number})`;
export type BaseType =
  | 'smallint' | 'integer' | 'bigint' | 'uuid' | 'text' | 'numeric' | 'real' | 'double' | 'boolean'
  | 'date' | 'time' | 'timestamp' | 'timestamptz' | 'interval' | 'jsonb' | 'bytea' | Sized;
/** A logical type; a trailing `?` makes the column nullable. */
export type TypeSpec = BaseType | `${BaseType}?`;

export type Scalar = string | number | boolean | null;
/** A reference row's value: a scalar, or for a jsonb column a JSON value written as an object or array. */
export type RowValue = Scalar | readonly RowValue[] | { readonly [key: string]: RowValue };
export type ReferentialAction = 'restrict' | 'cascade' | 'set_null' | 'set_default' | 'no_action';
/** `schema.table` or `schema.table.column`. */
export type TableReference = `${string}.${string}`;

export interface ColumnDefinition {
  type: TypeSpec;
  nullable?: boolean;
  unique?: boolean;
  /** A literal value (quoted by the compiler) or `{ sql }`, an SQL expression written as is. */
  default?: Scalar | { sql: string };
  /** An SQL boolean expression, written verbatim. */
  check?: string;
  description?: string;
  references?: TableReference;
  on_delete?: ReferentialAction;
  on_update?: ReferentialAction;
  deferrable?: boolean;
  /** A documented relationship without a foreign key (required when referencing a temporal table). */
  logical?: boolean;
}

export type ColumnSpec = TypeSpec | ColumnDefinition;

export interface IndexDefinition {
  name?: string;
  columns: [string, ...string[]];
  unique?: boolean;
}

interface TableCommon {
  $schema?: string;
  name: string;
  description?: string;
  columns: Record<string, ColumnSpec>;
  indexes?: IndexDefinition[];
}

export interface ReferenceTableDefinition extends TableCommon {
  kind: 'reference';
  primary_key?: [string, ...string[]];
  /** Seeded rows, upserted by key. A jsonb column takes any JSON value; a string is JSON text. */
  rows?: Record<string, RowValue>[];
}

export interface TransactionalTableDefinition extends TableCommon {
  kind: 'transactional';
  primary_key?: [string, ...string[]];
}

export interface TemporalTableDefinition extends TableCommon {
  kind: 'temporal';
  /** The business key; the primary key becomes (key…, sys_start). */
  key: [string, ...string[]];
  /** The current-state view; default: the name without `_hist`. */
  current_view?: string;
}

export type TableDefinition = ReferenceTableDefinition | TransactionalTableDefinition | TemporalTableDefinition;

export interface SchemaDefinition {
  $schema?: string;
  name: string;
  layer?: 'bronze' | 'silver' | 'gold';
  description?: string;
}

export interface DatabaseDefinition {
  $schema?: string;
  name: string;
  description?: string;
  extensions?: string[];
}

/**
 * Identity functions: they exist so the editor checks the object against the DSL's types. Not generic on
 * purpose: a generic parameter would infer a misspelled key into the type instead of reporting it.
 */
export function table(definition: TableDefinition): TableDefinition {
  return definition;
}

export function schema(definition: SchemaDefinition): SchemaDefinition {
  return definition;
}

export function database(definition: DatabaseDefinition): DatabaseDefinition {
  return definition;
}
