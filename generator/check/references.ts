/** references/*: targets agree in type and key, temporal targets are logical, cycles can be broken. */
import { findTable, type Column, type Database, type Table } from '../model/catalog.js';
import { formatLogicalType, sameLogicalType } from '../model/logical-type.js';
import { hardCycles } from '../model/reference-graph.js';
import type { CheckContext } from './context.js';
import { REFERENCES_RULES } from './references-rules.js';

export function checkReferences(context: CheckContext): void {
  for (const database of context.catalog.databases) {
    for (const schema of database.schemas) {
      for (const table of schema.tables) {
        for (const column of table.columns) if (column.references) checkReference(context, database, table, column);
      }
    }
    for (const cycle of hardCycles(database)) {
      const names = [...cycle.map((e) => `${e.from.schema}.${e.from.name}.${e.column.name}`), cycle[0] ? `${cycle[0].from.schema}.${cycle[0].from.name}` : ''];
      context.report(REFERENCES_RULES.cycle, cycle[0].column.references!.span,
        `reference cycle that no row can start: ${names.join(' → ')}`);
    }
  }
}

function checkReference(context: CheckContext, database: Database, table: Table, column: Column): void {
  const reference = column.references!;
  const target = findTable(database, reference.schema, reference.table)!;
  const targetColumn = target.columns.find((c) => c.name === reference.column)!;
  const where = `\`${table.name}.${column.name}\``;
  const targetName = `\`${reference.schema}.${reference.table}.${reference.column}\``;
  if (!sameLogicalType(column.type, targetColumn.type)) {
    context.report(REFERENCES_RULES['type-mismatch'], column.typeSpan,
      `${where} is ${formatLogicalType(column.type)} but references ${targetName}, which is ${formatLogicalType(targetColumn.type)}`,
      `Declare ${where} as ${formatLogicalType(targetColumn.type)}.`);
  }
  if (target.temporal) {
    if (!reference.logical) {
      context.report(REFERENCES_RULES['temporal-target'], reference.span,
        `${where} references temporal table \`${target.name}\`, whose key is unique only among open versions`);
    }
    if (!(target.temporal.key.length === 1 && target.temporal.key[0] === reference.column)) {
      context.report(REFERENCES_RULES['target-key'], reference.span,
        `${where} must reference the business key of \`${target.name}\` (${target.temporal.key.join(', ')})`);
    }
  } else {
    const isKey = target.primaryKey.length === 1 && target.primaryKey[0] === reference.column;
    const isUnique = targetColumn.unique || target.indexes.some((i) => i.unique && i.columns.length === 1 && i.columns[0] === reference.column);
    if (!isKey && !isUnique && !reference.logical) {
      context.report(REFERENCES_RULES['target-key'], reference.span,
        `${where} references ${targetName}, which is neither the primary key nor unique`);
    }
  }
  if ((reference.onDelete === 'set_null' || reference.onUpdate === 'set_null') && !column.nullable) {
    context.report(REFERENCES_RULES['set-null-not-nullable'], reference.span,
      `${where} is NOT NULL, so \`set_null\` can never succeed`);
  }
}
