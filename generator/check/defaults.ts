/** model/default-type: a literal default must be a value of its column's type (an SQL default is as written). */
import { coerceRowValue } from '../model/row-values.js';
import type { CheckContext } from './context.js';
import { defineRules } from './rule.js';

export const DEFAULT_RULES = defineRules('model', {
  'default-type': {
    code: 'LG013', severity: 'error',
    description: 'A literal `default:` is not a value of the column\'s type.',
    hint: 'Write a value of the column\'s type, or an SQL expression as `default: { sql: … }`.',
  },
});

export function checkDefaults(context: CheckContext): void {
  for (const database of context.catalog.databases) {
    for (const schema of database.schemas) {
      for (const table of schema.tables) {
        for (const column of table.columns) {
          if (column.origin !== 'user' || column.default?.kind !== 'literal' || column.default.value === null) continue;
          const coerced = coerceRowValue(column.type, column.default.value, false);
          if ('error' in coerced) {
            context.report(DEFAULT_RULES['default-type'], column.span,
              `default of \`${table.name}.${column.name}\`: ${coerced.error}`);
          }
        }
      }
    }
  }
}
