/**
 * Structure of the Databricks output, table by table, for the example project and every fixture: each column
 * with the type DESIGN.md §9 gives it (the table below, written independently of the target), NOT NULL where
 * the column is not nullable, each key and constraint in its informational or enforced form (or named as not
 * carried in PORTABILITY.md), the pipeline of each temporal table, and every reference row in the MERGE.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCatalog } from '../../../generator/compile/compile-project.js';
import { allTables, findTable, type Column, type Database, type Table } from '../../../generator/model/catalog.js';
import type { LogicalType, LogicalTypeName } from '../../../generator/model/logical-type.js';
import { columnCheckName, foreignKeyName, primaryKeyName, uniqueConstraintName } from '../../../generator/model/naming.js';
import { analyzeProject } from '../../../generator/project/analyze.js';
import { DATABRICKS } from '../../../generator/targets/databricks/dialect.js';
import { qualifiedName, quoteIdent } from '../../../generator/targets/databricks/quote.js';
import { translateCheck } from '../../../generator/targets/warehouse/check-expression.js';
import { valueLiteral } from '../../../generator/targets/warehouse/values.js';
import { REPO_ROOT } from '../../support/binary.js';
import { FIXTURE_NAMES, FIXTURES } from '../../support/golden.js';
import { splitSql } from '../snowflake/sql-statements.js';
import { removeTempProjects, writeProject } from '../../support/project.js';

/** DESIGN.md §9, the Databricks column. */
const DESIGN_TYPES: Record<LogicalTypeName, (t: LogicalType) => string> = {
  smallint: () => 'SMALLINT', integer: () => 'INT', bigint: () => 'BIGINT', uuid: () => 'STRING', text: () => 'STRING',
  varchar: (t) => `VARCHAR(${t.length})`, char: (t) => `CHAR(${t.length})`, numeric: (t) => `DECIMAL(${t.precision},${t.scale})`,
  real: () => 'FLOAT', double: () => 'DOUBLE', boolean: () => 'BOOLEAN', date: () => 'DATE', time: () => 'STRING',
  timestamp: () => 'TIMESTAMP_NTZ', timestamptz: () => 'TIMESTAMP', interval: () => 'STRING', jsonb: () => 'VARIANT',
  bytea: () => 'BINARY',
};
const CATALOG = 'main';

interface Compiled {
  readonly databases: readonly Database[];
  readonly file: (path: string) => string;
}

async function compile(fixture: string): Promise<Compiled> {
  const root = fixture === 'definitions' ? REPO_ROOT : join(FIXTURES, fixture);
  const project = await analyzeProject({ root }, root);
  const result = await compileCatalog(project.catalog, ['databricks'], project.config);
  const byPath = new Map(result.files.map((f) => [f.path, f.contents]));
  return {
    databases: project.catalog.databases,
    file: (path) => {
      expect(byPath.has(path), `${path} is generated`).toBe(true);
      return byPath.get(path)!;
    },
  };
}

function tableLines(deploy: string, name: string): string[] {
  const statement = splitSql(deploy).statements.find((s) => s.text.startsWith(`CREATE TABLE IF NOT EXISTS ${name} (`));
  expect(statement, `CREATE TABLE ${name}`).toBeDefined();
  const text = statement!.text;
  return text.slice(text.indexOf('(\n') + 2, text.lastIndexOf('\n)')).split('\n').map((l) => l.trim().replace(/,$/, ''));
}

function expectColumn(lines: readonly string[], column: Column): void {
  const start = `${quoteIdent(column.name)} ${DESIGN_TYPES[column.type.name](column.type)}`;
  const line = lines.find((l) => l === start || l.startsWith(`${start} `));
  expect(line, `column ${column.name} as ${start}`).toBeDefined();
  expect(line!.includes(' NOT NULL'), `NOT NULL on ${column.name}`).toBe(!column.nullable);
}

function checkTable(compiled: Compiled, database: Database, table: Table): void {
  const deploy = compiled.file(`databricks/${database.name}/deploy.sql`);
  const report = compiled.file(`databricks/${database.name}/PORTABILITY.md`);
  const current = table.temporal ? table.temporal.currentView : table.name;
  const name = qualifiedName(CATALOG, table.schema, current);
  const lines = tableLines(deploy, name);
  for (const column of table.columns.filter((c) => !table.temporal || !['sys_start', 'sys_end'].includes(c.name))) {
    expectColumn(lines, column);
  }
  const key = table.temporal ? table.temporal.key : table.primaryKey;
  const rely = table.kind === 'reference' ? ' RELY' : '';
  expect(lines).toContain(`CONSTRAINT ${quoteIdent(primaryKeyName(current))} PRIMARY KEY (${key.map(quoteIdent).join(', ')})${rely}`);
  expect(deploy).toContain(`USING DELTA\nCLUSTER BY (${key.slice(0, 4).map(quoteIdent).join(', ')})`);
  for (const column of table.columns.filter((c) => c.unique)) {
    expect(report).toContain(`UNIQUE \`${uniqueConstraintName(table.name, column.name)}\` (${column.name}) is **not carried**`);
  }
  for (const column of table.columns.filter((c) => c.references)) checkReference(database, table, column, { deploy, lines, report });
  for (const column of table.columns.filter((c) => c.check)) {
    const translated = translateCheck(column.check!, table.columns.map((c) => c.name), DATABRICKS);
    const checkName = quoteIdent(columnCheckName(table.name, column.name));
    if ('sql' in translated) {
      expect(deploy).toContain(`ALTER TABLE ${name} DROP CONSTRAINT IF EXISTS ${checkName};\n\n`
        + `ALTER TABLE ${name} ADD CONSTRAINT ${checkName} CHECK (COALESCE(${translated.sql}, TRUE));`);
    } else {
      expect(report).toContain(`CHECK \`${columnCheckName(table.name, column.name)}\` (\`${column.check}\`) is **not carried**`);
    }
  }
  if (table.temporal) checkPipeline(compiled, database, table, deploy);
  if (table.kind === 'reference') checkRows(deploy, table);
}

function checkReference(
  database: Database, table: Table, column: Column, output: { deploy: string; lines: readonly string[]; report: string },
): void {
  const ref = column.references!;
  const fkName = foreignKeyName(table.name, column.name);
  const clause = `FOREIGN KEY (${quoteIdent(column.name)}) REFERENCES ${qualifiedName(CATALOG, ref.schema, ref.table)} (${quoteIdent(ref.column)})`;
  const target = findTable(database, ref.schema, ref.table);
  if (ref.logical) {
    expect(output.deploy).not.toContain(`FOREIGN KEY (${quoteIdent(column.name)})`);
  } else if (target?.primaryKey.length === 1 && target.primaryKey[0] === ref.column) {
    const inline = output.lines.includes(`CONSTRAINT ${quoteIdent(fkName)} ${clause}`);
    expect(inline || output.deploy.includes(`ADD CONSTRAINT ${quoteIdent(fkName)} ${clause};`), `foreign key ${column.name}`).toBe(true);
  } else {
    expect(output.report).toContain(`FOREIGN KEY \`${fkName}\``);
  }
}

function checkPipeline(compiled: Compiled, database: Database, table: Table, deploy: string): void {
  const name = (object: string) => qualifiedName(CATALOG, table.schema, object);
  const current = name(table.temporal!.currentView);
  expect(deploy).toMatch(new RegExp(`CREATE TABLE IF NOT EXISTS ${escape(current)} \\([\\s\\S]*?TBLPROPERTIES \\(delta\\.enableChangeDataFeed = true`));
  const pipeline = compiled.file(`databricks/${database.name}/pipeline/${table.schema}.${table.name}.sql`);
  expect(pipeline).toContain(`FROM STREAM(${current}) WITH (readChangeFeed = true)`);
  expect(pipeline).toContain(`AS AUTO CDC INTO ${name(table.name)}\n`);
  expect(pipeline).toContain(`KEYS (${table.temporal!.key.map(quoteIdent).join(', ')})`);
  expect(pipeline).toContain('STORED AS SCD TYPE 2;');
  const columns = table.columns.filter((c) => !['sys_start', 'sys_end'].includes(c.name)).map((c) => quoteIdent(c.name));
  const select = `AS SELECT ${columns.join(', ')}, __START_AT AS sys_start, __END_AT AS sys_end\nFROM ${name(table.name)}`;
  expect(pipeline).toContain(`CREATE VIEW ${name(`${table.name}_versions`)}`);
  expect(pipeline).toContain(`${select};`);
  expect(pipeline).toContain(`${select}\nWHERE __END_AT IS NULL;`);
}

function checkRows(deploy: string, table: Table): void {
  const key = table.columns.find((c) => c.name === table.primaryKey[0])!;
  const name = qualifiedName(CATALOG, table.schema, table.name);
  if (table.rows.length === 0) {
    expect(deploy).toContain(`UPDATE ${name} SET is_active = FALSE, systime = current_timestamp()\nWHERE is_active;`);
    return;
  }
  const merge = splitSql(deploy).statements.find((s) => s.text.startsWith(`MERGE INTO ${name} AS target`))?.text ?? '';
  expect(merge).toContain('WHEN NOT MATCHED BY SOURCE AND target.is_active THEN UPDATE SET\n  is_active = FALSE');
  for (const row of table.rows) {
    const tuple = merge.split('\n').find((l) => l.trim().startsWith(`(${valueLiteral(row.values[key.name], key.type, DATABRICKS)}, `));
    expect(tuple, `row ${JSON.stringify(row.values)} in the MERGE`).toBeDefined();
    for (const [column, value] of Object.entries(row.values)) {
      const type = table.columns.find((c) => c.name === column)!.type;
      expect(tuple, column).toContain(valueLiteral(value, type, DATABRICKS));
    }
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\`]/g, '\\$&');
}

afterAll(removeTempProjects);

describe('databricks output structure', () => {
  for (const fixture of ['definitions', ...FIXTURE_NAMES]) {
    it(`${fixture}: every table, column, key, constraint, pipeline and reference row`, async () => {
      const compiled = await compile(fixture);
      for (const database of compiled.databases) {
        for (const table of allTables(database)) checkTable(compiled, database, table);
      }
    });
  }

  it('a reference row that leaves a uuid column to its default gets uuid() in the MERGE: the column has no default here', async () => {
    const root = writeProject({
      'definitions/d/database.yaml': 'name: d\n',
      'definitions/d/schemas/ref.yaml': 'name: ref\n',
      'definitions/d/tables/ref/color_type.yaml': 'name: color_type\nkind: reference\ncolumns:\n  color_type_id: smallint\n'
        + '  token: { type: uuid, default: { sql: "gen_random_uuid()" } }\nprimary_key: [color_type_id]\nrows:\n  - { color_type_id: 1 }\n',
    });
    const project = await analyzeProject({ root }, root);
    const { files } = await compileCatalog(project.catalog, ['databricks'], project.config);
    const deploy = files.find((f) => f.path === 'databricks/d/deploy.sql')!.contents;
    expect(deploy).toContain('  token STRING NOT NULL,');
    expect(deploy).toContain('WHEN NOT MATCHED THEN INSERT (color_type_id, is_active, token, systime)\n'
      + '  VALUES (source.color_type_id, source.is_active, uuid(), current_timestamp())');
    // kept once inserted: neither compared nor updated
    expect(deploy).not.toMatch(/target\.token|token = source/);
  });

  it('a column some rows set and others leave to now(): those rows insert the generated value and keep it', async () => {
    const root = writeProject({
      'definitions/d/database.yaml': 'name: d\n',
      'definitions/d/schemas/ref.yaml': 'name: ref\n',
      'definitions/d/tables/ref/kind_type.yaml': 'name: kind_type\nkind: reference\ncolumns:\n  kind_type_id: smallint\n'
        + '  made: { type: timestamptz, default: { sql: "now()" } }\nprimary_key: [kind_type_id]\nrows:\n'
        + '  - { kind_type_id: 1 }\n  - { kind_type_id: 2, made: "2024-01-01T00:00:00Z" }\n',
    });
    const project = await analyzeProject({ root }, root);
    const { files } = await compileCatalog(project.catalog, ['databricks'], project.config);
    const deploy = files.find((f) => f.path === 'databricks/d/deploy.sql')!.contents;
    expect(deploy).toContain('    (1, current_timestamp(), TRUE, FALSE),');
    expect(deploy).toContain("    (2, '2024-01-01T00:00:00Z', TRUE, TRUE)");
    expect(deploy).toContain('AS source_rows (kind_type_id, made, is_active, given_1)');
    expect(deploy).toContain('WHEN MATCHED AND ((source.given_1 AND target.made IS DISTINCT FROM source.made) OR target.is_active IS DISTINCT FROM source.is_active)');
    expect(deploy).toContain('made = CASE WHEN source.given_1 THEN source.made ELSE target.made END, is_active = source.is_active,');
  });

  it('back-ticks reserved and unusual names and backslash-escapes literals (quoting fixture)', async () => {
    const deploy = (await compile('quoting')).file('databricks/odd/deploy.sql');
    expect(deploy).toContain('CREATE TABLE IF NOT EXISTS main.`user`.`order` (');
    expect(deploy).toContain('  `we"ird` STRING,');
    expect(deploy).toContain("delta.columnMapping.mode = 'name'");
    expect(deploy).toContain("(1, 'O\\'Brien', 'it\\'s', TRUE)");
    expect(deploy).toContain("(5, 'C:\\\\temp\\\\new', 'it\\'s', TRUE)");
    expect(deploy).not.toContain('UNIQUE');
  });
});
