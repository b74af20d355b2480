/** reference/*, transactional/*, temporal/*: what each kind demands (DESIGN.md §3, model/kinds.ts). */
import type { Column, Table } from '../model/catalog.js';
import { conventionalKeyColumn, KIND_COLUMNS, PERIOD_COLUMNS } from '../model/kinds.js';
import { formatLogicalType } from '../model/logical-type.js';
import type { CheckContext } from './context.js';
import { defineRules, type RuleMeta } from './rule.js';

export const REFERENCE_RULES = defineRules('reference', {
  'key-type': {
    code: 'LG201', severity: 'error',
    description: 'A reference table\'s primary key is one smallint column named <table>_id.',
    hint: 'Declare `<table>_id: smallint` and `primary_key: [<table>_id]`.',
  },
  'name-suffix': {
    code: 'LG202', severity: 'error',
    description: 'A reference table\'s name ends in `_type`.',
    hint: 'Rename the table to end in `_type`, or choose another kind.',
  },
  'added-columns': {
    code: 'LG203', severity: 'error',
    description: 'A user-written `is_active` or `systime` column matches what the reference kind adds.',
    hint: 'Remove the column (the kind adds it) or write it exactly as the kind does.',
  },
});

export const TRANSACTIONAL_RULES = defineRules('transactional', {
  'key-type': {
    code: 'LG301', severity: 'error',
    description: 'A transactional table\'s primary key is one uuid column.',
    hint: 'Declare `<table>_id: uuid` and `primary_key: [<table>_id]`; its default is gen_random_uuid().',
  },
  'added-columns': {
    code: 'LG302', severity: 'error',
    description: 'A user-written `effective_time` column matches what the transactional kind adds.',
    hint: 'Remove the column (the kind adds it) or write it exactly as the kind does.',
  },
});

export const TEMPORAL_RULES = defineRules('temporal', {
  'name-suffix': {
    code: 'LG401', severity: 'error',
    description: 'A temporal table\'s name ends in `_hist`.',
    hint: 'Rename the table to `<name>_hist`; its current-state view takes `<name>`.',
  },
  'key-columns': {
    code: 'LG402', severity: 'error',
    description: 'A temporal table\'s business key does not contain the period columns.',
    hint: 'The key is the business key only; lakegen adds sys_start to the primary key.',
  },
  'added-columns': {
    code: 'LG403', severity: 'error',
    description: 'User-written `sys_start`/`sys_end` columns match what the temporal kind adds.',
    hint: 'Remove the columns (the kind adds them) or write them exactly as the kind does.',
  },
  'unique-column': {
    code: 'LG404', severity: 'error',
    description: 'A column (or unique index) of a temporal table is not unique: every version repeats its values.',
    hint: 'Make it part of the business key, or drop `unique` (the open versions are unique by key).',
  },
});

export function checkKinds(context: CheckContext): void {
  for (const database of context.catalog.databases) {
    for (const schema of database.schemas) {
      for (const table of schema.tables) {
        if (table.kind === 'reference') checkReference(context, table);
        else if (table.kind === 'transactional') checkTransactional(context, table);
        else checkTemporal(context, table);
        checkAddedColumns(context, table);
      }
    }
  }
}

/** A key naming a missing column is reported by model/unknown-column; judging its type would repeat that. */
function keyResolved(table: Table): boolean {
  return keyColumns(table).length === table.primaryKey.length;
}

function checkReference(context: CheckContext, table: Table): void {
  if (!table.name.endsWith('_type')) {
    context.report(REFERENCE_RULES['name-suffix'], table.spans.name,
      `reference table \`${table.name}\` does not end in \`_type\``, `Rename it to \`${table.name}_type\`.`);
  }
  const expected = conventionalKeyColumn(table.name);
  const key = keyColumns(table);
  if (!keyResolved(table)) return;
  if (key.length !== 1 || key[0].name !== expected || key[0].type.name !== 'smallint') {
    context.report(REFERENCE_RULES['key-type'], table.spans.primaryKey,
      `reference table \`${table.name}\` must have the primary key \`${expected} smallint\`, not ${describeKey(key, table)}`);
  }
}

function checkTransactional(context: CheckContext, table: Table): void {
  const key = keyColumns(table);
  if (!keyResolved(table)) return;
  if (key.length !== 1 || key[0].type.name !== 'uuid') {
    context.report(TRANSACTIONAL_RULES['key-type'], table.spans.primaryKey,
      `transactional table \`${table.name}\` must have one uuid primary key column, not ${describeKey(key, table)}`);
  }
}

function checkTemporal(context: CheckContext, table: Table): void {
  if (!table.name.endsWith('_hist')) {
    context.report(TEMPORAL_RULES['name-suffix'], table.spans.name,
      `temporal table \`${table.name}\` does not end in \`_hist\``, `Rename it to \`${table.name}_hist\`.`);
  }
  const periodInKey = table.temporal!.key.filter((k) => (PERIOD_COLUMNS as readonly string[]).includes(k));
  if (periodInKey.length > 0) {
    context.report(TEMPORAL_RULES['key-columns'], table.spans.key,
      `the business key of \`${table.name}\` contains ${periodInKey.map((k) => `\`${k}\``).join(', ')}`);
  }
  for (const column of table.columns) {
    if (column.unique) {
      context.report(TEMPORAL_RULES['unique-column'], column.span,
        `column \`${table.name}.${column.name}\` is unique, but a temporal table repeats it in every version`);
    }
  }
  // a unique index is the same promise, kept only if it tells a row's versions apart: each version of a row
  // has its own sys_start and its own sys_end (what else the index holds is the user's business)
  for (const index of table.indexes) {
    if (index.unique && !index.columns.includes('sys_start') && !index.columns.includes('sys_end')) {
      context.report(TEMPORAL_RULES['unique-column'], index.span,
        `unique index on \`${table.name}\` (${index.columns.join(', ')}): a temporal table repeats these values in every version`,
        'Drop `unique` (the open versions are unique by key), or add sys_start or sys_end to the index.');
    }
  }
}

const ADDED_COLUMN_RULES: Record<Table['kind'], RuleMeta> = {
  reference: REFERENCE_RULES['added-columns'],
  transactional: TRANSACTIONAL_RULES['added-columns'],
  temporal: TEMPORAL_RULES['added-columns'],
};

function checkAddedColumns(context: CheckContext, table: Table): void {
  for (const expected of KIND_COLUMNS[table.kind]) {
    const written = table.columns.find((c) => c.name === expected.name && c.origin === 'user');
    if (!written) continue;
    const sameDefault = JSON.stringify(written.default ?? null) === JSON.stringify(expected.default ?? null);
    if (formatLogicalType(written.type) !== formatLogicalType(expected.type) || written.nullable !== expected.nullable || !sameDefault) {
      context.report(ADDED_COLUMN_RULES[table.kind], written.span,
        `column \`${table.name}.${written.name}\` differs from what a ${table.kind} table adds: ${describeKindColumn(expected)}`);
    }
  }
}

function keyColumns(table: Table): Column[] {
  return table.primaryKey.map((name) => table.columns.find((c) => c.name === name)).filter((c): c is Column => !!c);
}

function describeKey(key: Column[], table: Table): string {
  if (table.primaryKey.length === 0) return 'none';
  return `(${key.map((c) => `${c.name} ${formatLogicalType(c.type)}`).join(', ')})`;
}

function describeKindColumn(column: (typeof KIND_COLUMNS)[Table['kind']][number]): string {
  const fallback = column.default ? ` DEFAULT ${column.default.kind === 'sql' ? column.default.sql : String(column.default.value)}` : '';
  return `\`${column.name} ${formatLogicalType(column.type)}${column.nullable ? '' : ' NOT NULL'}${fallback}\``;
}
