/**
 * One module per schema (`schemas/<schema>.ts`): a database of 5,000 tables stays a few thousand lines per
 * file, so an editor opens and checks one schema at a time.
 */
import type { Schema } from '../../model/catalog.js';
import { renderTemplate } from '../shared/render-template.js';
import { generatedHeader } from '../target.js';
import { lineCommentText, NameAllocator } from './identifiers.js';
import { tableView, type TableView } from './table-plan.js';

/** Classes of the runtime module: imported as values. */
const RUNTIME_CLASSES = ['ReferenceTable', 'Table', 'TemporalTable'] as const;
/** Types of the runtime module a schema module may use. */
const RUNTIME_TYPES = [
  'Queryable', 'WriteSpec', 'TemporalSpec', 'Instant', 'PeriodEnd', 'JsonValue', 'Interval', 'Generated',
  'GeneratedAlways', 'Timestamp', 'Int8', 'Numeric', 'IntervalColumn', 'Json',
] as const;
/** Names a declaration must not take: the imports, the module's own exports, and globals the code uses. */
const RESERVED_NAMES = [
  ...RUNTIME_CLASSES, ...RUNTIME_TYPES, 'ColumnType', 'Tables', 'Client', 'createSchemaClient',
  'Date', 'Buffer', 'Promise', 'Partial', 'Pick', 'Record', 'Object', 'Array', 'String', 'Number', 'Boolean',
];

/** Every type expression in the module's declarations: what decides the imports. */
function typeTexts(view: TableView): string[] {
  const fields = view.declarations.flatMap((d) => [...(d.interface?.fields ?? []).map((f) => f.type), d.alias?.type ?? '']);
  return [...fields, view.client.type, view.spec.type];
}

/** One pass over the type texts finds every runtime name they use (a regex per name was a scan per name). */
const RUNTIME_NAME = new RegExp(`\\b(?:${[...RUNTIME_CLASSES, ...RUNTIME_TYPES].join('|')})\\b`, 'g');

function usedNames(names: readonly string[], found: ReadonlySet<string>): string[] {
  return names.filter((name) => found.has(name));
}

function importLines(views: readonly TableView[]): string[] {
  const found = new Set<string>();
  for (const text of views.flatMap(typeTexts)) for (const match of text.matchAll(RUNTIME_NAME)) found.add(match[0]);
  const classes = usedNames(RUNTIME_CLASSES, found);
  const types = ['Queryable', ...usedNames(RUNTIME_TYPES, found).filter((n) => n !== 'Queryable')].sort();
  return [
    ...(classes.length ? [`import { ${classes.join(', ')} } from '../runtime.js';`] : []),
    `import type { ${types.join(', ')} } from '../runtime.js';`,
  ];
}

export function schemaModuleSource(schema: Schema): string {
  const names = new NameAllocator(RESERVED_NAMES);
  const tables = schema.tables.map((table) => tableView(table, names));
  return renderTemplate('typescript', 'schema.ts', {
    header: generatedHeader('//', `definitions/${schema.source}`),
    schema: lineCommentText(schema.name),
    description: schema.description === undefined ? undefined : lineCommentText(schema.description),
    imports: importLines(tables),
    tables: tables.map((t) => ({ ...t, heading: lineCommentText(t.heading) })),
  });
}
