/**
 * The TypeScript target (DESIGN.md §8, issue 6): per database, row/insert/update/key types, reference rows
 * as constants, a DB interface for Kysely, and a small typed client over pg. See docs/typescript-client.md
 * for the type decisions; column-types.ts maps the logical types, column-plan.ts decides per column.
 */
import type { Catalog } from '../../model/catalog.js';
import type { Target, TargetOutput } from '../target.js';
import { databaseFiles } from './database-files.js';
import { typescriptDiagnostics } from './diagnostics.js';

export const typescriptTarget: Target = {
  name: 'typescript',
  description: 'Typed client over pg, row/insert/update types, reference constants and a Kysely DB interface',
  generate(catalog: Catalog): TargetOutput {
    return { files: catalog.databases.flatMap(databaseFiles), diagnostics: typescriptDiagnostics(catalog) };
  },
  diagnose: typescriptDiagnostics,
};
