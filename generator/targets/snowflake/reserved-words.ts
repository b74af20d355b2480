/**
 * Words Snowflake will not read as a bare identifier: the reserved and limited keywords of
 * https://docs.snowflake.com/en/sql-reference/reserved-keywords (all ANSI reserved words but the type names,
 * plus ASC/DESC-style extras, REGEXP, RLIKE, SOME), including those only limited in some positions — quoting
 * one of those too is harmless, because lakegen quotes reserved words in their upper-case stored form.
 */
export const SNOWFLAKE_RESERVED_WORDS: ReadonlySet<string> = new Set([
  'ACCOUNT', 'ALL', 'ALTER', 'AND', 'ANY', 'AS', 'BETWEEN', 'BY', 'CASE', 'CAST', 'CHECK', 'COLUMN', 'CONNECT',
  'CONNECTION', 'CONSTRAINT', 'CREATE', 'CROSS', 'CURRENT', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP',
  'CURRENT_USER', 'DATABASE', 'DELETE', 'DISTINCT', 'DROP', 'ELSE', 'EXISTS', 'FALSE', 'FOLLOWING', 'FOR', 'FROM',
  'FULL', 'GRANT', 'GROUP', 'GSCLUSTER', 'HAVING', 'ILIKE', 'IN', 'INCREMENT', 'INNER', 'INSERT', 'INSERT_ONLY',
  'INTERSECT', 'INTO', 'IS', 'ISSUE', 'JOIN', 'LATERAL', 'LEFT', 'LIKE', 'LOCALTIME', 'LOCALTIMESTAMP',
  'MATCH_RECOGNIZE', 'MINUS', 'NATURAL', 'NOT', 'NULL', 'NULL_IF', 'OF', 'ON', 'OR', 'ORDER', 'ORGANIZATION',
  'PARTITION', 'QUALIFY', 'REGEXP', 'REVOKE', 'RIGHT', 'RLIKE', 'ROW', 'ROWS', 'SAMPLE', 'SCHEMA', 'SELECT', 'SET',
  'SOME', 'START', 'STRICT', 'TABLE', 'TABLESAMPLE', 'THEN', 'TO', 'TRIGGER', 'TRUE', 'TRY_CAST', 'UNION', 'UNIQUE',
  'UNPIVOT', 'UPDATE', 'USING', 'VALUES', 'VIEW', 'WHEN', 'WHENEVER', 'WHERE', 'WINDOW', 'WITH',
]);
