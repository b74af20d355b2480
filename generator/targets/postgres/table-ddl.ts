/**
 * CREATE TABLE for one table, with its keys, checks, inline foreign keys, indexes and comments. Everything is
 * decided here (types, quoting, constraint names, order); templates/postgres/table.sql.hbs only lays it out.
 */
import type { Column, Table } from '../../model/catalog.js';
import {
  columnCheckName, foreignKeyName, periodCheckName, primaryKeyName, uniqueConstraintName,
} from '../../model/naming.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './quote.js';
import { commentLiteral, defaultExpression, referentialAction } from './sql-text.js';
import { postgresColumnType } from './types.js';

export interface TableDdl {
  readonly columns: string[];
  readonly constraints: string[];
  readonly indexes: string[];
  readonly comments: string[];
}

/** `deferredForeignKeys` holds columns whose foreign key closes a cycle: created later by ALTER TABLE. */
export function tableDdl(table: Table, deferredForeignKeys: ReadonlySet<string>): TableDdl {
  const name = qualifiedName(table.schema, table.name);
  const constraints = [
    `CONSTRAINT ${quoteIdent(primaryKeyName(table.name))} PRIMARY KEY (${identList(table.primaryKey)})`,
  ];
  for (const column of table.columns) {
    if (column.unique) {
      constraints.push(`CONSTRAINT ${quoteIdent(uniqueConstraintName(table.name, column.name))} UNIQUE (${quoteIdent(column.name)})`);
    }
  }
  for (const column of table.columns) {
    if (column.check) constraints.push(`CONSTRAINT ${quoteIdent(columnCheckName(table.name, column.name))} CHECK (${column.check})`);
  }
  if (table.temporal) {
    constraints.push(`CONSTRAINT ${quoteIdent(periodCheckName(table.name))} CHECK (sys_start < sys_end)`);
  }
  for (const column of table.columns) {
    if (column.references && !column.references.logical && !deferredForeignKeys.has(`${table.schema}.${table.name}.${column.name}`)) {
      constraints.push(foreignKeyConstraint(table, column));
    }
  }
  return {
    columns: table.columns.map(columnDefinition),
    constraints,
    indexes: table.indexes.map((index) =>
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quoteIdent(index.name)} ON ${name} (${identList(index.columns)});`),
    comments: tableComments(table),
  };
}

export function foreignKeyConstraint(table: Table, column: Column): string {
  const reference = column.references!;
  const parts = [
    `CONSTRAINT ${quoteIdent(foreignKeyName(table.name, column.name))} FOREIGN KEY (${quoteIdent(column.name)})`,
    `REFERENCES ${qualifiedName(reference.schema, reference.table)} (${quoteIdent(reference.column)})`,
  ];
  if (reference.onDelete) parts.push(`ON DELETE ${referentialAction(reference.onDelete)}`);
  if (reference.onUpdate) parts.push(`ON UPDATE ${referentialAction(reference.onUpdate)}`);
  if (reference.deferrable) parts.push('DEFERRABLE INITIALLY DEFERRED');
  return parts.join(' ');
}

function columnDefinition(column: Column): string {
  const parts = [quoteIdent(column.name), postgresColumnType(column.type)];
  if (!column.nullable) parts.push('NOT NULL');
  const defaultSql = columnDefaultSql(column);
  if (defaultSql !== undefined) parts.push(`DEFAULT ${defaultSql}`);
  return parts.join(' ');
}

/** The column's DEFAULT expression as the DDL writes it; none for DEFAULT NULL, which only adds catalog noise. */
export function columnDefaultSql(column: Column): string | undefined {
  const explicitNull = column.default?.kind === 'literal' && column.default.value === null;
  return column.default && !explicitNull ? defaultExpression(column.default) : undefined;
}

function tableComments(table: Table): string[] {
  const name = qualifiedName(table.schema, table.name);
  const comments: string[] = [];
  if (table.description !== undefined) comments.push(`COMMENT ON TABLE ${name} IS ${quoteLiteral(table.description)};`);
  for (const column of table.columns) {
    if (column.description === undefined) continue;
    comments.push(`COMMENT ON COLUMN ${name}.${quoteIdent(column.name)} IS ${commentLiteral(column.description)};`);
  }
  return comments;
}

export function identList(names: readonly string[]): string {
  return names.map(quoteIdent).join(', ');
}
