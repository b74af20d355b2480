/**
 * Comments whose description left the definitions. The deploy sets a comment for every description
 * (COMMENT ON … IS …) but cannot clear one whose description was removed without a statement per undescribed
 * column; apply, which can read the catalog, clears those: the database then holds exactly the definitions'
 * descriptions.
 */
import type { DatabasePlan } from '../targets/postgres/plan.js';
import { qualifiedName, quoteIdent } from '../targets/postgres/quote.js';
import type { DatabaseSession } from './connection.js';

/**
 * Statements clearing the comments of the plan's schemas, tables and columns that have no description, and a
 * note for each such comment on an object the role does not own (only the owner may comment on it).
 */
export async function staleCommentStatements(
  session: DatabaseSession, plan: DatabasePlan, steps: readonly string[],
): Promise<{ statements: string[]; notes: string[] }> {
  // a schema's comment belongs to the schemas step, a table's or column's to the tables step (`--only`)
  const schemasStep = steps.includes('schemas');
  const tablesStep = steps.includes('tables');
  if (!schemasStep && !tablesStep) return { statements: [], notes: [] };
  const described = new Set<string>();
  const schemas = plan.database.schemas.map((s) => s.name);
  for (const schema of plan.database.schemas) {
    if (schema.description !== undefined) described.add(schema.name);
    for (const table of schema.tables) {
      if (table.description !== undefined) described.add(`${schema.name}.${table.name}`);
      for (const column of table.columns) if (column.description !== undefined) described.add(`${schema.name}.${table.name}.${column.name}`);
    }
  }
  const tables = new Set(plan.database.schemas.flatMap((s) => s.tables.map((t) => `${s.name}.${t.name}`)));
  const live = await session.query(`
    SELECT n.nspname AS schema, c.relname AS "table", a.attname AS "column", d.objsubid AS subid,
           pg_has_role(c.relowner, 'USAGE') AS owner
      FROM pg_description d
      JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid AND c.relkind IN ('r', 'p')
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
     WHERE n.nspname = ANY($1::text[])
    UNION ALL
    SELECT n.nspname, NULL, NULL, 0, pg_has_role(n.nspowner, 'USAGE')
      FROM pg_description d JOIN pg_namespace n ON d.classoid = 'pg_namespace'::regclass AND n.oid = d.objoid
     WHERE n.nspname = ANY($1::text[])`, [schemas]);
  const statements: string[] = [];
  const notes: string[] = [];
  const clear = (statement: string, owner: unknown) => {
    if (owner) statements.push(statement);
    else notes.push(`not cleared (only the owner may): ${statement}`);
  };
  for (const row of live.rows) {
    const schema = String(row.schema);
    if (row.table === null) {
      if (schemasStep && !described.has(schema)) clear(`COMMENT ON SCHEMA ${quoteIdent(schema)} IS NULL;`, row.owner);
      continue;
    }
    const table = `${schema}.${String(row.table)}`;
    if (!tablesStep || !tables.has(table)) continue; // not lakegen's table: its comments are its owner's
    if (Number(row.subid) > 0 && row.column === null) continue; // a comment of a column that is gone
    if (row.column === null) {
      if (!described.has(table)) clear(`COMMENT ON TABLE ${qualifiedName(schema, String(row.table))} IS NULL;`, row.owner);
    } else if (!described.has(`${table}.${String(row.column)}`)) {
      clear(`COMMENT ON COLUMN ${qualifiedName(schema, String(row.table))}.${quoteIdent(String(row.column))} IS NULL;`, row.owner);
    }
  }
  return { statements: statements.sort(), notes: notes.sort() };
}
