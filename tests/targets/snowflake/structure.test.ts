/**
 * Structure of the Snowflake output, table by table, for the example project and every fixture: each column
 * with the type DESIGN.md §9 gives it (the table below, written independently of the target), NOT NULL where
 * the column is not nullable, each key and constraint in its informational or enforced form (or named as not
 * carried in PORTABILITY.md), the temporal objects, and every reference row in the MERGE.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../../generator/compile/compile-project.js';
import { allTables, type Column, type Database, type Table } from '../../../generator/model/catalog.js';
import type { LogicalType, LogicalTypeName } from '../../../generator/model/logical-type.js';
import { columnCheckName, foreignKeyName, primaryKeyName, uniqueConstraintName } from '../../../generator/model/naming.js';
import { analyzeProject } from '../../../generator/project/analyze.js';
import { qualifiedName, quoteIdent } from '../../../generator/targets/snowflake/quote.js';
import { SNOWFLAKE } from '../../../generator/targets/snowflake/dialect.js';
import { translateCheck } from '../../../generator/targets/warehouse/check-expression.js';
import { valueLiteral } from '../../../generator/targets/warehouse/values.js';
import { REPO_ROOT } from '../../support/binary.js';
import { FIXTURE_NAMES, FIXTURES } from '../../support/golden.js';
import { splitSql } from './sql-statements.js';

/** DESIGN.md §9, the Snowflake column. */
const DESIGN_TYPES: Record<LogicalTypeName, (t: LogicalType) => string> = {
  smallint: () => 'NUMBER(5,0)', integer: () => 'NUMBER(10,0)', bigint: () => 'NUMBER(19,0)', uuid: () => 'VARCHAR(36)',
  text: () => 'VARCHAR', varchar: (t) => `VARCHAR(${t.length})`, char: (t) => `CHAR(${t.length})`,
  numeric: (t) => `NUMBER(${t.precision},${t.scale})`, real: () => 'FLOAT', double: () => 'FLOAT', boolean: () => 'BOOLEAN',
  date: () => 'DATE', time: () => 'TIME', timestamp: () => 'TIMESTAMP_NTZ', timestamptz: () => 'TIMESTAMP_TZ',
  interval: () => 'VARCHAR', jsonb: () => 'VARIANT', bytea: () => 'BINARY',
};

interface Compiled {
  readonly databases: readonly Database[];
  readonly file: (path: string) => string;
  /** A file that only some databases have (foreign_keys.sql), or ''. */
  readonly optional: (path: string) => string;
}

async function compile(fixture: string): Promise<Compiled> {
  const root = fixture === 'definitions' ? REPO_ROOT : join(FIXTURES, fixture);
  const project = await analyzeProject({ root }, root);
  const result = await compileCatalog(project.catalog, ['snowflake'], project.config);
  const byPath = new Map(result.files.map((f) => [f.path, f.contents]));
  return {
    databases: project.catalog.databases,
    file: (path) => {
      expect(byPath.has(path), `${path} is generated`).toBe(true);
      return byPath.get(path)!;
    },
    optional: (path) => byPath.get(path) ?? '',
  };
}

/** The lines inside `CREATE TABLE IF NOT EXISTS <name> ( … )`, trimmed and without their trailing comma. */
function tableLines(sql: string, name: string): string[] {
  const statement = splitSql(sql).statements.find((s) => s.text.startsWith(`CREATE TABLE IF NOT EXISTS ${name} (`));
  expect(statement, `CREATE TABLE ${name}`).toBeDefined();
  return statement!.text.split('\n').slice(1, -1).filter((l) => !l.startsWith(')')).map((l) => l.trim().replace(/,$/, ''));
}

function expectColumn(lines: readonly string[], column: Column, nullable = column.nullable): void {
  const start = `${quoteIdent(column.name)} ${DESIGN_TYPES[column.type.name](column.type)}`;
  const line = lines.find((l) => l === start || l.startsWith(`${start} `));
  expect(line, `column ${column.name} as ${start}`).toBeDefined();
  expect(line!.includes(' NOT NULL'), `NOT NULL on ${column.name}`).toBe(!nullable);
}

function checkTable(compiled: Compiled, database: Database, table: Table): void {
  const folder = `snowflake/${database.name}`;
  const sql = compiled.file(`${folder}/tables/${table.schema}.${table.name}.sql`);
  const report = compiled.file(`${folder}/PORTABILITY.md`);
  const deferred = splitSql(compiled.optional(`${folder}/foreign_keys.sql`)).statements.map((s) => s.text).join('\n');
  const name = (object: string) => qualifiedName(database.name, table.schema, object);
  const current = table.temporal ? table.temporal.currentView : table.name;
  const lines = tableLines(sql, name(current));
  const stateColumns = table.columns.filter((c) => !table.temporal || !['sys_start', 'sys_end'].includes(c.name));
  for (const column of stateColumns) expectColumn(lines, column);

  const key = table.temporal ? table.temporal.key : table.primaryKey;
  const rely = table.kind === 'reference' ? ' RELY' : '';
  expect(lines).toContain(`CONSTRAINT ${quoteIdent(primaryKeyName(current))} PRIMARY KEY (${key.map(quoteIdent).join(', ')})${rely}`);
  for (const column of table.columns.filter((c) => c.unique)) {
    expect(lines).toContain(`CONSTRAINT ${quoteIdent(uniqueConstraintName(table.name, column.name))} UNIQUE (${quoteIdent(column.name)})`);
  }
  for (const index of table.indexes.filter((i) => i.unique)) {
    expect(lines).toContain(`CONSTRAINT ${quoteIdent(index.name)} UNIQUE (${index.columns.map(quoteIdent).join(', ')})`);
  }
  for (const column of table.columns.filter((c) => c.references)) {
    const ref = column.references!;
    const fk = `CONSTRAINT ${quoteIdent(foreignKeyName(table.name, column.name))} FOREIGN KEY (${quoteIdent(column.name)}) `
      + `REFERENCES ${qualifiedName(database.name, ref.schema, ref.table)} (${quoteIdent(ref.column)})`;
    if (ref.logical) expect(sql).not.toContain(`FOREIGN KEY (${quoteIdent(column.name)})`);
    else expect(lines.includes(fk) || deferred.includes(`ADD ${fk};`), `foreign key ${column.name}`).toBe(true);
  }
  for (const column of table.columns.filter((c) => c.check)) {
    const translated = translateCheck(column.check!, table.columns.map((c) => c.name), SNOWFLAKE);
    const checkName = columnCheckName(table.name, column.name);
    if ('sql' in translated) expect(lines).toContain(`CONSTRAINT ${quoteIdent(checkName)} CHECK (${translated.sql})`);
    else expect(report).toContain(`CHECK \`${checkName}\` (\`${column.check}\`) is **not carried**`);
  }
  if (table.temporal) checkTemporal(compiled, database, table, sql);
  if (table.kind === 'reference') checkRows(compiled, database, table);
}

function checkTemporal(compiled: Compiled, database: Database, table: Table, sql: string): void {
  const name = (object: string) => qualifiedName(database.name, table.schema, object);
  const history = tableLines(sql, name(table.name));
  for (const column of table.columns) expectColumn(history, column, column.name === 'sys_end' ? true : column.nullable);
  expect(history).toContain(`CONSTRAINT ${quoteIdent(primaryKeyName(table.name))} PRIMARY KEY (${table.primaryKey.map(quoteIdent).join(', ')})`);
  expect(sql).toContain(`CREATE TABLE IF NOT EXISTS ${name(table.temporal!.currentView)} (`);
  expect(sql).toMatch(/\)\nCHANGE_TRACKING = TRUE;/);
  const temporal = compiled.file(`snowflake/${database.name}/temporal/${table.schema}.${table.name}.sql`);
  const order = [
    `CREATE STREAM IF NOT EXISTS ${name(`${table.name}_stream`)}\n  ON TABLE ${name(table.temporal!.currentView)}`,
    `CREATE OR REPLACE TASK ${name(`${table.name}_task`)}\n  WAREHOUSE = COMPUTE_WH\n  SCHEDULE = '1 MINUTE'`,
    `ALTER TASK ${name(`${table.name}_task`)} RESUME;`,
    `CREATE OR REPLACE VIEW ${name(`${table.name}_current`)}`,
    `CREATE OR REPLACE FUNCTION ${name(`${table.temporal!.currentView}_as_of`)}(`,
  ].map((text) => temporal.indexOf(text));
  expect(order.every((at) => at >= 0), temporal).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
}

function checkRows(compiled: Compiled, database: Database, table: Table): void {
  const data = compiled.file(`snowflake/${database.name}/data/${table.schema}.${table.name}.sql`);
  const key = table.columns.find((c) => c.name === table.primaryKey[0])!;
  for (const row of table.rows) {
    const tuple = data.split('\n').find((l) => l.trim().startsWith(`(${valueLiteral(row.values[key.name], key.type, SNOWFLAKE)}, `));
    expect(tuple, `row ${JSON.stringify(row.values)} in the MERGE`).toBeDefined();
    for (const [column, value] of Object.entries(row.values)) {
      const type = table.columns.find((c) => c.name === column)!.type;
      expect(tuple, column).toContain(valueLiteral(value, type, SNOWFLAKE));
    }
  }
  const keys = table.rows.map((r) => valueLiteral(r.values[key.name], key.type, SNOWFLAKE)).join(', ');
  expect(data).toContain(keys ? `WHERE is_active AND ${quoteIdent(key.name)} NOT IN (${keys});` : 'WHERE is_active;');
}

describe('snowflake output structure', () => {
  for (const fixture of ['definitions', ...FIXTURE_NAMES]) {
    it(`${fixture}: every table, column, key, constraint and reference row`, async () => {
      const compiled = await compile(fixture);
      for (const database of compiled.databases) {
        for (const table of allTables(database)) checkTable(compiled, database, table);
      }
    });
  }

  it('quotes reserved words in their stored upper-case form and other names exactly (quoting fixture)', async () => {
    const compiled = await compile('quoting');
    const order = compiled.file('snowflake/odd/tables/user.order.sql');
    expect(order).toContain('CREATE TABLE IF NOT EXISTS odd.user."ORDER" (');
    expect(order).toContain('  "SELECT" VARCHAR NOT NULL DEFAULT \'from\',');
    expect(order).toContain('  "we""ird" VARCHAR,');
    expect(order).toContain('CONSTRAINT "order_größe_check" CHECK ("größe" > 0)');
    const rows = compiled.file('snowflake/odd/data/user.label_type.sql');
    expect(rows).toContain("(5, 'C:\\\\temp\\\\new', 'it''s', TRUE)");
    expect(rows).toContain("(7, 'line\\nbreak\\ttab', 'it''s', TRUE)");
  });
});
