/**
 * CREATE TABLE on Snowflake (https://docs.snowflake.com/en/sql-reference/sql/create-table) with its
 * constraints (https://docs.snowflake.com/en/sql-reference/sql/create-table-constraint) and comments
 * (https://docs.snowflake.com/en/sql-reference/sql/comment). Types, quoting and which constraint survives in
 * which form are decided here; templates/snowflake/create-table.sql.hbs only lays the statement out.
 *
 * Idempotence: CREATE TABLE IF NOT EXISTS, never CREATE OR REPLACE (drops the data) nor CREATE OR ALTER
 * (drops columns missing from the statement, so a renamed column would lose its data). Comments are separate
 * COMMENT statements so that a changed description reaches an existing table on the next deploy.
 */
import { tableId, type Table } from '../../model/catalog.js';
import { periodCheckName, primaryKeyName } from '../../model/naming.js';
import { renderTemplate } from '../shared/render-template.js';
import { planColumns, reportChecks, type ColumnPlan, type WarehouseContext } from '../warehouse/columns.js';
import { foreignKeyActions, relyOnPrimaryKey, type TableKeys } from '../warehouse/keys.js';
import { code } from '../warehouse/portability.js';
import { temporalShape, WAREHOUSE_PERIOD_DESCRIPTIONS } from '../warehouse/temporal.js';
import { qualifiedName, quoteIdent, quoteLiteral, storedName } from './quote.js';

export interface SnowflakeTableInput {
  readonly context: WarehouseContext;
  readonly databaseName: string;
  readonly table: Table;
  readonly keys: TableKeys;
}

/** The statements of tables/<schema>.<table>.sql: one table, or a temporal table's current and history tables. */
export function tableStatements(input: SnowflakeTableInput): string[] {
  const plans = planColumns(input.context, input.table);
  reportConstraints(input, plans);
  return input.table.temporal ? temporalTables(input, plans) : plainTable(input, plans);
}

function plainTable(input: SnowflakeTableInput, plans: readonly ColumnPlan[]): string[] {
  const { table, keys } = input;
  const lines = [
    ...plans.map((p) => columnLine(p)),
    primaryKeyLine(keys.primaryKey.name, keys.primaryKey.columns, relyOnPrimaryKey(table)),
    ...uniqueLines(keys),
    ...foreignKeyLines(input),
    ...checkLines(plans),
  ];
  const name = tableName(input, table.name);
  return [
    createTable(name, lines, []),
    ...comments(name, table.description, plans.map((p) => [p.column.name, p.column.description] as const)),
  ];
}

/** The current-state table clients write (change-tracked for the stream), then the history the task keeps. */
function temporalTables(input: SnowflakeTableInput, plans: readonly ColumnPlan[]): string[] {
  const { table, keys } = input;
  const shape = temporalShape(table);
  const state = plans.filter((p) => shape.stateColumns.includes(p.column));
  const current = tableName(input, shape.current);
  const currentLines = [
    ...state.map((p) => columnLine(p)),
    primaryKeyLine(primaryKeyName(shape.current), shape.key.map((c) => c.name), false),
    ...uniqueLines(keys),
    ...foreignKeyLines(input),
    ...checkLines(state),
  ];
  const history = tableName(input, table.name);
  const historyLines = [
    ...plans.map((p) => historyColumnLine(p)),
    primaryKeyLine(keys.primaryKey.name, keys.primaryKey.columns, false),
    `CONSTRAINT ${quoteIdent(periodCheckName(table.name))} CHECK (sys_end IS NULL OR sys_start < sys_end)`,
  ];
  const currentDescription = `Current state of ${tableId(table)}${table.description ? ` (${table.description})` : ''}: `
    + `clients write here; the task ${table.name}_task records every change in ${table.name}.`;
  return [
    // CHANGE_TRACKING lets the stream read the table's changes (https://docs.snowflake.com/en/user-guide/streams-intro).
    createTable(current, currentLines, ['CHANGE_TRACKING = TRUE']),
    ...comments(current, currentDescription, state.map((p) => [p.column.name, p.column.description] as const)),
    createTable(history, historyLines, []),
    ...comments(history, table.description, plans.map((p) =>
      [p.column.name, (Object.hasOwn(WAREHOUSE_PERIOD_DESCRIPTIONS, p.column.name) ? WAREHOUSE_PERIOD_DESCRIPTIONS[p.column.name] : undefined) ?? p.column.description] as const)),
  ];
}

function createTable(name: string, lines: string[], clauses: string[]): string {
  return renderTemplate('snowflake', 'create-table.sql', { name, lines, clauses }).trimEnd();
}

function columnLine(plan: ColumnPlan): string {
  const parts = [quoteIdent(plan.column.name), plan.type.sql];
  if (!plan.column.nullable) parts.push('NOT NULL');
  if (plan.default !== undefined) parts.push(`DEFAULT ${plan.default}`);
  return parts.join(' ');
}

/** In the history, the task sets the period: sys_start has no default and an open version's sys_end is NULL. */
function historyColumnLine(plan: ColumnPlan): string {
  const name = plan.column.name;
  if (name === 'sys_start') return `${quoteIdent(name)} ${plan.type.sql} NOT NULL`;
  if (name === 'sys_end') return `${quoteIdent(name)} ${plan.type.sql}`;
  return columnLine({ ...plan, default: undefined });
}

function primaryKeyLine(name: string, columns: readonly string[], rely: boolean): string {
  return `CONSTRAINT ${quoteIdent(name)} PRIMARY KEY (${columns.map(quoteIdent).join(', ')})${rely ? ' RELY' : ''}`;
}

function uniqueLines(keys: TableKeys): string[] {
  return keys.uniques.map((u) => `CONSTRAINT ${quoteIdent(u.name)} UNIQUE (${u.columns.map(quoteIdent).join(', ')})`);
}

/** Snowflake needs the referenced table to exist: foreign keys closing a cycle come later (foreign-keys.ts). */
function foreignKeyLines(input: SnowflakeTableInput): string[] {
  return input.keys.foreignKeys.filter((fk) => !fk.deferred && fk.target !== 'other').map((fk) =>
    `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY (${quoteIdent(fk.column.name)}) `
    + `REFERENCES ${qualifiedName(input.databaseName, fk.schema, fk.table)} (${quoteIdent(fk.referencedColumn)})`);
}

function checkLines(plans: readonly ColumnPlan[]): string[] {
  return plans.filter((p) => p.check).map((p) => `CONSTRAINT ${quoteIdent(p.check!.name)} CHECK (${p.check!.sql})`);
}

function comments(name: string, description: string | undefined, columns: readonly (readonly [string, string | undefined])[]): string[] {
  const statements = description === undefined ? [] : [`COMMENT ON TABLE ${name} IS ${quoteLiteral(description)};`];
  for (const [column, text] of columns) {
    if (text !== undefined) statements.push(`COMMENT ON COLUMN ${name}.${quoteIdent(column)} IS ${quoteLiteral(text)};`);
  }
  return statements;
}

function tableName(input: SnowflakeTableInput, name: string): string {
  return qualifiedName(input.databaseName, input.table.schema, name);
}

function reportConstraints(input: SnowflakeTableInput, plans: readonly ColumnPlan[]): void {
  const { context: { notes }, table, keys } = input;
  const rely = relyOnPrimaryKey(table);
  const pk = `PRIMARY KEY ${code(keys.primaryKey.name)} (${keys.primaryKey.columns.join(', ')})`;
  notes.add(table, 'constraints', rely
    ? `${pk} is informational, declared RELY: the optimizer trusts it; only the generated MERGE writes rows, by this key.`
    : `${pk} is informational: Snowflake accepts duplicate keys.`);
  if (table.temporal) {
    const shape = temporalShape(table);
    notes.add(table, 'constraints', `PRIMARY KEY ${code(primaryKeyName(shape.current))} (${shape.key.map((c) => c.name).join(', ')}) `
      + `of the current-state table ${code(shape.current)} is informational: Snowflake accepts duplicate keys.`);
  }
  for (const unique of keys.uniques) {
    notes.add(table, 'constraints', `${unique.fromIndex ? 'Unique index' : 'UNIQUE'} ${code(unique.name)} (${unique.columns.join(', ')}) `
      + `${unique.fromIndex ? 'becomes an informational UNIQUE constraint' : 'is informational'}: duplicates are accepted.`);
  }
  for (const fk of keys.foreignKeys) {
    const what = `FOREIGN KEY ${code(fk.name)} (${fk.column.name}) → ${fk.schema}.${fk.table} (${fk.referencedColumn})`;
    const actions = foreignKeyActions(fk.column);
    notes.add(table, 'constraints', fk.target === 'other'
      ? `${what} is **not carried**: a Snowflake foreign key must reference a primary or unique key.`
      : `${what} is informational: rows may reference keys that do not exist${actions ? `, and ${actions} is not applied` : ''}.`);
  }
  for (const column of keys.logicalReferences) {
    const ref = column.references!;
    notes.add(table, 'constraints', `${code(column.name)} → ${ref.schema}.${ref.table} (${ref.column}) is a logical reference: documented, not declared (as on PostgreSQL).`);
  }
  reportChecks(input.context, table, plans, 'is enforced');
  reportNames(input, plans);
  for (const index of keys.plainIndexes) {
    notes.add(table, 'indexes', `Index ${code(index.name)} (${index.columns.join(', ')}) is not created: standard Snowflake tables `
      + 'have no secondary indexes (consider a clustering key or search optimization for large tables).');
  }
}

/** Names a query cannot write bare: reserved words (quoted upper-case) and names stored exactly as written. */
function reportNames(input: SnowflakeTableInput, plans: readonly ColumnPlan[]): void {
  const names = [input.table.name, ...plans.map((p) => p.column.name)].filter((n) => quoteIdent(n).startsWith('"'));
  const reserved = names.filter((n) => storedName(n) !== n);
  const exact = names.filter((n) => storedName(n) === n);
  if (reserved.length > 0) {
    input.context.notes.add(input.table, 'names', `Reserved words, written quoted in upper case in every query: `
      + `${reserved.map((n) => code(quoteIdent(n))).join(', ')}.`);
  }
  if (exact.length > 0) {
    input.context.notes.add(input.table, 'names', `Case-sensitive names (no unquoted spelling), written quoted exactly so: `
      + `${exact.map((n) => code(quoteIdent(n))).join(', ')}.`);
  }
}
