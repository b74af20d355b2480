/**
 * Every statement lakegen writes for Databricks — deploy.sql for a SQL warehouse and the pipeline files — has
 * one of the forms below, each taken from the Databricks SQL reference (the page is cited beside it). Forms
 * are matched on the statement with strings masked as 's' and back-ticked names as `i`, whitespace collapsed.
 * Every upper-case word must be a keyword of those forms, and no PostgreSQL-only construct (nor a Snowflake
 * double-quoted name, which Databricks would read as a string) may appear.
 */
import { describe, expect, it } from 'vitest';
import { compileFixture, FIXTURE_NAMES } from '../../support/golden.js';
import { flat, postgresOnlyConstructs, splitSql, upperCaseWords, type SqlStatement } from '../snowflake/sql-statements.js';

const N = String.raw`(?:[a-z_][a-z0-9_]*|\`i\`)`;
const Q = String.raw`${N}(?:\.${N}){1,2}`;
const TYPE = String.raw`(?:SMALLINT|INT|BIGINT|STRING|VARCHAR\(\d+\)|CHAR\(\d+\)|DECIMAL\(\d+,\d+\)|FLOAT|DOUBLE|BOOLEAN|DATE|TIMESTAMP|TIMESTAMP_NTZ|VARIANT|BINARY)`;
const PROPERTY = String.raw`delta\.[A-Za-z.]+ = (?:true|'s')`;
const re = (source: string) => new RegExp(`^${source}$`);

const FORMS: readonly { readonly name: string; readonly form: RegExp }[] = [
  // https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-create-schema.html
  { name: 'CREATE SCHEMA', form: re(String.raw`CREATE SCHEMA IF NOT EXISTS ${N}\.${N};`) },
  // https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-comment.html
  { name: 'COMMENT ON', form: re(String.raw`COMMENT ON (?:SCHEMA|TABLE) ${Q} IS 's';`) },
  // https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-alter-table-manage-column.html
  { name: 'ALTER COLUMN COMMENT', form: re(String.raw`ALTER TABLE ${Q} ALTER COLUMN ${N} COMMENT 's';`) },
  // https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-create-table-using.html
  // (CLUSTER BY: sql-ref-syntax-ddl-cluster-by.html; TBLPROPERTIES: sql-ref-syntax-ddl-tblproperties.html)
  { name: 'CREATE TABLE', form: re(String.raw`CREATE TABLE IF NOT EXISTS ${Q} \( .+ \) USING DELTA(?: CLUSTER BY \(${N}(?:, ${N})*\))?(?: TBLPROPERTIES \(${PROPERTY}(?:, ${PROPERTY})*\))?;`) },
  // https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-alter-table-drop-constraint.html
  { name: 'DROP CONSTRAINT', form: re(String.raw`ALTER TABLE ${Q} DROP CONSTRAINT IF EXISTS ${N};`) },
  // https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-alter-table-add-constraint.html
  { name: 'ADD CONSTRAINT', form: re(String.raw`ALTER TABLE ${Q} ADD CONSTRAINT ${N} (?:CHECK \(.+\)|FOREIGN KEY \(${N}\) REFERENCES ${Q} \(${N}\));`) },
  // https://docs.databricks.com/sql/language-manual/delta-merge-into.html (inline table: sql-ref-syntax-qry-select-inline-table.html)
  { name: 'MERGE rows', form: re(String.raw`MERGE INTO ${Q} AS target USING \( SELECT .+ FROM VALUES .+ AS source_rows \(.+\) \) AS source ON .+ WHEN MATCHED AND \(.+\) THEN UPDATE SET .+ WHEN NOT MATCHED THEN INSERT \(.+\) VALUES \(.+\) WHEN NOT MATCHED BY SOURCE AND target\.is_active THEN UPDATE SET is_active = FALSE, systime = current_timestamp\(\);`) },
  // https://docs.databricks.com/sql/language-manual/delta-update.html
  { name: 'UPDATE deactivate', form: re(String.raw`UPDATE ${Q} SET is_active = FALSE, systime = current_timestamp\(\) WHERE is_active;`) },
  // https://docs.databricks.com/ldp/developer/ldp-sql-ref-create-temporary-view.html (change feed: delta/delta-change-data-feed.html)
  { name: 'CREATE TEMPORARY VIEW', form: re(String.raw`CREATE TEMPORARY VIEW ${N} AS SELECT \* FROM STREAM\(${Q}\) WITH \(readChangeFeed = true\) WHERE _change_type <> 's';`) },
  // https://docs.databricks.com/ldp/developer/ldp-sql-ref-create-streaming-table.html
  { name: 'CREATE STREAMING TABLE', form: re(String.raw`CREATE OR REFRESH STREAMING TABLE ${Q} COMMENT 's';`) },
  // https://docs.databricks.com/dlt-ref/dlt-sql-ref-apply-changes-into.html (AUTO CDC INTO, CREATE FLOW)
  { name: 'CREATE FLOW … AUTO CDC', form: re(String.raw`CREATE FLOW ${N} AS AUTO CDC INTO ${Q} FROM STREAM\(${N}\) KEYS \(${N}(?:, ${N})*\) APPLY AS DELETE WHEN _change_type = 's' SEQUENCE BY _commit_timestamp COLUMNS \* EXCEPT \(_change_type, _commit_version, _commit_timestamp\) STORED AS SCD TYPE 2;`) },
  // https://docs.databricks.com/dlt-ref/dlt-sql-ref-create-view.html
  { name: 'CREATE VIEW', form: re(String.raw`CREATE VIEW ${Q} COMMENT 's' AS SELECT (?:${N}, )*__START_AT AS sys_start, __END_AT AS sys_end FROM ${Q}(?: WHERE __END_AT IS NULL)?;`) },
];

/** A line inside CREATE TABLE: a column or a table constraint (sql-ref-syntax-ddl-create-table-constraint.html). */
const COLUMN_LINE = re(String.raw`${N} ${TYPE}(?: NOT NULL)?(?: DEFAULT (?:current_timestamp\(\)|TRUE|FALSE|-?\d+(?:\.\d+)?|'s'|CAST\('s' AS ${TYPE}\)))?`);
const CONSTRAINT_LINE = re(String.raw`CONSTRAINT ${N} (?:PRIMARY KEY \(${N}(?:, ${N})*\)(?: RELY)?|FOREIGN KEY \(${N}\) REFERENCES ${Q} \(${N}\))`);

const KEYWORDS = new Set(`CREATE SCHEMA TABLE IF NOT EXISTS COMMENT ON IS ALTER COLUMN USING DELTA CLUSTER BY
  TBLPROPERTIES CONSTRAINT PRIMARY KEY RELY FOREIGN REFERENCES DROP ADD CHECK NULL DEFAULT TRUE FALSE AND OR IN
  BETWEEN LIKE MERGE INTO AS SELECT CAST PARSE_JSON UNHEX FROM VALUES WHEN MATCHED THEN UPDATE SET INSERT DISTINCT
  SOURCE WHERE TEMPORARY VIEW STREAM WITH REFRESH STREAMING FLOW AUTO CDC KEYS APPLY DELETE SEQUENCE COLUMNS EXCEPT
  STORED SCD TYPE SMALLINT INT BIGINT STRING VARCHAR CHAR DECIMAL FLOAT DOUBLE BOOLEAN DATE TIMESTAMP TIMESTAMP_NTZ
  VARIANT BINARY COALESCE`.split(/\s+/));

function violations(statement: SqlStatement): string[] {
  const problems = postgresOnlyConstructs(statement).map((what) => `PostgreSQL-only ${what}`);
  if (statement.code.includes('"')) problems.push('double-quoted name (a string on Databricks)');
  if (statement.code.includes('$$')) problems.push('$$ body (Snowflake syntax)');
  const unknown = upperCaseWords(statement).filter((w) => !KEYWORDS.has(w));
  if (unknown.length > 0) problems.push(`unknown keywords ${[...new Set(unknown)].join(', ')}`);
  const form = FORMS.find((f) => f.form.test(flat(statement)));
  if (!form) problems.push('no allowed statement form');
  if (form?.name === 'CREATE TABLE') problems.push(...tableLineViolations(statement));
  return problems;
}

function tableLineViolations(statement: SqlStatement): string[] {
  const body = statement.code.slice(statement.code.indexOf('(\n') + 2, statement.code.lastIndexOf('\n)'));
  return body.split('\n').map((l) => l.trim().replace(/,$/, ''))
    .filter((line) => !COLUMN_LINE.test(line) && !CONSTRAINT_LINE.test(line))
    .map((line) => `CREATE TABLE line not of a column or constraint form: ${line}`);
}

describe('databricks statement forms', () => {
  for (const fixture of ['definitions', ...FIXTURE_NAMES]) {
    it(`${fixture}: every statement has an allowed form`, async () => {
      const files = (await compileFixture(fixture, ['databricks'])).filter((f) => f.path.endsWith('.sql'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const { statements, commands } = splitSql(file.contents);
        expect(commands, file.path).toEqual([]);
        for (const statement of statements) {
          expect(violations(statement), `${file.path}: ${statement.text}`).toEqual([]);
        }
      }
    });
  }

  it('rejects PostgreSQL-only and Snowflake-only constructs and unknown keywords', () => {
    const bad = [
      'CREATE TABLE IF NOT EXISTS c.s.t (\n  a INT NOT NULL DEFAULT now()\n)\nUSING DELTA;',
      'CREATE TABLE IF NOT EXISTS c.s.t (\n  a SERIAL\n)\nUSING DELTA;',
      'CREATE TABLE IF NOT EXISTS c.s.t (\n  "a" INT\n)\nUSING DELTA;',
      'CREATE TABLE IF NOT EXISTS c.s.t (\n  a NUMBER(10,0)\n)\nUSING DELTA;',
      'CREATE TABLE IF NOT EXISTS c.s.t (\n  a TIMESTAMP DEFAULT \'infinity\'\n)\nUSING DELTA;',
      "ALTER TABLE c.s.t ADD CONSTRAINT t_check CHECK (a::int > 0);",
      'CREATE TABLE c.s.t (a INT) USING PARQUET;',
    ];
    for (const sql of bad) expect(violations(splitSql(sql).statements[0]), sql).not.toEqual([]);
    const good = 'CREATE TABLE IF NOT EXISTS c.s.t (\n  a INT NOT NULL,\n  CONSTRAINT t_pkey PRIMARY KEY (a)\n)\nUSING DELTA\nCLUSTER BY (a);';
    expect(violations(splitSql(good).statements[0])).toEqual([]);
  });
});
