/**
 * One database on Databricks as files under databricks/<database>/:
 *   deploy.sql     every SQL-warehouse statement in deploy order — schemas, tables (foreign keys in dependency
 *                  order, then the keys that close a cycle), reference rows — one section per table. Databricks
 *                  SQL has no include command, so unlike Snowflake the deploy is one file;
 *   pipeline/      one pipeline source file per temporal table (the history, see pipeline.ts);
 *   PORTABILITY.md what changes from PostgreSQL.
 * Names are three-part, with the Unity Catalog catalog from lakegen.config.yaml (databricks.catalog).
 */
import type { Database } from '../../model/catalog.js';
import { tableId } from '../../model/catalog.js';
import { fileSafeName } from '../../model/naming.js';
import { creationOrder } from '../../model/reference-graph.js';
import type { ProjectConfig } from '../../project/config.js';
import { renderTemplate } from '../shared/render-template.js';
import { generatedHeader, type GeneratedFile, type TargetOutput } from '../target.js';
import { reportGeneratedKeys, warehouseContext } from '../warehouse/columns.js';
import { tableKeys } from '../warehouse/keys.js';
import { temporalShape } from '../warehouse/temporal.js';
import { DATABRICKS } from './dialect.js';
import { pipelineFileName, pipelineSource } from './pipeline.js';
import { addGeneralNotes } from './portability.js';
import { qualifiedName, quoteLiteral } from './quote.js';
import { referenceDataStatements } from './reference-data.js';
import { foreignKeyClause, replaceConstraint, tableStatements } from './table-ddl.js';

interface Section {
  readonly title: string;
  readonly statements: readonly string[];
}

export function databricksDatabase(database: Database, config: ProjectConfig): TargetOutput {
  const catalog = config.databricks.catalog;
  const context = warehouseContext(DATABRICKS);
  const order = creationOrder(database);
  const sections: Section[] = [schemasSection(database, catalog)];
  const deferred: string[] = [];
  for (const table of order.tables) {
    const keys = tableKeys(database, table, order.deferredForeignKeys);
    const input = { context, catalog, table, keys };
    sections.push({ title: `table ${tableId(table)} (definitions/${table.source})`, statements: tableStatements(input) });
    const carrier = qualifiedName(catalog, table.schema, table.temporal ? temporalShape(table).current : table.name);
    for (const fk of keys.foreignKeys.filter((k) => k.deferred && k.target === 'primary key')) {
      deferred.push(...replaceConstraint(carrier, fk.name, foreignKeyClause(input, fk)));
    }
  }
  if (deferred.length > 0) sections.push({ title: 'foreign keys that close a reference cycle', statements: deferred });
  for (const table of order.tables.filter((t) => t.kind === 'reference')) {
    sections.push({ title: `rows of ${tableId(table)} (definitions/${table.source})`,
      statements: referenceDataStatements(DATABRICKS, table, qualifiedName(catalog, table.schema, table.name)) });
  }
  const temporal = order.tables.filter((t) => t.temporal);
  const folder = `databricks/${fileSafeName(database.name)}`;
  const files: GeneratedFile[] = temporal.map((table) => ({
    path: `${folder}/${pipelineFileName(table)}`, contents: pipelineSource(context, catalog, table),
  }));
  files.push({ path: `${folder}/deploy.sql`, contents: renderTemplate('databricks', 'deploy.sql', {
    header: generatedHeader('--', `definitions/${database.source}`),
    database: database.name, catalog, sections, pipelines: temporal.map(pipelineFileName),
  }) });
  addGeneralNotes(context.notes, database, catalog, order.tables);
  files.push({ path: `${folder}/PORTABILITY.md`, contents: renderTemplate('databricks', 'PORTABILITY.md', context.notes.view(order.tables, {
    header: `${generatedHeader('<!--')} -->`,
    title: `Portability of ${database.name} on Databricks`,
    intro: [`What changes when the \`${database.name}\` definitions run on Databricks (Unity Catalog, Delta) instead of `
      + 'PostgreSQL, table by table. It is generated with the DDL beside it: review both together.'],
  })) });
  reportGeneratedKeys(context);
  return { files, diagnostics: context.diagnostics };
}

function schemasSection(database: Database, catalog: string): Section {
  const statements: string[] = [];
  for (const schema of database.schemas) {
    const name = qualifiedName(catalog, schema.name);
    statements.push(`CREATE SCHEMA IF NOT EXISTS ${name};`);
    if (schema.description !== undefined) statements.push(`COMMENT ON SCHEMA ${name} IS ${quoteLiteral(schema.description)};`);
  }
  return { title: `schemas (definitions/${database.source})`, statements };
}
