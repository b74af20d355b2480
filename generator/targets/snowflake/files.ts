/**
 * One database on Snowflake as files under snowflake/<database>/, in the order deploy.sql runs them:
 * database.sql, schemas.sql, tables/ (one file per table, foreign keys in dependency order), foreign_keys.sql
 * (keys closing a cycle), temporal/ (stream, task, views of each temporal table), data/ (reference rows),
 * and PORTABILITY.md beside them. Every name is three-part, so no file depends on USE DATABASE.
 */
import type { Database, Table } from '../../model/catalog.js';
import { fileSafeName } from '../../model/naming.js';
import { creationOrder } from '../../model/reference-graph.js';
import type { ProjectConfig } from '../../project/config.js';
import { renderTemplate } from '../shared/render-template.js';
import { generatedHeader, type GeneratedFile, type TargetOutput } from '../target.js';
import { reportGeneratedKeys, warehouseContext } from '../warehouse/columns.js';
import { tableKeys } from '../warehouse/keys.js';
import { temporalShape } from '../warehouse/temporal.js';
import { SNOWFLAKE } from './dialect.js';
import { deferredForeignKeyStatement } from './foreign-keys.js';
import { addGeneralNotes } from './portability.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './quote.js';
import { referenceDataStatements } from './reference-data.js';
import { tableStatements } from './table-ddl.js';
import { temporalStatements } from './temporal.js';

interface SqlFile {
  readonly file: string;
  readonly source?: string;
  readonly statements: readonly string[];
}

export function snowflakeDatabase(database: Database, config: ProjectConfig): TargetOutput {
  const context = warehouseContext(SNOWFLAKE);
  const order = creationOrder(database);
  const sqlFiles: SqlFile[] = [databaseFile(database), schemasFile(database)];
  const deferred: string[] = [];
  for (const table of order.tables) {
    const keys = tableKeys(database, table, order.deferredForeignKeys);
    sqlFiles.push({ file: `tables/${tableFileName(table)}`, source: table.source,
      statements: tableStatements({ context, databaseName: database.name, table, keys }) });
    const carrier = table.temporal ? temporalShape(table).current : table.name;
    for (const fk of keys.foreignKeys.filter((k) => k.deferred && k.target !== 'other')) {
      deferred.push(deferredForeignKeyStatement(database.name, table.schema, carrier, fk));
    }
  }
  if (deferred.length > 0) sqlFiles.push({ file: 'foreign_keys.sql', statements: deferred });
  for (const table of order.tables.filter((t) => t.temporal)) {
    sqlFiles.push({ file: `temporal/${tableFileName(table)}`, source: table.source,
      statements: temporalStatements(context, database.name, table, config) });
  }
  for (const table of order.tables.filter((t) => t.kind === 'reference')) {
    sqlFiles.push({ file: `data/${tableFileName(table)}`, source: table.source,
      statements: referenceDataStatements(SNOWFLAKE, table, qualifiedName(database.name, table.schema, table.name)) });
  }
  addGeneralNotes(context.notes, order.tables);
  const folder = `snowflake/${fileSafeName(database.name)}`;
  const files: GeneratedFile[] = sqlFiles.map((f) => ({ path: `${folder}/${f.file}`, contents: renderSqlFile(f) }));
  files.push({ path: `${folder}/deploy.sql`, contents: renderTemplate('snowflake', 'deploy.sql', {
    header: generatedHeader('--'), database: database.name, files: sqlFiles.map((f) => f.file),
  }) });
  files.push({ path: `${folder}/PORTABILITY.md`, contents: renderTemplate('snowflake', 'PORTABILITY.md', context.notes.view(order.tables, {
    header: `${generatedHeader('<!--')} -->`,
    title: `Portability of ${database.name} on Snowflake`,
    intro: [`What changes when the \`${database.name}\` definitions run on Snowflake instead of PostgreSQL, `
      + 'table by table. It is generated with the DDL beside it: review both together.'],
  })) });
  reportGeneratedKeys(context);
  return { files, diagnostics: context.diagnostics };
}

function renderSqlFile(file: SqlFile): string {
  return renderTemplate('snowflake', 'file.sql', {
    header: generatedHeader('--', file.source ? `definitions/${file.source}` : undefined),
    statements: file.statements,
  });
}

function databaseFile(database: Database): SqlFile {
  const name = quoteIdent(database.name);
  const statements = [`CREATE DATABASE IF NOT EXISTS ${name};`];
  if (database.description !== undefined) statements.push(`COMMENT ON DATABASE ${name} IS ${quoteLiteral(database.description)};`);
  return { file: 'database.sql', source: database.source, statements };
}

function schemasFile(database: Database): SqlFile {
  const statements: string[] = [];
  for (const schema of database.schemas) {
    const name = qualifiedName(database.name, schema.name);
    statements.push(`CREATE SCHEMA IF NOT EXISTS ${name};`);
    if (schema.description !== undefined) statements.push(`COMMENT ON SCHEMA ${name} IS ${quoteLiteral(schema.description)};`);
  }
  return { file: 'schemas.sql', source: database.source, statements };
}

export function tableFileName(table: Table): string {
  return `${fileSafeName(table.schema)}.${fileSafeName(table.name)}.sql`;
}
