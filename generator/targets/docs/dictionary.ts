/**
 * The data dictionary of one database as render-ready Markdown pieces: every decision (what a column's key
 * cell says, how a default reads, when a diagram is split per schema) is made here.
 */
import type { Column, Database, Schema, Table } from '../../model/catalog.js';
import { formatLogicalType } from '../../model/logical-type.js';
import { asOfFunctionName } from '../../model/naming.js';
import { erDiagramLines } from './mermaid.js';

/** Above this many tables one diagram stops helping; each schema then gets its own. */
export const ONE_DIAGRAM_LIMIT = 40;

export interface DictionaryView {
  readonly name: string;
  readonly description: string;
  readonly summary: string[];
  readonly wholeDiagram?: string;
  readonly schemas: SchemaView[];
}

interface SchemaView {
  readonly name: string;
  readonly anchor: string;
  readonly layer: string;
  readonly description: string;
  readonly diagram?: string;
  readonly tables: TableView[];
}

interface TableView {
  readonly heading: string;
  readonly anchor: string;
  readonly facts: string[];
  readonly description: string;
  readonly columns: string[];
  readonly rowsHeader?: string;
  readonly rows: string[];
}

export function dictionaryView(database: Database): DictionaryView {
  const tables = database.schemas.flatMap((s) => s.tables);
  const split = tables.length > ONE_DIAGRAM_LIMIT;
  return {
    name: database.name,
    description: cell(database.description ?? ''),
    summary: database.schemas.map((s) => `| [${s.name}](#${anchor(`schema-${s.name}`)}) | ${s.layer ?? '—'} | ${s.tables.length} | ${cell(s.description ?? '')} |`),
    wholeDiagram: split || tables.length === 0 ? undefined : mermaid(erDiagramLines(database, tables)),
    schemas: database.schemas.map((schema) => schemaView(database, schema, split)),
  };
}

function schemaView(database: Database, schema: Schema, split: boolean): SchemaView {
  return {
    name: schema.name,
    anchor: anchor(`schema-${schema.name}`),
    layer: schema.layer ?? 'none',
    description: cell(schema.description ?? ''),
    diagram: split && schema.tables.length > 0 ? mermaid(erDiagramLines(database, schema.tables)) : undefined,
    tables: schema.tables.map(tableView),
  };
}

function tableView(table: Table): TableView {
  const facts = [`kind: **${table.kind}**`, `primary key: ${table.primaryKey.map(code).join(', ')}`];
  if (table.temporal) {
    facts.push(`business key: ${table.temporal.key.map(code).join(', ')}`);
    facts.push(`current state: view ${code(`${table.schema}.${table.temporal.currentView}`)}, as of a time: ${code(`${table.schema}.${asOfFunctionName(table.temporal.currentView)}(t)`)}`);
  }
  for (const index of table.indexes) facts.push(`${index.unique ? 'unique index' : 'index'} ${code(index.name)} on (${index.columns.join(', ')})`);
  const rowColumns = table.columns.filter((c) => table.rows.some((r) => c.name in r.values));
  return {
    heading: `${table.schema}.${table.name}`,
    anchor: anchor(`table-${table.schema}-${table.name}`),
    facts,
    description: cell(table.description ?? ''),
    columns: table.columns.map((c) => columnRow(table, c)),
    rowsHeader: table.rows.length > 0 ? `| ${rowColumns.map((c) => cell(c.name)).join(' | ')} |\n|${rowColumns.map(() => '---').join('|')}|` : undefined,
    rows: table.rows.map((row) => `| ${rowColumns.map((c) => cell(row.values[c.name] === undefined ? '' : String(row.values[c.name]))).join(' | ')} |`),
  };
}

function columnRow(table: Table, column: Column): string {
  const keys: string[] = [];
  if (table.primaryKey.includes(column.name)) keys.push('PK');
  if (column.unique) keys.push('unique');
  const reference = column.references;
  if (reference) {
    const target = `[${reference.schema}.${reference.table}](#${anchor(`table-${reference.schema}-${reference.table}`)}).${reference.column}`;
    keys.push(reference.logical ? `→ ${target} (logical, not enforced)` : `→ ${target}`);
  }
  const fallback = column.default === undefined ? '' : column.default.kind === 'sql' ? code(column.default.sql) : code(JSON.stringify(column.default.value));
  const description = [cell(column.description ?? ''), column.check ? `check: ${code(column.check)}` : '', column.origin === 'kind' ? `(added by ${table.kind})` : '']
    .filter(Boolean).join(' ');
  return `| ${code(column.name)} | ${formatLogicalType(column.type)} | ${column.nullable ? 'yes' : 'no'} | ${fallback} | ${keys.join(', ')} | ${description} |`;
}

function mermaid(lines: string[]): string {
  return ['```mermaid', ...lines, '```'].join('\n');
}

/**
 * A code span inside a table cell: backslashes are literal there, so only the pipe is escaped (GitHub's tables
 * read `\|` before the span, even inside it); a line break cannot be in a span and becomes a space.
 */
function code(text: string): string {
  return `\`${text.replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;
}

/** Text inside a Markdown table cell: pipes escaped, line breaks kept as <br>. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** GitHub's heading anchors: lower-case, spaces to dashes, punctuation dropped. */
function anchor(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}
