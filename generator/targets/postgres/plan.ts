/**
 * The PostgreSQL deploy plan of one database: every statement group in deploy order, tagged with the apply
 * step it belongs to and the file it is written to. `compile` writes the plan's files; `apply` runs the
 * same plan, so what reviewers read is exactly what runs.
 */
import type { Database, Table } from '../../model/catalog.js';
import { fileSafeName } from '../../model/naming.js';
import { creationOrder } from '../../model/reference-graph.js';
import { renderTemplate } from '../shared/render-template.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './quote.js';
import { referenceDataSql, upsertStatement, type ReferenceDataSql } from './reference-data.js';
import { dollarQuote } from './sql-text.js';
import { foreignKeyConstraint, tableDdl } from './table-ddl.js';
import { temporalParts } from './temporal.js';
import { postgresColumnType } from './types.js';

export const APPLY_STEPS = ['schemas', 'tables', 'temporal', 'views', 'data'] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];

export interface PlanEntry {
  readonly step: ApplyStep;
  /** What the statements create, e.g. `schema trading`, `table trading.trade`. */
  readonly object: string;
  /** File (relative to the database's folder) the statements are written to. */
  readonly file: string;
  /** The definition file the entry comes from, for the file header. */
  readonly source?: string;
  readonly sql: string;
  /** For `data` entries: the pieces, so apply can count what they did. */
  readonly data?: ReferenceDataSql;
  /** The table the entry belongs to, as `schema.table`. */
  readonly tableId?: string;
}

export interface DatabasePlan {
  readonly database: Database;
  /** Run outside a transaction, connected to another database (PostgreSQL requires it). */
  readonly createDatabase: string;
  readonly databaseComment?: string;
  /**
   * Sets (or clears) the comment of the database the session is connected to, inside apply's transaction:
   * written against current_database(), since an embedded database has another name than the definitions'.
   */
  readonly currentDatabaseComment: string;
  readonly entries: readonly PlanEntry[];
}

export function planDatabase(database: Database): DatabasePlan {
  const order = creationOrder(database);
  const entries: PlanEntry[] = [schemasEntry(database)];
  for (const table of order.tables) {
    const file = `tables/${tableFileName(table)}`;
    const ddl = tableDdl(table, order.deferredForeignKeys);
    entries.push({
      step: 'tables', object: `table ${table.schema}.${table.name}`, file, source: table.source, tableId: `${table.schema}.${table.name}`,
      sql: renderTemplate('postgres', 'table.sql', { name: qualifiedName(table.schema, table.name), ...ddl }),
    });
    if (table.temporal) {
      const parts = temporalParts({
        schema: table.schema,
        table: table.name,
        view: table.temporal.currentView,
        keyColumns: [...table.temporal.key],
        columns: table.columns
          .filter((c) => c.name !== 'sys_start' && c.name !== 'sys_end')
          .map((c) => ({ name: c.name, sqlType: postgresColumnType(c.type) })),
      });
      const tableId = `${table.schema}.${table.name}`;
      entries.push({ step: 'temporal', object: `history of ${tableId}`, file, source: table.source, tableId, sql: parts.history.trimEnd() });
      entries.push({ step: 'views', object: `views of ${tableId}`, file, source: table.source, tableId, sql: parts.views.trimEnd() });
    }
  }
  for (const table of order.tables) {
    for (const column of table.columns) {
      if (!order.deferredForeignKeys.has(`${table.schema}.${table.name}.${column.name}`)) continue;
      entries.push({
        step: 'tables', object: `foreign key ${table.schema}.${table.name}.${column.name}`, file: 'foreign_keys.sql',
        sql: deferredForeignKeySql(table, column.name),
      });
    }
  }
  for (const table of order.tables) {
    if (table.kind !== 'reference') continue;
    const data = referenceDataSql(table);
    entries.push({
      step: 'data', object: `rows of ${table.schema}.${table.name}`, file: `data/${tableFileName(table)}`,
      source: table.source, sql: [...(data.upserts.length > 0 ? [upsertStatement(data.upserts)] : []), data.deactivate].join('\n\n'), data,
      tableId: `${table.schema}.${table.name}`,
    });
  }
  return {
    database,
    createDatabase: `CREATE DATABASE ${quoteIdent(database.name)}`,
    databaseComment: database.description === undefined
      ? undefined : `COMMENT ON DATABASE ${quoteIdent(database.name)} IS ${quoteLiteral(database.description)}`,
    currentDatabaseComment: `SELECT set_config('lakegen.comment', ${database.description === undefined ? "''" : quoteLiteral(database.description)}, true);\n`
      + "DO $lakegen$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), "
      + "nullif(current_setting('lakegen.comment'), '')); END $lakegen$;",
    entries,
  };
}

function schemasEntry(database: Database): PlanEntry {
  return {
    step: 'schemas', object: 'schemas', file: 'schemas.sql', source: database.source,
    sql: renderTemplate('postgres', 'schemas.sql', {
      extensions: database.extensions.map((e) => `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(e)};`),
      schemas: database.schemas.map((schema) => ({
        create: `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema.name)};`,
        comment: schema.description === undefined
          ? undefined : `COMMENT ON SCHEMA ${quoteIdent(schema.name)} IS ${quoteLiteral(schema.description)};`,
      })),
    }).trimEnd(),
  };
}

/** ALTER TABLE … ADD CONSTRAINT for a foreign key that closes a cycle, guarded so that it runs twice. */
function deferredForeignKeySql(table: Table, columnName: string): string {
  const column = table.columns.find((c) => c.name === columnName)!;
  const name = qualifiedName(table.schema, table.name);
  const constraint = foreignKeyConstraint(table, column);
  const constraintName = constraint.split(' ')[1];
  const body = [
    '',
    'BEGIN',
    `  IF NOT EXISTS (SELECT FROM pg_constraint WHERE conrelid = ${quoteLiteral(name)}::regclass AND conname = ${quoteLiteral(unquote(constraintName))}) THEN`,
    `    ALTER TABLE ${name} ADD ${constraint};`,
    '  END IF;',
    'END',
    '',
  ].join('\n');
  return `DO ${dollarQuote(body)};`;
}

function unquote(identifier: string): string {
  return identifier.startsWith('"') ? identifier.slice(1, -1).replace(/""/g, '"') : identifier;
}

export function tableFileName(table: Table): string {
  return `${fileSafeName(table.schema)}.${fileSafeName(table.name)}.sql`;
}
