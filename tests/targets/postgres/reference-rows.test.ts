/**
 * Reference rows across applies: editing a row updates it and its systime; removing a row deactivates it;
 * an unchanged row keeps its systime; no row is ever deleted; a re-added row is active again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogOf, plansOf, runPlan } from '../../support/apply-plan.js';
import { countedUpsertStatement, referenceDataSql } from '../../../generator/targets/postgres/reference-data.js';
import { freshDatabase, type TestDatabase } from '../../support/database.js';
import { removeTempProjects, writeProject } from '../../support/project.js';

const rowsYaml = (rows: string[]) => `name: color_type
kind: reference
columns:
  color_type_id: smallint
  color_type_name: { type: "varchar(20)", unique: true }
  note: text?
primary_key: [color_type_id]
rows:
${rows.map((r) => `  - ${r}`).join('\n')}
`;

/** A project with one reference table file in schema `ref` of database `shop`. */
function refProject(file: string, table: string): string {
  return writeProject({
    'definitions/shop/database.yaml': 'name: shop\n',
    'definitions/shop/schemas/ref.yaml': 'name: ref\n',
    [`definitions/shop/tables/ref/${file}`]: table,
  });
}

function project(rows: string[]): string {
  return refProject('color_type.yaml', rowsYaml(rows));
}

interface Row { id: number; name: string; active: boolean; systime: string; xmin: string }

describe('reference rows on a real server', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase('reference_rows');
  });
  afterAll(async () => {
    await db?.drop();
    removeTempProjects();
  });

  const apply = async (rows: string[]) => {
    for (const plan of plansOf(await catalogOf(project(rows)))) await runPlan(db, plan);
    const result = await db.query<Row>('SELECT color_type_id AS id, color_type_name AS name, is_active AS active, systime::text AS systime, xmin::text AS xmin FROM ref.color_type ORDER BY 1');
    return result.rows;
  };

  it('inserts, updates, leaves alone, deactivates and reactivates — never deletes', async () => {
    const first = await apply(['{ color_type_id: 1, color_type_name: red }', '{ color_type_id: 2, color_type_name: green }', '{ color_type_id: 3, color_type_name: blue }']);
    expect(first.map((r) => [r.id, r.name, r.active])).toEqual([[1, 'red', true], [2, 'green', true], [3, 'blue', true]]);

    const again = await apply(['{ color_type_id: 1, color_type_name: red }', '{ color_type_id: 2, color_type_name: green }', '{ color_type_id: 3, color_type_name: blue }']);
    expect(again).toEqual(first); // same systime, same xmin: not even rewritten

    const edited = await apply(['{ color_type_id: 1, color_type_name: crimson }', '{ color_type_id: 2, color_type_name: green }']);
    expect(edited.map((r) => [r.id, r.name, r.active])).toEqual([[1, 'crimson', true], [2, 'green', true], [3, 'blue', false]]);
    expect(edited[0].systime > first[0].systime).toBe(true);
    expect(edited[1]).toEqual(first[1]);
    expect(edited[2].systime > first[2].systime).toBe(true);

    const stillGone = await apply(['{ color_type_id: 1, color_type_name: crimson }', '{ color_type_id: 2, color_type_name: green }']);
    expect(stillGone).toEqual(edited); // deactivating again changes nothing

    const back = await apply(['{ color_type_id: 1, color_type_name: crimson }', '{ color_type_id: 2, color_type_name: green }', '{ color_type_id: 3, color_type_name: blue }']);
    expect(back.map((r) => [r.id, r.name, r.active])).toEqual([[1, 'crimson', true], [2, 'green', true], [3, 'blue', true]]);
    expect(back[2].systime > edited[2].systime).toBe(true);
  });

  it('a value removed from every row is removed from the database, not left behind', async () => {
    const noted = await apply(['{ color_type_id: 1, color_type_name: red, note: warm }', '{ color_type_id: 2, color_type_name: green, note: cool }']);
    const notes = async () => (await db.query<{ note: string | null }>('SELECT note FROM ref.color_type WHERE color_type_id IN (1, 2) ORDER BY color_type_id')).rows.map((r) => r.note);
    expect(await notes()).toEqual(['warm', 'cool']);
    const cleared = await apply(['{ color_type_id: 1, color_type_name: red }', '{ color_type_id: 2, color_type_name: green }']);
    expect(await notes()).toEqual([null, null]);
    expect(cleared[0].systime > noted[0].systime).toBe(true);
    expect(await apply(['{ color_type_id: 1, color_type_name: red }', '{ color_type_id: 2, color_type_name: green }'])).toEqual(cleared);
  });

  it('an unquoted YAML number keeps every digit written, past what a double holds', async () => {
    const root = refProject('rate_type.yaml', `name: rate_type
kind: reference
columns:
  rate_type_id: smallint
  rate: { type: "numeric(38,20)", default: 0.12345678901234567891 }
  big: bigint?
primary_key: [rate_type_id]
rows:
  - { rate_type_id: 1, rate: 0.123456789012345678, big: 12345678901234567 }
  - { rate_type_id: 2, rate: 1.00000000000000001e-3, big: 1234567890123456789 }
  - { rate_type_id: 3, rate: 0.1 }
  - { rate_type_id: 4 }
  - { rate_type_id: 5, rate: .12345678901234567891 }
`);
    for (const plan of plansOf(await catalogOf(root))) await runPlan(db, plan);
    const rows = await db.query<{ rate: string; big: string | null }>('SELECT rate::text, big::text FROM ref.rate_type ORDER BY rate_type_id');
    expect(rows.rows).toEqual([
      { rate: '0.12345678901234567800', big: '12345678901234567' },
      { rate: '0.00100000000000000001', big: '1234567890123456789' },
      { rate: '0.10000000000000000000', big: null },
      { rate: '0.12345678901234567891', big: null },
      { rate: '0.12345678901234567891', big: null },
    ]);
  });

  it('a value an SQL default gave is kept on every apply; a literal default comes back when a row stops setting the column', async () => {
    const table = (rows: string[]) => refProject('kind_type.yaml', `name: kind_type
kind: reference
columns:
  kind_type_id: smallint
  created_at: { type: timestamptz, default: { sql: "clock_timestamp()" } }
  label: { type: text, default: zz }
primary_key: [kind_type_id]
rows:
${rows.map((r) => `  - ${r}`).join('\n')}
`);
    const read = async (rows: string[]) => {
      for (const plan of plansOf(await catalogOf(table(rows)))) await runPlan(db, plan);
      return (await db.query<{ id: number; created: string; label: string; xmin: string }>(
        'SELECT kind_type_id AS id, created_at::text AS created, label, xmin::text AS xmin FROM ref.kind_type ORDER BY 1')).rows;
    };
    const rows = ['{ kind_type_id: 1 }', '{ kind_type_id: 2, created_at: "2024-01-01T00:00:00Z", label: x }'];
    const first = await read(rows);
    expect(first.map((r) => [r.id, r.label])).toEqual([[1, 'zz'], [2, 'x']]);
    expect(await read(rows)).toEqual(first); // not rewritten: clock_timestamp() is not called again for row 1
    const unlabelled = await read(['{ kind_type_id: 1 }', '{ kind_type_id: 2, created_at: "2024-01-01T00:00:00Z" }']);
    expect(unlabelled.map((r) => [r.id, r.label])).toEqual([[1, 'zz'], [2, 'zz']]);
    expect(unlabelled[0]).toEqual(first[0]);
  });

  it('rows in two upserts (one leaves a column to an SQL default) may point at each other: one statement, keys checked at its end', async () => {
    const root = refProject('category_type.yaml', `name: category_type
kind: reference
columns:
  category_type_id: smallint
  parent_id: { type: smallint?, references: ref.category_type }
  created_at: { type: timestamptz, default: { sql: "now()" } }
primary_key: [category_type_id]
rows:
  - { category_type_id: 2, parent_id: 1 }
  - { category_type_id: 1, created_at: "2020-01-01T00:00:00Z" }
`);
    for (const plan of plansOf(await catalogOf(root))) await runPlan(db, plan);
    const rows = await db.query<{ id: number; parent: number | null }>('SELECT category_type_id AS id, parent_id AS parent FROM ref.category_type ORDER BY 1');
    expect(rows.rows).toEqual([{ id: 1, parent: null }, { id: 2, parent: 1 }]);
    // what apply runs: the same statement, counting — and a second run changes nothing
    const table = (await catalogOf(root)).databases[0].schemas[0].tables[0];
    const { upserts } = referenceDataSql(table);
    expect(upserts).toHaveLength(2);
    const counted = (await db.query<{ inserted: unknown; updated: unknown }>(countedUpsertStatement(upserts))).rows[0];
    expect([Number(counted.inserted), Number(counted.updated)]).toEqual([0, 0]);
  });

  it('a jsonb default written as a YAML number, boolean or mapping-free text is the JSON value', async () => {
    const root = refProject('setting_type.yaml', `name: setting_type
kind: reference
columns:
  setting_type_id: smallint
  limit_value: { type: jsonb, default: 5 }
  enabled: { type: jsonb, default: true }
  label: { type: jsonb, default: '"x"' }
primary_key: [setting_type_id]
rows:
  - { setting_type_id: 1 }
`);
    for (const plan of plansOf(await catalogOf(root))) await runPlan(db, plan);
    const row = (await db.query<{ l: string; e: string; x: string }>(
      'SELECT jsonb_typeof(limit_value) AS l, jsonb_typeof(enabled) AS e, label #>> \'{}\' AS x FROM ref.setting_type')).rows[0];
    expect(row).toEqual({ l: 'number', e: 'boolean', x: 'x' });
  });

  it('a negative zero of a double column is stored as one, and 0 to -0 is a change', async () => {
    const root = (score: string) => refProject('score_type.yaml', `name: score_type\nkind: reference\ncolumns:\n  score_type_id: smallint\n  score: double\nprimary_key: [score_type_id]\nrows:\n  - { score_type_id: 1, score: ${score} }\n  - { score_type_id: 2, score: 1.5 }\n`);
    const read = async (score: string) => {
      for (const plan of plansOf(await catalogOf(root(score)))) await runPlan(db, plan);
      return (await db.query<{ s: string }>('SELECT score::text AS s FROM ref.score_type ORDER BY score_type_id')).rows.map((r) => r.s);
    };
    expect(await read('0')).toEqual(['0', '1.5']);
    expect(await read('-0.0')).toEqual(['-0', '1.5']);
  });
});
