/**
 * Words Databricks will not read as a bare identifier everywhere: the ANSI-mode reserved keywords (SQL
 * warehouses run with ANSI mode; https://spark.apache.org/docs/latest/sql-ref-ansi-compliance.html#sql-keywords),
 * the words Databricks requires back-ticks for as table aliases, and the words it prefers as keywords inside
 * expressions (https://docs.databricks.com/sql/language-manual/sql-ref-reserved-words.html). Databricks names
 * are case-insensitive, so quoting one of these more than needed changes nothing.
 */
export const DATABRICKS_RESERVED_WORDS: ReadonlySet<string> = new Set([
  'ALL', 'AND', 'ANTI', 'ANY', 'AS', 'AUTHORIZATION', 'BOTH', 'CASE', 'CAST', 'CHECK', 'COLLATE', 'COLUMN',
  'CONSTRAINT', 'CREATE', 'CROSS', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'CURRENT_USER', 'DEFAULT',
  'ELSE', 'END', 'ESCAPE', 'EXCEPT', 'FALSE', 'FETCH', 'FILTER', 'FOR', 'FOREIGN', 'FROM', 'FULL', 'GRANT', 'GROUP',
  'HAVING', 'IN', 'INNER', 'INTERSECT', 'INTO', 'IS', 'JOIN', 'LATERAL', 'LEADING', 'LEFT', 'MINUS', 'NATURAL',
  'NOT', 'NULL', 'ON', 'ONLY', 'OR', 'ORDER', 'OUTER', 'OVERLAPS', 'PRIMARY', 'REFERENCES', 'RIGHT', 'SELECT',
  'SEMI', 'SESSION_USER', 'SOME', 'TABLE', 'THEN', 'TO', 'TRAILING', 'TRUE', 'UNION', 'UNIQUE', 'UNKNOWN', 'USER',
  'USING', 'WHEN', 'WHERE', 'WITH',
]);
