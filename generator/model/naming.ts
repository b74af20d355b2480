/**
 * Names lakegen derives from the definitions (constraints, functions). They live in the model because every
 * target and the naming rules must agree on them.
 */
import type { Table } from './catalog.js';

export const MAX_IDENTIFIER_BYTES = 63;
export const SNAKE_CASE = /^[a-z][a-z0-9_]*$/;

const ASCII = /^[\x00-\x7f]*$/;

export function byteLength(name: string): number {
  return ASCII.test(name) ? name.length : Buffer.byteLength(name, 'utf8'); // names are nearly always ASCII
}

export const primaryKeyName = (table: string) => `${table}_pkey`;
export const uniqueConstraintName = (table: string, column: string) => `${table}_${column}_key`;
export const foreignKeyName = (table: string, column: string) => `${table}_${column}_fkey`;
export const columnCheckName = (table: string, column: string) => `${table}_${column}_check`;
export const periodCheckName = (table: string) => `${table}_period_check`;
export const asOfFunctionName = (view: string) => `${view}_as_of`;

/**
 * The schema objects a temporal table adds on the warehouses: the open versions' view (both), Snowflake's
 * stream and task, the Databricks pipeline's view of every version. naming/derived-collision checks them too.
 */
export function warehouseTemporalNames(table: string) {
  return {
    openVersions: `${table}_current`,
    snowflakeStream: `${table}_stream`,
    snowflakeTask: `${table}_task`,
    databricksVersions: `${table}_versions`,
  } as const;
}

/** Every name a table brings into its schema, with what it names: for the length and reserved-word rules. */
export function derivedNames(table: Table): { name: string; what: string }[] {
  const names = [{ name: primaryKeyName(table.name), what: 'primary key constraint' }];
  for (const column of table.columns) {
    if (column.unique) names.push({ name: uniqueConstraintName(table.name, column.name), what: 'unique constraint' });
    if (column.check) names.push({ name: columnCheckName(table.name, column.name), what: 'check constraint' });
    if (column.references && !column.references.logical) {
      names.push({ name: foreignKeyName(table.name, column.name), what: 'foreign key' });
    }
  }
  for (const index of table.indexes) names.push({ name: index.name, what: 'index' });
  if (table.temporal) {
    names.push({ name: table.temporal.currentView, what: 'current-state view' });
    names.push({ name: asOfFunctionName(table.temporal.currentView), what: 'as-of function' });
    names.push({ name: periodCheckName(table.name), what: 'period check' });
  }
  return names;
}

/**
 * A name as a file name: names are snake_case when the rules hold, but a disabled rule must never let a name
 * like `../x` or `a/b` escape the output folder, so anything else is hex-escaped.
 */
export function fileSafeName(name: string): string {
  return name.replace(/[^a-z0-9_]/g, (c) => `~${Buffer.from(c, 'utf8').toString('hex')}`);
}
