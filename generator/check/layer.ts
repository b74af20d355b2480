/** layer/*: data flows up the medallion (bronze → silver → gold); nothing below may depend on what is above. */
import { findTable, type Layer } from '../model/catalog.js';
import type { CheckContext } from './context.js';
import { defineRules } from './rule.js';

export const LAYER_RULES = defineRules('layer', {
  direction: {
    code: 'LG601', severity: 'error',
    description: 'A table does not reference a table of a higher layer (bronze → silver → gold).',
    hint: 'Move the referencing table up a layer, or the referenced table down.',
  },
});

const RANK: Record<Layer, number> = { bronze: 0, silver: 1, gold: 2 };

export function checkLayers(context: CheckContext): void {
  for (const database of context.catalog.databases) {
    const layerOf = new Map(database.schemas.map((s) => [s.name, s.layer]));
    for (const schema of database.schemas) {
      if (!schema.layer) continue;
      for (const table of schema.tables) {
        for (const column of table.columns) {
          const reference = column.references;
          if (!reference) continue;
          const targetLayer = layerOf.get(reference.schema);
          if (!targetLayer || RANK[targetLayer] <= RANK[schema.layer]) continue;
          const target = findTable(database, reference.schema, reference.table);
          context.report(LAYER_RULES.direction, reference.span,
            `${schema.layer} table \`${schema.name}.${table.name}\` references ${targetLayer} table \`${reference.schema}.${target?.name ?? reference.table}\``);
        }
      }
    }
  }
}
