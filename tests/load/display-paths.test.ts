/**
 * Diagnostics name files relative to the display base (the working directory). The loader builds those paths
 * by joining strings instead of calling path.relative() per file; they must be exactly what relative() gives,
 * wherever the display base is: above, beside, at or inside the definitions folder.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../generator/load/load-project.js';
import { BASE_PROJECT } from '../check/fixtures/base-project.js';
import { removeTempProjects, writeProject } from '../support/project.js';

afterAll(removeTempProjects);

const root = writeProject({ ...BASE_PROJECT, 'definitions/shop/tables/core/stray.txt~': 'x' });
const definitions = join(root, 'definitions');
mkdirSync(join(root, 'elsewhere', 'deeper'), { recursive: true });

const BASES = {
  'the project root': root,
  'the definitions folder': definitions,
  'a database folder inside it': join(definitions, 'shop'),
  'a schema folder two levels inside': join(definitions, 'shop', 'tables', 'core'),
  'a sibling folder': join(root, 'elsewhere', 'deeper'),
  'the file system root': sep,
};

describe('display paths', () => {
  it.each(Object.entries(BASES))('from %s are what path.relative gives', async (_, base) => {
    const loaded = await loadProject(definitions, { displayBase: base });
    const absolute = (display: string) => join(base, display);
    expect(loaded.files.length).toBeGreaterThan(5);
    for (const file of [...loaded.files, ...loaded.diagnostics.map((d) => d.file)]) {
      expect(file).toBe(relative(base, absolute(file)).split(sep).join('/'));
      expect(absolute(file).startsWith(definitions)).toBe(true);
    }
    expect(loaded.diagnostics.map((d) => d.file)).toEqual([
      relative(base, join(definitions, 'shop', 'tables', 'core', 'stray.txt~')).split(sep).join('/'),
    ]);
  });

  it('are the same for a definitions folder given with a trailing slash or as a relative path', async () => {
    const plain = await loadProject(definitions, { displayBase: root });
    expect((await loadProject(`${definitions}/`, { displayBase: root })).files).toEqual(plain.files);
    expect((await loadProject(relative(process.cwd(), definitions), { displayBase: root })).files).toEqual(plain.files);
    expect(plain.files).toContain('definitions/shop/tables/core/customer.yaml');
  });
});
