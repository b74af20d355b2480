/**
 * naming/derived-collision: the names lakegen derives must not meet. PostgreSQL keeps tables, views and
 * indexes (also the ones behind primary keys and unique constraints) in one namespace per schema, and a
 * table's constraints in one namespace per table; the warehouses add a temporal table's views, stream and task. Two equal names there make CREATE fail, or, worse, make
 * `CREATE INDEX IF NOT EXISTS` skip the second index without a word: `trade (x_y)` and `trade_x (y)` both
 * derive `trade_x_y_idx`.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { Column, Index, Schema, Table } from '../model/catalog.js';
import { columnCheckName, periodCheckName, primaryKeyName, uniqueConstraintName, warehouseTemporalNames } from '../model/naming.js';
import { openKeyIndexName } from '../targets/postgres/temporal-names.js';
import type { CheckContext } from './context.js';
import { defineRules } from './rule.js';

export const COLLISION_RULES = defineRules('naming', {
  'derived-collision': {
    code: 'LG106', severity: 'error',
    description: 'Two objects get one name: tables, views and indexes (with those behind primary keys and unique constraints, and a temporal table\'s objects on the warehouses) of a schema, or two constraints of a table.',
    hint: 'Rename a column or table so that the derived names differ (indexes are named <table>_<columns>_idx, unique ones _key).',
  },
});

/** A relation of a schema; described only when it collides (a schema of 1,000 tables has ~10,000). */
interface Relation {
  readonly kind: 'table' | 'view' | 'open-key' | 'primary-key' | 'unique' | 'index' | 'warehouse';
  /** For `warehouse`: what the object is there. */
  readonly what?: string;
  readonly table: Table;
  readonly column?: Column;
  readonly index?: Index;
}

export function checkNameCollisions(context: CheckContext): void {
  for (const database of context.catalog.databases) {
    for (const schema of database.schemas) {
      checkRelations(context, schema);
      for (const table of schema.tables) checkPeriodCheck(context, table);
    }
  }
}

function checkRelations(context: CheckContext, schema: Schema): void {
  // a warehouse's objects count only when that target is compiled
  const snowflake = context.targets.includes('snowflake');
  const databricks = context.targets.includes('databricks');
  const seen = new Map<string, Relation>();
  const add = (name: string, relation: Relation) => {
    const earlier = seen.get(name);
    if (!earlier) {
      seen.set(name, relation);
    } else if (!(isTableOrView(earlier) && isTableOrView(relation)) && !namedAfterLG401(earlier, relation)) {
      context.report(COLLISION_RULES['derived-collision'], spanOf(relation),
        `${describe(relation)} and ${describe(earlier)} are both named \`${schema.name}.${name}\``);
    }
  };
  for (const table of schema.tables) add(table.name, { kind: 'table', table });
  for (const table of schema.tables) {
    if (table.temporal) {
      add(table.temporal.currentView, { kind: 'view', table });
      add(openKeyIndexName(table.name), { kind: 'open-key', table });
      const warehouse = warehouseTemporalNames(table.name);
      if (snowflake || databricks) add(warehouse.openVersions, { kind: 'warehouse', table, what: 'open-versions view on the warehouses' });
      if (snowflake) add(warehouse.snowflakeStream, { kind: 'warehouse', table, what: 'stream on Snowflake' });
      if (snowflake) add(warehouse.snowflakeTask, { kind: 'warehouse', table, what: 'history task on Snowflake' });
      if (databricks) add(warehouse.databricksVersions, { kind: 'warehouse', table, what: 'versions view on Databricks' });
    }
    if (table.primaryKey.length > 0) add(primaryKeyName(table.name), { kind: 'primary-key', table });
    for (const column of table.columns) if (column.unique) add(uniqueConstraintName(table.name, column.name), { kind: 'unique', table, column });
    for (const index of table.indexes) add(index.name, { kind: 'index', table, index });
  }
}

/**
 * Within one table the derived constraint names differ by suffix (_pkey, _key, _check, _fkey), except a
 * temporal table's period check and the check of a column named `period`.
 */
function checkPeriodCheck(context: CheckContext, table: Table): void {
  if (!table.temporal) return;
  const column = table.columns.find((c) => c.check !== undefined && columnCheckName(table.name, c.name) === periodCheckName(table.name));
  if (column) {
    context.report(COLLISION_RULES['derived-collision'], column.span,
      `the check on \`${table.name}.${column.name}\` and the period check of \`${table.name}\` are both named \`${table.schema}.${periodCheckName(table.name)}\``);
  }
}

/**
 * A temporal table not named `*_hist` (temporal/name-suffix) gets `<name>_current` as its current view, the name
 * the warehouses give its open versions: that rule reports the cause.
 */
function namedAfterLG401(a: Relation, b: Relation): boolean {
  return a.table === b.table && !a.table.name.endsWith('_hist') && [a.kind, b.kind].includes('view') && [a.kind, b.kind].includes('warehouse');
}

/** Tables and views that share a name are model/duplicate-object's to report. */
function isTableOrView(relation: Relation): boolean {
  return relation.kind === 'table' || relation.kind === 'view';
}

function spanOf(relation: Relation): SourceSpan {
  if (relation.index) return relation.index.span;
  if (relation.column) return relation.column.span;
  return relation.kind === 'open-key' || relation.kind === 'warehouse' ? relation.table.spans.key
    : relation.kind === 'primary-key' ? relation.table.spans.primaryKey : relation.table.spans.name;
}

function describe(relation: Relation): string {
  const table = relation.table.name;
  switch (relation.kind) {
    case 'table': return `table \`${table}\``;
    case 'view': return `the current view of \`${table}\``;
    case 'open-key': return `the open-version index of \`${table}\``;
    case 'primary-key': return `the primary key of \`${table}\``;
    case 'unique': return `the unique constraint on \`${table}.${relation.column!.name}\``;
    case 'index': return `the ${relation.index!.unique ? 'unique ' : ''}index on \`${table}\` (${relation.index!.columns.join(', ')})`;
    case 'warehouse': return `the ${relation.what} of \`${table}\``;
  }
}
