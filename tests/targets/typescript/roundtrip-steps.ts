/**
 * Generic steps of the round-trip test, driven by the Catalog: a row for every table (references bound to
 * seeded or already inserted rows, cycles closed by a later update), one update each, and deletion in an
 * order the foreign keys allow.
 */
import { expect } from 'vitest';
import type { Column, ColumnDefault, Table } from '../../../generator/model/catalog.js';
import { isClientWritable } from '../../../generator/targets/typescript/column-plan.js';
import { comparable, sampleValue } from './samples.js';

type Row = Record<string, any>;

/** The generated table clients, untyped: the test walks every table of every fixture. */
export interface AnyTableClient {
  get(key: Row): Promise<Row | undefined>;
  list(options?: Row): Promise<Row[]>;
  current(options?: Row): Promise<Row[]>;
  history(key: Row): Promise<Row[]>;
  asOf(at: string | Date, options?: Row): Promise<Row[]>;
  insert(row: Row): Promise<Row>;
  update(key: Row, patch: Row): Promise<Row | undefined>;
  delete(key: Row): Promise<boolean>;
}

export interface Inserted {
  readonly table: Table;
  readonly client: AnyTableClient;
  readonly row: Row;
  readonly key: Row;
  readonly n: number;
}

const id = (schema: string, name: string) => `${schema}.${name}`;
let counter = 0;

function writable(table: Table): Column[] {
  return table.columns.filter((c) => isClientWritable(table, c));
}

/** Far above the seeded keys of the fixtures' reference tables (smallint: at most 32767). */
const REFERENCE_KEY_OFFSET = 20_000;

/**
 * A reference table's checked column (`sign IN (-1, 1)`, a hex colour) takes the value of a seeded row,
 * which satisfies the check; the samples do not know these checks. Not updated, for the same reason.
 */
function seededValue(table: Table, column: Column): Value | undefined {
  if (table.kind !== 'reference' || column.check === undefined) return undefined;
  const row = table.rows.find((r) => column.name in r.values);
  if (!row) return undefined;
  const value = row.values[column.name];
  const exact = value === null || ['smallint', 'integer', 'boolean', 'text', 'varchar'].includes(column.type.name);
  return { write: value, read: exact ? value : expect.anything() };
}

/** A sample for the column; a reference table's key (the caller's, never generated) clear of the seeded keys. */
function ownValue(table: Table, column: Column, n: number): Value {
  const keyed = table.kind === 'reference' && table.primaryKey.includes(column.name);
  return seededValue(table, column) ?? sampleValue(column, keyed ? REFERENCE_KEY_OFFSET + n : n);
}

/** Foreign keys a row cannot be inserted without: NOT NULL, checked at once, to another table. */
function hardTargets(table: Table): string[] {
  return table.columns.flatMap((c) => {
    const r = c.references;
    return r && !r.logical && !c.nullable && !r.deferrable && id(r.schema, r.table) !== id(table.schema, table.name)
      ? [id(r.schema, r.table)] : [];
  });
}

/** Tables ordered so that every hard foreign key's target comes first. */
export function rowOrder(tables: readonly Table[]): Table[] {
  const byId = new Map(tables.map((t) => [id(t.schema, t.name), t]));
  const done = new Set<string>();
  const ordered: Table[] = [];
  const visit = (table: Table) => {
    const key = id(table.schema, table.name);
    if (done.has(key)) return;
    done.add(key);
    for (const target of hardTargets(table)) if (byId.has(target)) visit(byId.get(target)!);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

/** What a literal default reads back as, for the types whose reading is a primitive. */
function defaultRead(column: Column, value: ColumnDefault): unknown {
  if (value.kind !== 'literal' || value.value === null) return value.kind === 'literal' ? null : undefined;
  if (['bigint', 'numeric'].includes(column.type.name)) return String(value.value);
  return ['smallint', 'integer', 'boolean', 'text', 'varchar', 'uuid'].includes(column.type.name) ? value.value : undefined;
}

interface Patch { readonly column: string; readonly target: string; readonly targetColumn: string }

export async function insertAll(tables: readonly Table[], clientOf: (t: Table) => AnyTableClient, seeded: (t: Table) => Table | undefined): Promise<Inserted[]> {
  const inserted = new Map<string, Inserted>();
  const patches: [Inserted, Patch][] = [];
  for (const table of rowOrder(tables)) {
    const n = ++counter;
    const values: Row = {};
    const expected: Row = {};
    const pending: Patch[] = [];
    for (const column of writable(table)) {
      if (column.default !== undefined && !table.temporal?.key.includes(column.name)) {
        const read = defaultRead(column, column.default);
        if (read !== undefined) expected[column.name] = read;
        continue;
      }
      const value: Value = referencedValue(table, column, inserted, seeded) ?? ownValue(table, column, n);
      if (value.pending) pending.push({ column: column.name, ...value.pending });
      values[column.name] = value.write;
      expected[column.name] = value.read;
    }
    const client = clientOf(table);
    const row = await client.insert(values);
    expect(mapValues(row, comparable), table.name).toMatchObject(mapValues(expected, comparable));
    const keyColumns = table.temporal ? table.temporal.key : table.primaryKey;
    const key = Object.fromEntries(keyColumns.map((k) => [k, row[k]]));
    expect(await client.get(key), table.name).toEqual(row);
    expect(await (table.temporal ? client.current : client.list).call(client, { where: values, limit: 2 }), `${table.name} filtered by every written value`).toEqual([row]);
    const entry = { table, client, row, key, n };
    inserted.set(id(table.schema, table.name), entry);
    patches.push(...pending.map((p) => [entry, p] as [Inserted, Patch]));
  }
  for (const [entry, patch] of patches) {
    const value = inserted.get(patch.target)!.row[patch.targetColumn];
    const row = await entry.client.update(entry.key, { [patch.column]: value });
    expect(row?.[patch.column], `${entry.table.name}.${patch.column} closes the cycle`).toEqual(value);
    Object.assign(entry.row, row);
  }
  return [...inserted.values()];
}

type Value = { readonly write: unknown; readonly read: unknown; readonly pending?: Omit<Patch, 'column'> };

/** A value for a reference: a seeded key, an inserted row's key, or (not inserted yet) NULL or a placeholder to patch. */
function referencedValue(table: Table, column: Column, inserted: ReadonlyMap<string, Inserted>, seeded: (t: Table) => Table | undefined): Value | undefined {
  const reference = column.references;
  if (!reference || reference.logical) return undefined;
  const target = id(reference.schema, reference.table);
  const targetTable = { schema: reference.schema, name: reference.table } as Table;
  const rows = seeded(targetTable)?.rows;
  if (rows?.length) return { write: rows[0].values[reference.column], read: rows[0].values[reference.column] };
  const row = inserted.get(target)?.row;
  if (row) return { write: row[reference.column], read: row[reference.column] };
  if (column.nullable) return { write: null, read: null };
  const placeholder = sampleValue(column, 0);
  return { ...placeholder, read: expect.anything(), pending: { target, targetColumn: reference.column } };
}

/** One update per row, of a plain column to a new value; returns the rows as updated. */
export async function updateEach(rows: readonly Inserted[]): Promise<Row[]> {
  const updated: Row[] = [];
  for (const entry of rows) {
    const { table } = entry;
    const keys = table.temporal ? table.temporal.key : table.primaryKey;
    const column = writable(table).find((c) => !keys.includes(c.name) && !c.references && !c.unique && !seededValue(table, c) &&
      JSON.stringify(sampleValue(c, entry.n).write) !== JSON.stringify(sampleValue(c, entry.n + 51).write));
    if (!column) {
      updated.push(entry.row);
      continue;
    }
    const sample = sampleValue(column, entry.n + 51);
    const row = await entry.client.update(entry.key, { [column.name]: sample.write });
    expect(comparable(row?.[column.name]), `${table.name}.${column.name}`).toEqual(comparable(sample.read));
    expect(await entry.client.get(entry.key)).toEqual(row);
    updated.push(row!);
  }
  return updated;
}

/** Nullable references first set to NULL, then rows deleted dependants first. */
export async function deleteAll(rows: readonly Inserted[]): Promise<void> {
  for (const entry of rows) {
    const nullable = entry.table.columns.filter((c) => c.references && !c.references.logical && c.nullable);
    if (nullable.length) await entry.client.update(entry.key, Object.fromEntries(nullable.map((c) => [c.name, null])));
  }
  for (const entry of [...rows].reverse()) await entry.client.delete(entry.key);
}

function mapValues(row: Row, map: (value: unknown) => unknown): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, map(v)]));
}
