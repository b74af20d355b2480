/**
 * Foreign keys that close a reference cycle. Snowflake needs the referenced table to exist, so they are added
 * with ALTER TABLE … ADD CONSTRAINT once every table does. That statement fails when the constraint exists
 * and Snowflake has no ADD CONSTRAINT IF NOT EXISTS, so — like the PostgreSQL target's DO block — a Snowflake
 * Scripting block (https://docs.snowflake.com/en/sql-reference/sql/execute-immediate) adds it only when
 * INFORMATION_SCHEMA.TABLE_CONSTRAINTS does not list it yet, keeping the deploy re-runnable.
 */
import { renderTemplate } from '../shared/render-template.js';
import type { ForeignKeyPlan } from '../warehouse/keys.js';
import { dollarBody, qualifiedName, quoteIdent, quoteLiteral, storedName } from './quote.js';

/** `tableName` is the table that carries the key: for a temporal table, its current-state table. */
export function deferredForeignKeyStatement(databaseName: string, schema: string, tableName: string, fk: ForeignKeyPlan): string {
  const definition = `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY (${quoteIdent(fk.column.name)}) `
    + `REFERENCES ${qualifiedName(databaseName, fk.schema, fk.table)} (${quoteIdent(fk.referencedColumn)})`;
  const body = renderTemplate('snowflake', 'guarded-constraint.sql', {
    database: quoteIdent(databaseName),
    // INFORMATION_SCHEMA holds names as stored: upper case for the ones lakegen writes bare.
    schema: quoteLiteral(storedName(schema)),
    table: quoteLiteral(storedName(tableName)),
    constraint: quoteLiteral(storedName(fk.name)),
    qualifiedTable: qualifiedName(databaseName, schema, tableName),
    definition,
  }).trimEnd();
  return `EXECUTE IMMEDIATE ${dollarBody(body)};`;
}
