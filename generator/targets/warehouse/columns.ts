/**
 * Each column of a table on a warehouse: its platform type, the default it keeps and the check it keeps —
 * decided once per table, with the diagnostics (LG801–LG804) and report notes that go with each decision.
 * Both targets render DDL from this plan, so the report cannot disagree with the DDL.
 */
import { PORTABILITY_RULES } from '../../check/portability-rules.js';
import { ruleDiagnostic } from '../../check/rule.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { tableId, type Column, type Database, type Table } from '../../model/catalog.js';
import { formatLogicalType } from '../../model/logical-type.js';
import { columnCheckName } from '../../model/naming.js';
import { creationOrder } from '../../model/reference-graph.js';
import { translateCheck } from './check-expression.js';
import { platformType, type WarehouseDialect, type WarehouseType } from './dialect.js';
import { code, PortabilityNotes } from './portability.js';
import { classifyDefault, defaultExpression } from './values.js';

export interface WarehouseContext {
  readonly dialect: WarehouseDialect;
  /** False when only the diagnostics are wanted (validate): the report's notes are not written. */
  readonly reporting: boolean;
  readonly notes: PortabilityNotes;
  readonly diagnostics: Diagnostic[];
  /** Generated keys the platform cannot generate: one LG804 for all of them (reportGeneratedKeys). */
  readonly ungeneratedKeys: { readonly table: Table; readonly column: Column }[];
}

export function warehouseContext(dialect: WarehouseDialect, reporting = true): WarehouseContext {
  return { dialect, reporting, notes: new PortabilityNotes(), diagnostics: [], ungeneratedKeys: [] };
}

/**
 * One diagnostic per database for the keys the platform cannot generate: a warning per table would bury the
 * ones a user can act on, and the cause and the remedy are the same for every table (its report says which).
 */
export function reportGeneratedKeys(context: WarehouseContext): void {
  const keys = context.ungeneratedKeys;
  if (keys.length === 0) return;
  const shown = keys.slice(0, 3).map(({ table, column }) => `\`${tableId(table)}.${column.name}\``);
  const more = keys.length > shown.length ? ` and ${keys.length - shown.length} more` : '';
  context.diagnostics.push(ruleDiagnostic(PORTABILITY_RULES['generated-key'], keys[0].column.span,
    `${context.dialect.label}: ${keys.length === 1 ? 'a key is' : `${keys.length} keys are`} not generated: column defaults must be `
    + `constant, so \`${context.dialect.uuid}\` cannot be one, and writers supply ${shown.join(', ')}${more}`));
}

/**
 * What a warehouse target reports for a database (LG801–LG804), from the same decisions that generate its DDL
 * but without rendering anything: `lakegen validate` runs this, so a pre-commit hook refuses what compile would.
 */
export function warehouseDiagnostics(dialect: WarehouseDialect, database: Database): Diagnostic[] {
  const context = warehouseContext(dialect, false);
  for (const table of creationOrder(database).tables) {
    // what planColumns decides, in its order (checks and defaults, then types), for the columns it can concern
    for (const column of table.columns) {
      if (column.check !== undefined) carryCheck(context, table, column, column.check);
      if (column.default !== undefined) carryDefault(context, table, column, platformType(dialect, column.type));
    }
    for (const column of table.columns) typeDiagnostic(context, table, column, platformType(dialect, column.type));
  }
  reportGeneratedKeys(context);
  return context.diagnostics;
}

export interface ColumnPlan {
  readonly column: Column;
  readonly type: WarehouseType;
  /** The DEFAULT expression, when the default is carried. */
  readonly default?: string;
  /** The check, translated; absent when there is none or it is left out. */
  readonly check?: { readonly name: string; readonly sql: string };
  /** Why the column's check is left out (LG803), when it is. */
  readonly droppedCheck?: { readonly name: string; readonly reason: string };
}

export function planColumns(context: WarehouseContext, table: Table): ColumnPlan[] {
  const plans = table.columns.map((column) => planColumn(context, table, column));
  reportTypes(context, table, plans);
  return plans;
}

function planColumn(context: WarehouseContext, table: Table, column: Column): ColumnPlan {
  const { dialect } = context;
  const type = platformType(dialect, column.type);
  const check = column.check === undefined ? undefined : carryCheck(context, table, column, column.check);
  return {
    column,
    type,
    default: carryDefault(context, table, column, type),
    ...(check && 'sql' in check ? { check } : check ? { droppedCheck: check } : {}),
  };
}

function carryDefault(context: WarehouseContext, table: Table, column: Column, type: WarehouseType): string | undefined {
  const classified = classifyDefault(column);
  if (classified.kind === 'uuid' && !context.dialect.uuidDefault) {
    context.ungeneratedKeys.push({ table, column });
    if (context.reporting) context.notes.add(table, 'defaults', `${code(column.name)}: not generated — ${context.dialect.label} column defaults must be `
      + `constant, so \`${context.dialect.uuid}\` cannot be one: writers supply the value (LG804).`);
    return undefined;
  }
  const carried = classified;
  if (carried.kind === 'unsupported') {
    // The temporal period columns are handled by the history design, not by their PostgreSQL defaults.
    if (table.kind === 'temporal' && column.origin === 'kind') return undefined;
    context.diagnostics.push(ruleDiagnostic(PORTABILITY_RULES['sql-expression'], column.span,
      `${context.dialect.label}: the default of \`${tableId(table)}.${column.name}\` is left out: ${carried.reason}`));
    if (context.reporting) context.notes.add(table, 'defaults', `${code(column.name)}: default not carried — ${carried.reason} (LG803).`);
    return undefined;
  }
  return defaultExpression(carried, column, type, context.dialect);
}

function carryCheck(
  context: WarehouseContext, table: Table, column: Column, check: string,
): { name: string; sql: string } | { name: string; reason: string } {
  const name = columnCheckName(table.name, column.name);
  const columns = table.columns.map((c) => c.name);
  const translated = translateCheck(check, columns, context.dialect);
  if ('sql' in translated) return { name, sql: translated.sql };
  context.diagnostics.push(ruleDiagnostic(PORTABILITY_RULES['sql-expression'], column.span,
    `${context.dialect.label}: the check \`${check}\` on \`${tableId(table)}.${column.name}\` is left out: ${translated.unsupported}`,
    'Rewrite the check with comparisons, AND/OR/NOT, IN, BETWEEN or IS NULL only, or enforce it in the pipeline that loads the table.'));
  return { name, reason: translated.unsupported };
}

/** The report lines of a table's checks: `enforced` says how the platform enforces the ones it carries. */
export function reportChecks(context: WarehouseContext, table: Table, plans: readonly ColumnPlan[], enforced: string): void {
  for (const plan of plans) {
    if (plan.check) context.notes.add(table, 'constraints', `CHECK ${code(plan.check.name)} (${code(plan.check.sql)}) ${enforced}.`);
    if (plan.droppedCheck) {
      context.notes.add(table, 'constraints', `CHECK ${code(plan.droppedCheck.name)} (${code(plan.column.check!)}) is **not carried**: `
        + `${plan.droppedCheck.reason} (LG803). Nothing enforces it.`);
    }
  }
}

/** One note per distinct type change in a table, naming the columns it concerns; diagnostics per column. */
function reportTypes(context: WarehouseContext, table: Table, plans: readonly ColumnPlan[]): void {
  const grouped = new Map<string, { plan: ColumnPlan; columns: string[] }>();
  for (const plan of plans) {
    typeDiagnostic(context, table, plan.column, plan.type);
    if (plan.type.change === undefined) continue;
    const key = `${formatLogicalType(plan.column.type)} → ${plan.type.sql}`;
    const entry = grouped.get(key) ?? { plan, columns: [] };
    entry.columns.push(plan.column.name);
    grouped.set(key, entry);
  }
  for (const [key, { plan, columns }] of grouped) {
    const rule = plan.type.problem === 'precision' ? ' (LG801)' : plan.type.problem === 'unsupported' ? ' (LG802)' : '';
    context.notes.add(table, 'types', `${code(key)} (${columns.map(code).join(', ')}): ${plan.type.change}${rule}.`);
  }
}

function typeDiagnostic(context: WarehouseContext, table: Table, column: Column, type: WarehouseType): void {
  if (!type.problem) return;
  const where = `\`${tableId(table)}.${column.name}\``;
  const logical = formatLogicalType(column.type);
  if (type.problem === 'precision') {
    context.diagnostics.push(ruleDiagnostic(PORTABILITY_RULES['numeric-precision'], column.typeSpan,
      `${context.dialect.label}: ${logical} on ${where} exceeds the 38 digits ${context.dialect.label} supports`));
  } else if (type.problem === 'unsupported') {
    context.diagnostics.push(ruleDiagnostic(PORTABILITY_RULES['unsupported-type'], column.typeSpan,
      `${context.dialect.label}: ${logical} on ${where} has no ${context.dialect.label} type and is carried as ${type.sql}`));
  }
}
