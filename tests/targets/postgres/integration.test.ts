/**
 * The generated SQL of the example and of every fixture runs on a real PostgreSQL in a fresh database, twice in
 * a row (idempotent), and the live catalog then matches the definitions: tables, column types, nullability,
 * defaults, keys, indexes, foreign keys, comments, reference rows.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Column, Table } from '../../../generator/model/catalog.js';
import { foreignKeyName, primaryKeyName } from '../../../generator/model/naming.js';
import { postgresCatalogType } from '../../../generator/targets/postgres/types.js';
import { catalogOf, plansOf, runPlan } from '../../support/apply-plan.js';
import { REPO_ROOT } from '../../support/binary.js';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { FIXTURES, FIXTURE_NAMES } from '../../support/golden.js';

const PROJECTS: [string, string][] = [['definitions', REPO_ROOT], ...FIXTURE_NAMES.map((f): [string, string] => [f, join(FIXTURES, f)])];

describe.each(PROJECTS)('postgres output of %s on a real server', (name, root) => {
  let db: TestDatabase;
  let catalog: Catalog;

  beforeAll(async () => {
    db = await freshDatabase(`pg_${name}`);
    catalog = await catalogOf(root);
  });
  afterAll(async () => db?.drop());

  it('runs twice in a row without error', async () => {
    for (const plan of plansOf(catalog)) {
      await runPlan(db, plan);
      await runPlan(db, plan);
    }
  });

  it('creates every table with its columns, types, nullability and defaults', async () => {
    for (const table of tables(catalog)) {
      const { rows } = await db.query<{ name: string; type: string; not_null: boolean; default: string | null }>(`
        SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
               pg_get_expr(d.adbin, d.adrelid) AS default
          FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`, [regclass(table)]);
      expect(rows.map((r) => r.name), table.name).toEqual(table.columns.map((c) => c.name));
      for (const column of table.columns) {
        const live = rows.find((r) => r.name === column.name)!;
        expect({ column: column.name, type: live.type, notNull: live.not_null }).toEqual({
          column: column.name, type: postgresCatalogType(column.type), notNull: !column.nullable,
        });
        expectDefault(column, live.default);
      }
    }
  });

  it('creates primary keys, unique constraints, checks and foreign keys', async () => {
    for (const table of tables(catalog)) {
      const { rows } = await db.query<{ name: string; type: string; definition: string }>(
        'SELECT conname AS name, contype AS type, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = to_regclass($1)',
        [regclass(table)]);
      const primary = rows.find((r) => r.type === 'p')!;
      expect(primary.name).toBe(primaryKeyName(table.name));
      expect(primary.definition).toBe(`PRIMARY KEY (${table.primaryKey.map(ident).join(', ')})`);
      for (const column of table.columns) {
        if (column.unique) expect(rows.some((r) => r.type === 'u' && r.definition === `UNIQUE (${ident(column.name)})`), column.name).toBe(true);
        if (column.check) expect(rows.filter((r) => r.type === 'c').length).toBeGreaterThan(0);
        const reference = column.references;
        if (!reference) continue;
        const foreignKey = rows.find((r) => r.type === 'f' && r.name === foreignKeyName(table.name, column.name));
        if (reference.logical) {
          expect(foreignKey, `${table.name}.${column.name} is logical`).toBeUndefined();
        } else {
          expect(foreignKey?.definition, `${table.name}.${column.name}`).toMatch(
            new RegExp(`^FOREIGN KEY \\(${escape(ident(column.name))}\\) REFERENCES ${escape(qualified(reference.schema, reference.table))}\\(${escape(ident(reference.column))}\\)`));
          if (reference.deferrable) expect(foreignKey!.definition).toMatch(/DEFERRABLE INITIALLY DEFERRED$/);
        }
      }
    }
  });

  it('creates every index', async () => {
    for (const table of tables(catalog)) {
      const { rows } = await db.query<{ name: string; definition: string }>(
        'SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass($1)',
        [regclass(table)]);
      for (const index of table.indexes) {
        const live = rows.find((r) => r.name === index.name);
        expect(live?.definition, index.name).toMatch(new RegExp(`^CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX .* USING btree \\(${escape(index.columns.map(ident).join(', '))}\\)$`));
      }
    }
  });

  it('puts every description into a comment', async () => {
    for (const table of tables(catalog)) {
      const { rows } = await db.query<{ table_comment: string | null }>('SELECT obj_description(to_regclass($1), \'pg_class\') AS table_comment', [regclass(table)]);
      expect(rows[0].table_comment).toBe(table.description ?? null);
      const columns = await db.query<{ name: string; comment: string | null }>(
        'SELECT attname AS name, col_description(attrelid, attnum) AS comment FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0', [regclass(table)]);
      for (const column of table.columns) {
        expect(columns.rows.find((r) => r.name === column.name)?.comment ?? null, `${table.name}.${column.name}`).toBe(column.description ?? null);
      }
    }
  });

  it('seeds every reference row, active', async () => {
    for (const table of tables(catalog).filter((t) => t.kind === 'reference')) {
      const key = table.primaryKey[0];
      const { rows } = await db.query<{ key: string; active: boolean }>(`SELECT ${ident(key)}::text AS key, is_active AS active FROM ${regclass(table)} ORDER BY 1`);
      expect(rows.map((r) => r.key).sort()).toEqual(table.rows.map((r) => String(r.values[key])).sort());
      expect(rows.every((r) => r.active)).toBe(true);
      for (const row of table.rows) {
        for (const [column, value] of Object.entries(row.values)) {
          const live = await db.query<{ value: string | null }>(`SELECT ${ident(column)}::text AS value FROM ${regclass(table)} WHERE ${ident(key)} = $1`, [row.values[key]]);
          // a real column stores a float4: the value written, rounded to one
          const float4 = table.columns.find((c) => c.name === column)?.type.name === 'real' && value !== null && live.rows[0].value !== null;
          if (float4) expect(Math.fround(Number(live.rows[0].value)), `${table.name}.${column}`).toBe(Math.fround(Number(value)));
          else expect(live.rows[0].value, `${table.name}.${column}`).toBe(value === null ? null : String(value));
        }
      }
    }
  });
});

function tables(catalog: Catalog): Table[] {
  return catalog.databases.flatMap((d) => d.schemas.flatMap((s) => s.tables));
}

function ident(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !['select', 'from', 'group', 'order', 'user'].includes(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

function regclass(table: Table): string {
  return qualified(table.schema, table.name);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** PostgreSQL normalizes defaults ('desk'::text, now(), true): compare what must survive that. */
function expectDefault(column: Column, live: string | null): void {
  const label = column.name;
  if (!column.default || (column.default.kind === 'literal' && column.default.value === null)) {
    expect(live, label).toBeNull();
    return;
  }
  if (column.default.kind === 'sql') {
    expect(live, label).toBe(column.default.sql);
    return;
  }
  const value = column.default.value;
  if (typeof value === 'string') expect(live, label).toMatch(new RegExp(`^'${escape(value.replace(/'/g, "''"))}'::`));
  else expect(live?.replace(/^'(.*)'::.*$/, '$1'), label).toBe(String(value));
}
