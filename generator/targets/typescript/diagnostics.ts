/**
 * What the TypeScript client cannot type (portability/typescript-name). Object.prototype's members are inherited
 * by every object literal and TypeScript checks them against an optional property of the same name; of those
 * names only `constructor` is snake_case (the others are caught by naming/snake-case first).
 */
import { PORTABILITY_RULES } from '../../check/portability-rules.js';
import { ruleDiagnostic } from '../../check/rule.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { allTables, tableId, type Catalog } from '../../model/catalog.js';

const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

export function typescriptDiagnostics(catalog: Catalog): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const table of catalog.databases.flatMap(allTables)) {
    for (const column of table.columns) {
      if (!INHERITED_NAMES.has(column.name)) continue;
      diagnostics.push(ruleDiagnostic(PORTABILITY_RULES['typescript-name'], column.span,
        `TypeScript: \`${tableId(table)}.${column.name}\` is also the name every object inherits (Object.prototype.${column.name}), `
        + 'so the client\'s insert, update and filter types reject literals that leave it out'));
    }
  }
  return diagnostics;
}
