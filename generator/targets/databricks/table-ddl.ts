/**
 * Delta tables on Databricks (https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-create-table-using.html):
 * informational PRIMARY/FOREIGN KEY in the CREATE TABLE (Unity Catalog), CLUSTER BY the key (liquid
 * clustering), CHECK constraints added after creation (https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-alter-table-add-constraint.html),
 * then comments. Decided here; templates/databricks/create-table.sql.hbs only lays the statement out.
 *
 * Re-runnable: CREATE TABLE IF NOT EXISTS (never CREATE OR REPLACE, which drops the data); a CHECK is
 * dropped if it exists and added again (ADD CONSTRAINT fails on an existing name, and re-adding validates the
 * rows against the current definition); comments are separate statements, so a changed description reaches
 * an existing table.
 */
import { tableId, type Table } from '../../model/catalog.js';
import { primaryKeyName } from '../../model/naming.js';
import { renderTemplate } from '../shared/render-template.js';
import { planColumns, reportChecks, type ColumnPlan, type WarehouseContext } from '../warehouse/columns.js';
import { foreignKeyActions, relyOnPrimaryKey, type ForeignKeyPlan, type TableKeys } from '../warehouse/keys.js';
import { code } from '../warehouse/portability.js';
import { temporalShape } from '../warehouse/temporal.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './quote.js';

export interface DatabricksTableInput {
  readonly context: WarehouseContext;
  readonly catalog: string;
  readonly table: Table;
  readonly keys: TableKeys;
}

/** Liquid clustering takes at most four columns (https://docs.databricks.com/delta/clustering.html). */
const MAX_CLUSTERING_COLUMNS = 4;
/** Characters Delta refuses in a column name unless column mapping is on. */
const DELTA_NAME_CHARACTERS = /[ ,;{}()\n\t=]/;

/**
 * The statements for one table: for a temporal table, its current-state table, whose change feed the pipeline
 * turns into the history (the history itself is created by the pipeline, see pipeline.ts).
 */
export function tableStatements(input: DatabricksTableInput): string[] {
  const { table, keys } = input;
  const allPlans = planColumns(input.context, table);
  const shape = table.temporal ? temporalShape(table) : undefined;
  const plans = shape ? allPlans.filter((p) => shape.stateColumns.includes(p.column)) : allPlans;
  const objectName = shape ? shape.current : table.name;
  const name = qualifiedName(input.catalog, table.schema, objectName);
  const primaryKey = shape ? { name: primaryKeyName(shape.current), columns: shape.key.map((c) => c.name) } : keys.primaryKey;
  report(input, allPlans, primaryKey);
  const lines = [
    ...plans.map(columnLine),
    `CONSTRAINT ${quoteIdent(primaryKey.name)} PRIMARY KEY (${primaryKey.columns.map(quoteIdent).join(', ')})${relyOnPrimaryKey(table) ? ' RELY' : ''}`,
    ...keys.foreignKeys.filter((fk) => !fk.deferred && fk.target === 'primary key').map((fk) => `CONSTRAINT ${quoteIdent(fk.name)} ${foreignKeyClause(input, fk)}`),
  ];
  const create = renderTemplate('databricks', 'create-table.sql', {
    name,
    lines,
    clusterBy: clusteringColumns(plans, primaryKey.columns),
    properties: tableProperties(input, plans, shape !== undefined),
  }).trimEnd();
  const description = shape
    ? `Current state of ${tableId(table)}${table.description ? ` (${table.description})` : ''}: clients write here; `
      + `a pipeline turns its change feed into ${table.name}.`
    : table.description;
  return [create, ...checkStatements(name, plans), ...comments(name, description, plans)];
}

export function foreignKeyClause(input: DatabricksTableInput, fk: ForeignKeyPlan): string {
  return `FOREIGN KEY (${quoteIdent(fk.column.name)}) `
    + `REFERENCES ${qualifiedName(input.catalog, fk.schema, fk.table)} (${quoteIdent(fk.referencedColumn)})`;
}

/** DROP … IF EXISTS then ADD: re-runnable, since ADD CONSTRAINT fails when the name exists. */
export function replaceConstraint(table: string, name: string, definition: string): string[] {
  return [
    `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${quoteIdent(name)};`,
    `ALTER TABLE ${table} ADD CONSTRAINT ${quoteIdent(name)} ${definition};`,
  ];
}

function columnLine(plan: ColumnPlan): string {
  const parts = [quoteIdent(plan.column.name), plan.type.sql];
  if (!plan.column.nullable) parts.push('NOT NULL');
  if (plan.default !== undefined) parts.push(`DEFAULT ${plan.default}`);
  return parts.join(' ');
}

function clusteringColumns(plans: readonly ColumnPlan[], key: readonly string[]): string[] {
  return key.filter((name) => plans.find((p) => p.column.name === name)?.type.sql !== 'VARIANT')
    .slice(0, MAX_CLUSTERING_COLUMNS).map(quoteIdent);
}

function tableProperties(input: DatabricksTableInput, plans: readonly ColumnPlan[], temporal: boolean): string[] {
  const properties: string[] = [];
  // The pipeline reads the current-state table's change feed (https://docs.databricks.com/delta/delta-change-data-feed.html).
  if (temporal) properties.push('delta.enableChangeDataFeed = true');
  // DEFAULT needs this table feature (https://docs.databricks.com/delta/default-columns.html).
  if (plans.some((p) => p.default !== undefined)) properties.push("delta.feature.allowColumnDefaults = 'enabled'");
  if (plans.some((p) => DELTA_NAME_CHARACTERS.test(p.column.name))) {
    // Names with spaces and the like need column mapping (https://docs.databricks.com/delta/column-mapping.html).
    properties.push("delta.columnMapping.mode = 'name'");
    input.context.notes.add(input.table, 'names', 'A column name has characters Delta refuses without column mapping '
      + '(space, comma, semicolon, braces, parentheses, tab, newline, =): the table uses `delta.columnMapping.mode = \'name\'`, '
      + 'which older Delta readers cannot read.');
  }
  return properties;
}

/**
 * A Delta CHECK must be true for every row (https://docs.delta.io/delta-constraints): one that is NULL fails the
 * write. PostgreSQL's passes unless it is false, so NULL is read as true here, as the definitions mean it.
 */
function checkStatements(name: string, plans: readonly ColumnPlan[]): string[] {
  return plans.filter((p) => p.check).flatMap((p) => replaceConstraint(name, p.check!.name, `CHECK (COALESCE(${p.check!.sql}, TRUE))`));
}

function comments(name: string, description: string | undefined, plans: readonly ColumnPlan[]): string[] {
  const statements = description === undefined ? [] : [`COMMENT ON TABLE ${name} IS ${quoteLiteral(description)};`];
  for (const plan of plans) {
    if (plan.column.description === undefined) continue;
    statements.push(`ALTER TABLE ${name} ALTER COLUMN ${quoteIdent(plan.column.name)} COMMENT ${quoteLiteral(plan.column.description)};`);
  }
  return statements;
}

function report(input: DatabricksTableInput, plans: readonly ColumnPlan[], primaryKey: { name: string; columns: readonly string[] }): void {
  const { context: { notes }, table, keys } = input;
  const owner = table.temporal ? ` of the current-state table ${code(temporalShape(table).current)}` : '';
  const pk = `PRIMARY KEY ${code(primaryKey.name)} (${primaryKey.columns.join(', ')})${owner}`;
  notes.add(table, 'constraints', relyOnPrimaryKey(table)
    ? `${pk} is informational, declared RELY: the optimizer trusts it; only the generated MERGE writes rows, by this key.`
    : `${pk} is informational: Databricks accepts duplicate keys.`);
  for (const unique of keys.uniques) {
    notes.add(table, 'constraints', `${unique.fromIndex ? 'Unique index' : 'UNIQUE'} ${code(unique.name)} `
      + `(${unique.columns.join(', ')}) is **not carried**: Databricks has no UNIQUE constraint; duplicates are accepted.`);
  }
  for (const fk of keys.foreignKeys) {
    const what = `FOREIGN KEY ${code(fk.name)} (${fk.column.name}) → ${fk.schema}.${fk.table} (${fk.referencedColumn})`;
    const actions = foreignKeyActions(fk.column);
    notes.add(table, 'constraints', fk.target !== 'primary key'
      ? `${what} is **not carried**: a Databricks foreign key must reference a primary key.`
      : `${what} is informational: rows may reference keys that do not exist${actions ? `, and ${actions} is not applied` : ''}.`);
  }
  for (const column of keys.logicalReferences) {
    const ref = column.references!;
    notes.add(table, 'constraints', `${code(column.name)} → ${ref.schema}.${ref.table} (${ref.column}) is a logical reference: documented, not declared (as on PostgreSQL).`);
  }
  reportChecks(input.context, table, plans, 'is enforced on every write (validated against the existing rows when the deploy adds it)');
  for (const index of keys.plainIndexes) {
    notes.add(table, 'indexes', `Index ${code(index.name)} (${index.columns.join(', ')}) is not created: Delta tables have no `
      + 'secondary indexes; the table is clustered by its key instead (liquid clustering).');
  }
}
