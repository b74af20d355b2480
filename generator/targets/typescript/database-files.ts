/**
 * The files of one database under typescript/<database>/: runtime.ts (shared types and the statement
 * builder), schemas/<schema>.ts (one module per schema) and index.ts (DB for Kysely, createClient).
 * Schema modules live in their own folder so that no schema name can collide with index or runtime.
 */
import type { Database } from '../../model/catalog.js';
import { fileSafeName } from '../../model/naming.js';
import { renderTemplate } from '../shared/render-template.js';
import { generatedHeader, type GeneratedFile } from '../target.js';
import { bindingName, lineCommentText, NameAllocator, propertyKey } from './identifiers.js';
import { schemaModuleSource } from './schema-module.js';

/** Names index.ts declares or imports, and `db`, createClient's parameter: a schema binding must not take one. */
const INDEX_NAMES = ['DB', 'Client', 'createClient', 'db', 'Instant', 'Interval', 'JsonValue', 'ListOptions', 'OrderBy', 'PeriodEnd', 'Queryable', 'Where'];

export function databaseFiles(database: Database): GeneratedFile[] {
  const folder = `typescript/${fileSafeName(database.name)}`;
  const names = new NameAllocator(INDEX_NAMES);
  const schemas = database.schemas.map((schema) => ({
    binding: names.claim(bindingName(schema.name)),
    file: fileSafeName(schema.name),
    key: propertyKey(schema.name),
  }));
  return [
    {
      path: `${folder}/index.ts`,
      contents: renderTemplate('typescript', 'index.ts', {
        header: generatedHeader('//', `definitions/${database.source}`),
        database: lineCommentText(database.name),
        schemas,
      }),
    },
    { path: `${folder}/runtime.ts`, contents: renderTemplate('typescript', 'runtime.ts', { header: generatedHeader('//') }) },
    ...database.schemas.map((schema) => ({
      path: `${folder}/schemas/${fileSafeName(schema.name)}.ts`,
      contents: schemaModuleSource(schema),
    })),
  ];
}
