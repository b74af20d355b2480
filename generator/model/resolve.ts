/**
 * Source documents → the Catalog. Structure is validated first; a document that fails it is left out (and
 * remembered, so references to it do not cascade into more errors). The result is sorted by name and frozen.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MODEL_RULES } from '../check/model-rules.js';
import { ruleDiagnostic } from '../check/rule.js';
import { validateStructure } from '../dsl/structure-validator.js';
import type { UnreadableFile } from '../load/load-project.js';
import type { SourceDocument } from '../load/source-document.js';
import type { Catalog, Database, Layer, Schema, Table } from './catalog.js';
import { freezeCatalogIfChecking } from './freeze.js';
import { bindReferences, type TableIndex } from './resolve-references.js';
import { resolveTable, type TableDraft } from './resolve-table.js';

export interface Resolved {
  readonly catalog: Catalog;
  readonly diagnostics: Diagnostic[];
}

interface RawNamed {
  name: string;
  description?: string;
  layer?: Layer;
  extensions?: string[];
}

export function resolve(documents: readonly SourceDocument[], unreadable: readonly UnreadableFile[] = []): Resolved {
  const diagnostics: Diagnostic[] = [];
  const valid: SourceDocument[] = [];
  const broken = new Set<string>(unreadable.map((file) => brokenKey({ ...file, value: undefined })));
  for (const document of documents) {
    const structural = document.structureValid ? [] : validateStructure(document);
    if (structural.length === 0) valid.push(document);
    else {
      diagnostics.push(...structural);
      broken.add(brokenKey(document));
    }
  }

  const databases: Database[] = [];
  for (const databaseDocument of valid.filter((d) => d.role === 'database')) {
    const folder = databaseDocument.database;
    const own = valid.filter((d) => d.database === folder);
    databases.push(resolveDatabase(databaseDocument, own, broken, diagnostics));
  }
  databases.sort(byName);
  return { catalog: freezeCatalogIfChecking({ databases }), diagnostics };
}

function resolveDatabase(
  databaseDocument: SourceDocument, documents: SourceDocument[], broken: Set<string>, diagnostics: Diagnostic[],
): Database {
  const raw = databaseDocument.value as RawNamed;
  const folder = databaseDocument.database;
  const schemaDocuments = uniqueByName(documents.filter((d) => d.role === 'schema'), 'schema', diagnostics);
  const schemaByFolder = new Map<string, SourceDocument>();
  for (const document of schemaDocuments) schemaByFolder.set(document.fileStem, document);
  // a misnamed schema file (reported by naming/file-name) must not orphan its tables
  for (const document of schemaDocuments) schemaByFolder.set((document.value as RawNamed).name, document);

  const drafts: { schema: string; draft: TableDraft }[] = [];
  const seenTables = new Map<string, SourceDocument>();
  for (const document of documents.filter((d) => d.role === 'table')) {
    const schemaFolder = document.schemaFolder!;
    const schemaDocument = schemaByFolder.get(schemaFolder);
    if (!schemaDocument) {
      const schema = schemaFolder;
      if (!broken.has(`${folder}/schema/${schema}`)) {
        diagnostics.push(ruleDiagnostic(MODEL_RULES['unknown-schema'], { file: document.file, line: 1, column: 1 },
          `table \`${(document.value as RawNamed).name}\` is in folder tables/${schema}/, but schema \`${schema}\` is not defined`,
          `Create schemas/${schema}.yaml with \`name: ${schema}\`.`));
      }
      continue;
    }
    const schema = (schemaDocument.value as RawNamed).name;
    const id = `${schema}.${(document.value as RawNamed).name}`;
    const earlier = seenTables.get(id);
    if (earlier) {
      diagnostics.push(ruleDiagnostic(MODEL_RULES['duplicate-object'], document.locate(['name']),
        `table \`${id}\` is also defined in ${earlier.file}`));
      continue;
    }
    seenTables.set(id, document);
    const draft = resolveTable(document, schema, diagnostics);
    if (draft) drafts.push({ schema, draft });
    else broken.add(`${folder}/table/${id}`);
  }

  const byId = new Map<string, Table>();
  for (const { draft } of drafts) byId.set(`${draft.table.schema}.${draft.table.name}`, draft.table);
  for (const { draft } of drafts) {
    const view = draft.table.temporal?.currentView;
    if (!view) continue;
    const viewId = `${draft.table.schema}.${view}`;
    if (byId.has(viewId)) {
      diagnostics.push(ruleDiagnostic(MODEL_RULES['duplicate-object'], draft.table.spans.name,
        `the current view \`${viewId}\` of \`${draft.table.name}\` has the name of a table`,
        'Set `current_view:` to a name no table uses.'));
    } else {
      byId.set(viewId, draft.table);
    }
  }
  const index: TableIndex = {
    get: (id) => byId.get(id),
    isBroken: (id) => broken.has(`${folder}/table/${id}`) || broken.has(`${folder}/schema/${id.split('.')[0]}`),
  };
  const tables = drafts.map(({ draft }) => bindReferences(draft.table, draft.pendingReferences, index, diagnostics));

  const schemas: Schema[] = schemaDocuments.map((document) => {
    const rawSchema = document.value as RawNamed;
    const name = rawSchema.name;
    return {
      database: folder,
      name,
      fileStem: document.fileStem,
      nameSpan: document.locate(['name']),
      layer: rawSchema.layer,
      description: rawSchema.description,
      tables: tables.filter((t) => t.schema === name).sort(byName),
      span: { file: document.file, line: 1, column: 1 },
      source: document.source,
    };
  });
  schemas.sort(byName);
  return {
    name: raw.name,
    fileStem: folder,
    nameSpan: databaseDocument.locate(['name']),
    description: raw.description,
    extensions: [...(raw.extensions ?? [])].sort(),
    schemas,
    span: { file: databaseDocument.file, line: 1, column: 1 },
    source: databaseDocument.source,
  };
}

/** One schema per `name:`; a second definition of a name is reported. */
function uniqueByName(documents: SourceDocument[], what: string, diagnostics: Diagnostic[]): SourceDocument[] {
  const byName = new Map<string, SourceDocument>();
  for (const document of documents) {
    const name = (document.value as RawNamed).name;
    const earlier = byName.get(name);
    if (earlier) {
      diagnostics.push(ruleDiagnostic(MODEL_RULES['duplicate-object'], document.locate(['name']),
        `${what} \`${name}\` is also defined in ${earlier.file}`));
      continue;
    }
    byName.set(name, document);
  }
  return [...byName.values()];
}

function brokenKey(document: Pick<SourceDocument, 'role' | 'database' | 'schemaFolder' | 'fileStem' | 'value'>): string {
  const name = (document.value as RawNamed | null)?.name ?? document.fileStem;
  if (document.role === 'table') return `${document.database}/table/${document.schemaFolder}.${name}`;
  return `${document.database}/${document.role}/${document.fileStem}`;
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
