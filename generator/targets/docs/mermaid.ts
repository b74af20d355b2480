/**
 * Mermaid erDiagram text for a set of tables (https://mermaid.js.org/syntax/entityRelationshipDiagram.html).
 * Entity names and attribute types are restricted to what the grammar accepts: [A-Za-z0-9_], so a name with
 * other characters is rewritten, and a type drops its parameters (`numeric(18,4)` has a comma).
 */
import { findTable, tableId, type Database, type Table } from '../../model/catalog.js';

export function entityName(table: { schema: string; name: string }): string {
  return `${safe(table.schema)}__${safe(table.name)}`;
}

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

/** Lines of one diagram: the tables' entities, the entities they reference elsewhere, and the relationships. */
export function erDiagramLines(database: Database, tables: readonly Table[]): string[] {
  const included = new Set(tables.map(tableId));
  const lines = ['erDiagram'];
  const outside = new Map<string, Table>();
  const relationships: string[] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      const reference = column.references;
      if (!reference) continue;
      const target = findTable(database, reference.schema, reference.table);
      if (!target) continue;
      if (!included.has(tableId(target))) outside.set(tableId(target), target);
      // many rows of this table to one (or, when nullable, zero or one) row of the target
      const cardinality = column.nullable ? '}o--o|' : '}o--||';
      const label = `${column.name}${reference.logical ? ' (logical)' : ''}`;
      relationships.push(`    ${entityName(table)} ${cardinality} ${entityName(target)} : "${label.replace(/"/g, "'")}"`);
    }
  }
  for (const table of tables) lines.push(...entityLines(table, true));
  for (const table of [...outside.values()].sort((a, b) => (tableId(a) < tableId(b) ? -1 : 1))) lines.push(...entityLines(table, false));
  lines.push(...relationships);
  return lines;
}

function entityLines(table: Table, withColumns: boolean): string[] {
  if (!withColumns) return [`    ${entityName(table)} {`, ...keyAttributes(table), '    }'];
  return [`    ${entityName(table)} {`, ...table.columns.map((c) => attribute(table, c.name)), '    }'];
}

function keyAttributes(table: Table): string[] {
  return table.primaryKey.map((name) => attribute(table, name));
}

function attribute(table: Table, name: string): string {
  const column = table.columns.find((c) => c.name === name)!;
  const keys = [table.primaryKey.includes(name) ? 'PK' : '', column.references ? 'FK' : '', column.unique ? 'UK' : '']
    .filter(Boolean).join(', ');
  return `        ${column.type.name} ${safe(name)}${keys ? ` ${keys}` : ''}`;
}
