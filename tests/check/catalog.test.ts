/** The Catalog's lookups, and its immutability under the test suite (which is what proves targets never write). */
import { afterAll, describe, expect, it } from 'vitest';
import { findTable } from '../../generator/model/catalog.js';
import { analyzeProject } from '../../generator/project/analyze.js';
import { BASE_PROJECT } from './fixtures/base-project.js';
import { removeTempProjects, writeProject } from '../support/project.js';

afterAll(removeTempProjects);

describe('Catalog', () => {
  it('findTable finds every table by schema and name, and nothing else', async () => {
    const root = writeProject(BASE_PROJECT);
    const { catalog } = await analyzeProject({ root }, root);
    const database = catalog.databases[0];
    for (const schema of database.schemas) {
      for (const table of schema.tables) expect(findTable(database, schema.name, table.name)).toBe(table);
    }
    expect(findTable(database, 'ref', 'customer')).toBeUndefined();
    expect(findTable(database, 'core', 'status_type')).toBeUndefined();
    expect(findTable(database, 'core.customer', '')).toBeUndefined();
  });

  it('is frozen under the tests: a target that writes to it fails here', async () => {
    const root = writeProject(BASE_PROJECT);
    const { catalog } = await analyzeProject({ root }, root);
    const table = findTable(catalog.databases[0], 'core', 'customer')!;
    expect(() => { (table.columns as unknown as unknown[]).push({}); }).toThrow(TypeError);
    expect(() => { (table.columns[0] as { name: string }).name = 'renamed'; }).toThrow(TypeError);
  });
});
