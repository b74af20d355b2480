/**
 * Every statement lakegen writes for Snowflake has one of the forms below, each taken from the Snowflake SQL
 * reference (the page is cited beside it). Forms are matched on the statement with strings masked as 's' and
 * quoted names as "i", whitespace collapsed. Every upper-case word must be a keyword of those forms, and no
 * PostgreSQL-only construct may appear: an unknown keyword, a `::` cast, 'infinity', now() or SERIAL fails.
 */
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../../generator/targets/target.js';
import { compileFixture, FIXTURE_NAMES } from '../../support/golden.js';
import { flat, postgresOnlyConstructs, splitSql, upperCaseWords, type SqlStatement } from './sql-statements.js';

const N = String.raw`(?:[a-z_][a-z0-9_$]*|"i")`;
const Q = String.raw`${N}(?:\.${N}){1,2}`;
const TYPE = String.raw`(?:NUMBER\(\d+,\d+\)|VARCHAR(?:\(\d+\))?|CHAR\(\d+\)|FLOAT|BOOLEAN|DATE|TIME|TIMESTAMP_NTZ|TIMESTAMP_TZ|VARIANT|BINARY)`;
const re = (source: string) => new RegExp(`^${source}$`);

const FORMS: readonly { readonly name: string; readonly form: RegExp }[] = [
  // https://docs.snowflake.com/en/sql-reference/sql/create-database
  { name: 'CREATE DATABASE', form: re(String.raw`CREATE DATABASE IF NOT EXISTS ${N};`) },
  // https://docs.snowflake.com/en/sql-reference/sql/create-schema
  { name: 'CREATE SCHEMA', form: re(String.raw`CREATE SCHEMA IF NOT EXISTS ${N}\.${N};`) },
  // https://docs.snowflake.com/en/sql-reference/sql/comment
  { name: 'COMMENT', form: re(String.raw`COMMENT ON (?:DATABASE ${N}|SCHEMA ${Q}|TABLE ${Q}|COLUMN ${Q}\.${N}) IS 's';`) },
  // https://docs.snowflake.com/en/sql-reference/sql/create-table (+ CHANGE_TRACKING, create-table-constraint)
  { name: 'CREATE TABLE', form: re(String.raw`CREATE TABLE IF NOT EXISTS ${Q} \( .+ \)(?: CHANGE_TRACKING = TRUE)?;`) },
  // https://docs.snowflake.com/en/sql-reference/sql/merge
  { name: 'MERGE rows', form: re(String.raw`MERGE INTO ${Q} AS target USING \( SELECT .+ FROM \(VALUES .+ \) AS source_rows \(.+\) \) AS source ON .+ WHEN MATCHED AND \(.+\) THEN UPDATE SET .+ WHEN NOT MATCHED THEN INSERT \(.+\) VALUES \(.+\);`) },
  // https://docs.snowflake.com/en/sql-reference/sql/update
  { name: 'UPDATE deactivate', form: re(String.raw`UPDATE ${Q} SET is_active = FALSE, systime = CURRENT_TIMESTAMP\(\) WHERE is_active(?: AND .+)?;`) },
  // https://docs.snowflake.com/en/sql-reference/sql/create-stream
  { name: 'CREATE STREAM', form: re(String.raw`CREATE STREAM IF NOT EXISTS ${Q} ON TABLE ${Q} SHOW_INITIAL_ROWS = TRUE COMMENT = 's';`) },
  // https://docs.snowflake.com/en/sql-reference/sql/create-task (body: https://docs.snowflake.com/en/sql-reference/sql/merge)
  { name: 'CREATE TASK', form: re(String.raw`CREATE OR REPLACE TASK ${Q} WAREHOUSE = \S+ SCHEDULE = 's' COMMENT = 's' WHEN SYSTEM\$STREAM_HAS_DATA\('s'\) AS MERGE INTO ${Q} AS target_version USING \( .+ \) AS change_row ON .+ WHEN MATCHED AND \(.+\) THEN UPDATE SET sys_end = CURRENT_TIMESTAMP\(\) WHEN NOT MATCHED AND .+ THEN INSERT \(.+\) VALUES \(.+\);`) },
  // https://docs.snowflake.com/en/sql-reference/sql/alter-task
  { name: 'ALTER TASK', form: re(String.raw`ALTER TASK ${Q} RESUME;`) },
  // https://docs.snowflake.com/en/sql-reference/sql/create-view
  { name: 'CREATE VIEW', form: re(String.raw`CREATE OR REPLACE VIEW ${Q} COMMENT = 's' AS SELECT .+ FROM ${Q} WHERE sys_end IS NULL;`) },
  // https://docs.snowflake.com/en/sql-reference/sql/create-function (SQL UDTF: https://docs.snowflake.com/en/developer-guide/udf/sql/udf-sql-tabular-functions)
  { name: 'CREATE FUNCTION', form: re(String.raw`CREATE OR REPLACE FUNCTION ${Q}\(${N} TIMESTAMP_TZ\) RETURNS TABLE \(.+\) COMMENT = 's' AS \$\$ SELECT .+ FROM ${Q} WHERE .+ \$\$;`) },
  // https://docs.snowflake.com/en/sql-reference/sql/execute-immediate, Snowflake Scripting blocks
  // (https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks), ALTER TABLE … ADD CONSTRAINT
  // (https://docs.snowflake.com/en/sql-reference/sql/alter-table-constraint)
  { name: 'EXECUTE IMMEDIATE', form: re(String.raw`EXECUTE IMMEDIATE \$\$ DECLARE existing INTEGER; BEGIN SELECT COUNT\(\*\) INTO :existing FROM ${N}\.INFORMATION_SCHEMA\.TABLE_CONSTRAINTS WHERE .+; IF \(existing = 0\) THEN ALTER TABLE ${Q} ADD CONSTRAINT ${N} FOREIGN KEY \(${N}\) REFERENCES ${Q} \(${N}\); END IF; END; \$\$;`) },
];

/** A line inside CREATE TABLE: a column (https://docs.snowflake.com/en/sql-reference/sql/create-table) or a constraint (https://docs.snowflake.com/en/sql-reference/sql/create-table-constraint). */
const COLUMN_LINE = re(String.raw`${N} ${TYPE}(?: NOT NULL)?(?: DEFAULT (?:CURRENT_TIMESTAMP\(\)|UUID_STRING\(\)|TRUE|FALSE|-?\d+(?:\.\d+)?|'s'|CAST\('s' AS ${TYPE}\)))?`);
const CONSTRAINT_LINE = re(String.raw`CONSTRAINT ${N} (?:PRIMARY KEY \(${N}(?:, ${N})*\)(?: RELY)?|UNIQUE \(${N}(?:, ${N})*\)|FOREIGN KEY \(${N}\) REFERENCES ${Q} \(${N}\)|CHECK \(.+\))`);

/** Every keyword, type and function the forms above use. */
const KEYWORDS = new Set(`CREATE DATABASE SCHEMA TABLE IF NOT EXISTS COMMENT ON IS COLUMN NULL DEFAULT TRUE FALSE
  CURRENT_TIMESTAMP UUID_STRING CONSTRAINT PRIMARY KEY RELY UNIQUE FOREIGN REFERENCES CHECK CHANGE_TRACKING AND OR IN
  BETWEEN LIKE MERGE INTO AS USING SELECT CAST PARSE_JSON TO_BINARY FROM VALUES WHEN MATCHED THEN UPDATE SET INSERT
  DISTINCT WHERE STREAM SHOW_INITIAL_ROWS REPLACE TASK WAREHOUSE SCHEDULE SYSTEM$STREAM_HAS_DATA COALESCE LEFT JOIN
  UNION ALL METADATA$ACTION ALTER RESUME VIEW FUNCTION RETURNS EXECUTE IMMEDIATE DECLARE INTEGER BEGIN COUNT
  INFORMATION_SCHEMA TABLE_CONSTRAINTS TABLE_SCHEMA TABLE_NAME CONSTRAINT_NAME ADD END
  NUMBER VARCHAR CHAR FLOAT BOOLEAN DATE TIME TIMESTAMP_NTZ TIMESTAMP_TZ VARIANT BINARY
  COMPUTE_WH`.split(/\s+/));

function violations(statement: SqlStatement): string[] {
  const problems = postgresOnlyConstructs(statement).map((what) => `PostgreSQL-only ${what}`);
  if (statement.code.includes('`')) problems.push('back-ticked name (Databricks syntax)');
  const unknown = upperCaseWords(statement).filter((w) => !KEYWORDS.has(w));
  if (unknown.length > 0) problems.push(`unknown keywords ${[...new Set(unknown)].join(', ')}`);
  const form = FORMS.find((f) => f.form.test(flat(statement)));
  if (!form) problems.push('no allowed statement form');
  if (form?.name === 'CREATE TABLE') problems.push(...tableLineViolations(statement));
  return problems;
}

function tableLineViolations(statement: SqlStatement): string[] {
  const lines = statement.code.split('\n').slice(1, -1).filter((l) => !/^\)/.test(l));
  return lines.map((l) => l.trim().replace(/,$/, ''))
    .filter((line) => !COLUMN_LINE.test(line) && !CONSTRAINT_LINE.test(line))
    .map((line) => `CREATE TABLE line not of a column or constraint form: ${line}`);
}

function sqlFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  return files.filter((f) => f.path.endsWith('.sql'));
}

describe('snowflake statement forms', () => {
  for (const fixture of ['definitions', ...FIXTURE_NAMES]) {
    it(`${fixture}: every statement has an allowed form`, async () => {
      for (const file of sqlFiles(await compileFixture(fixture, ['snowflake']))) {
        const { statements, commands } = splitSql(file.contents);
        for (const statement of statements) {
          expect(violations(statement), `${file.path}: ${statement.text}`).toEqual([]);
        }
        // SnowSQL's !source is the only client command, and only deploy.sql uses it.
        for (const command of commands) expect(command, file.path).toMatch(/^!source [\w./~-]+\.sql$/);
        if (!file.path.endsWith('/deploy.sql')) expect(commands, file.path).toEqual([]);
      }
    });
  }

  it('rejects PostgreSQL-only constructs and unknown keywords', () => {
    const bad = [
      "CREATE TABLE IF NOT EXISTS d.s.t (\n  a NUMBER(10,0) NOT NULL DEFAULT now()\n);",
      "CREATE TABLE IF NOT EXISTS d.s.t (\n  a SERIAL\n);",
      "UPDATE d.s.t SET is_active = FALSE, systime = CURRENT_TIMESTAMP() WHERE is_active AND a::text = 'x';",
      "CREATE TABLE IF NOT EXISTS d.s.t (\n  sys_end TIMESTAMP_TZ NOT NULL DEFAULT 'infinity'\n);",
      "CREATE TABLE IF NOT EXISTS d.s.t (\n  p TSTZRANGE\n);",
      "CREATE TABLE IF NOT EXISTS d.s.t (\n  a VARCHAR(36) DEFAULT gen_random_uuid()\n);",
      "CREATE UNLOGGED TABLE d.s.t (a VARCHAR);",
    ];
    for (const sql of bad) expect(violations(splitSql(sql).statements[0]), sql).not.toEqual([]);
    const good = "CREATE TABLE IF NOT EXISTS d.s.t (\n  a NUMBER(10,0) NOT NULL DEFAULT 1,\n  CONSTRAINT t_pkey PRIMARY KEY (a)\n);";
    expect(violations(splitSql(good).statements[0])).toEqual([]);
  });
});
