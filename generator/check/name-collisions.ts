/**
 * naming/derived-collision: the names lakegen derives must not meet. PostgreSQL keeps tables, views and
 * indexes (also the ones behind primary keys and unique constraints) in one namespace per schema, and a
 * table's constraints in one namespace per table. Two equal names there make CREATE fail, or, worse, make
 * `CREATE INDEX IF NOT EXISTS` skip the second index without a word: `trade (x_y)` and `trade_x (y)` both
 * derive `trade_x_y_idx`.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { Schema, Table } from '../model/catalog.js';
import { columnCheckName, foreignKeyName, periodCheckName, primaryKeyName, uniqueConstraintName } from '../model/naming.js';
import { temporalObjectNames } from '../targets/postgres/temporal-names.js';
import type { CheckContext } from './context.js';
import { defineRules } from './rule.js';

export const COLLISION_RULES = defineRules('naming', {
  'derived-collision': {
    code: 'LG106', severity: 'error',
    description: 'Two objects get one name: tables, views and indexes (with those behind primary keys and unique constraints) of a schema, or two constraints of a table.',
    hint: 'Rename a column or table so that the derived names differ (indexes are named <table>_<columns>_idx, unique ones _key).',
  },
});

interface NamedObject {
  readonly name: string;
  /** What it is, for the message: "the index on `trade_x` (y)". */
  readonly what: string;
  /** Tables and views that share a name are model/duplicate-object's to report. */
  readonly isTableOrView?: boolean;
  readonly span: SourceSpan;
}

export function checkNameCollisions(context: CheckContext): void {
  for (const database of context.catalog.databases) {
    for (const schema of database.schemas) {
      reportRepeats(context, schema.name, relationsOf(schema));
      for (const table of schema.tables) reportRepeats(context, schema.name, constraintsOf(table));
    }
  }
}

function reportRepeats(context: CheckContext, schema: string, objects: readonly NamedObject[]): void {
  const first = new Map<string, NamedObject>();
  for (const object of objects) {
    const earlier = first.get(object.name);
    if (!earlier) {
      first.set(object.name, object);
    } else if (!(earlier.isTableOrView && object.isTableOrView)) {
      context.report(COLLISION_RULES['derived-collision'], object.span,
        `${object.what} and ${earlier.what} are both named \`${schema}.${object.name}\``);
    }
  }
}

/** What lives in pg_class: tables, views, and every index, named or behind a constraint. */
function relationsOf(schema: Schema): NamedObject[] {
  const relations: NamedObject[] = schema.tables.map((table) => ({
    name: table.name, what: `table \`${table.name}\``, span: table.spans.name, isTableOrView: true,
  }));
  for (const table of schema.tables) {
    if (table.temporal) {
      relations.push({
        name: table.temporal.currentView, what: `the current view of \`${table.name}\``, span: table.spans.name, isTableOrView: true,
      });
      relations.push({
        name: temporalObjectNames(table.name, table.temporal.currentView).openKeyIndex,
        what: `the open-version index of \`${table.name}\``, span: table.spans.key,
      });
    }
    if (table.primaryKey.length > 0) {
      relations.push({ name: primaryKeyName(table.name), what: `the primary key of \`${table.name}\``, span: table.spans.primaryKey });
    }
    for (const column of table.columns) {
      if (column.unique) {
        relations.push({ name: uniqueConstraintName(table.name, column.name), what: `the unique constraint on \`${table.name}.${column.name}\``, span: column.span });
      }
    }
    for (const index of table.indexes) {
      relations.push({ name: index.name, what: `the ${index.unique ? 'unique ' : ''}index on \`${table.name}\` (${index.columns.join(', ')})`, span: index.span });
    }
  }
  return relations;
}

/** What one table's constraints are named. */
function constraintsOf(table: Table): NamedObject[] {
  // the kind's own constraint first: a collision is then reported at the column that causes it
  const constraints: NamedObject[] = [];
  if (table.temporal) constraints.push({ name: periodCheckName(table.name), what: `the period check of \`${table.name}\``, span: table.spans.name });
  if (table.primaryKey.length > 0) constraints.push({ name: primaryKeyName(table.name), what: `the primary key of \`${table.name}\``, span: table.spans.primaryKey });
  for (const column of table.columns) {
    const of = `\`${table.name}.${column.name}\``;
    if (column.unique) constraints.push({ name: uniqueConstraintName(table.name, column.name), what: `the unique constraint on ${of}`, span: column.span });
    if (column.check) constraints.push({ name: columnCheckName(table.name, column.name), what: `the check on ${of}`, span: column.span });
    if (column.references && !column.references.logical) {
      constraints.push({ name: foreignKeyName(table.name, column.name), what: `the foreign key of ${of}`, span: column.span });
    }
  }
  return constraints;
}
