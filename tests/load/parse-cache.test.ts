import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../generator/load/load-project.js';
import { ParseCache } from '../../generator/load/parse-cache.js';
import { analyzeProject, PARSE_CACHE_FILE } from '../../generator/project/analyze.js';
import { BASE_PROJECT } from '../check/fixtures/base-project.js';
import { removeTempProjects, runCli, writeProject } from '../support/project.js';

const scratch = mkdtempSync(join(tmpdir(), 'lakegen-parse-cache-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  removeTempProjects();
});
let counter = 0;
const cachePath = () => join(scratch, `cache-${counter++}.bin`);

describe('ParseCache', () => {
  it('gives back what was remembered, after a save and a reopen, as a fresh copy each time', () => {
    const path = cachePath();
    const first = ParseCache.open(path);
    expect(first.lookup('a: 1\n')).toBeUndefined();
    first.remember('a: 1\n', { a: 1, list: [1, 'two', null] });
    first.save();
    const second = ParseCache.open(path);
    const one = second.lookup('a: 1\n');
    const two = second.lookup('a: 1\n');
    expect(one).toEqual({ value: { a: 1, list: [1, 'two', null] } });
    expect((one!.value as object)).not.toBe(two!.value);
    expect(second.lookup('a: 2\n')).toBeUndefined();
  });

  it('keeps only the entries a run used, and writes nothing when nothing changed', () => {
    const path = cachePath();
    const cache = ParseCache.open(path);
    cache.remember('old', 1);
    cache.remember('kept', 2);
    cache.save();
    const next = ParseCache.open(path);
    next.lookup('kept');
    next.save();
    const pruned = ParseCache.open(path);
    expect(pruned.lookup('old')).toBeUndefined();
    expect(pruned.lookup('kept')).toEqual({ value: 2 });
    const bytes = readFileSync(path);
    pruned.save();
    expect(readFileSync(path)).toEqual(bytes);
  });

  it('a damaged or foreign cache file is ignored, not an error', () => {
    for (const contents of ['not a cache', '', '\u0000\u00ff garbage']) {
      const path = cachePath();
      writeFileSync(path, contents);
      const cache = ParseCache.open(path);
      expect(cache.lookup('a: 1\n')).toBeUndefined();
      cache.remember('a: 1\n', { a: 1 });
      cache.save();
      expect(ParseCache.open(path).lookup('a: 1\n')).toEqual({ value: { a: 1 } });
    }
  });

  it('round-trips every value YAML can produce (property)', () => {
    const yamlValue = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' },
        fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString')), tie('value'), { maxKeys: 4, noNullPrototype: true })),
    })).value;
    fc.assert(fc.property(fc.string(), yamlValue, (text, value) => {
      const path = cachePath();
      const cache = ParseCache.open(path);
      cache.remember(text, value);
      cache.save();
      const found = ParseCache.open(path).lookup(text);
      rmSync(path, { force: true });
      expect(found).toBeDefined();
      expect(found!.value).toEqual(value);
      // own keys in order, and plain prototypes (a `__proto__` key must stay a key)
      const shape = (v: unknown): unknown => (v && typeof v === 'object'
        ? [Object.getPrototypeOf(v) === (Array.isArray(v) ? Array.prototype : Object.prototype), Object.keys(v), Object.values(v).map(shape)]
        : typeof v);
      expect(shape(found!.value)).toEqual(shape(value));
    }), { numRuns: 200 });
  });
});

describe('the parse cache in a project', () => {
  const strip = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v) => (v && typeof v === 'object' && 'file' in v && 'line' in v && 'column' in v ? `${v.file}:${v.line}:${v.column}` : v)));

  it('gives the same Catalog and diagnostics as parsing, and sees an edit at once', async () => {
    const files = { ...BASE_PROJECT, 'definitions/shop/tables/core/broken.yaml': 'name: broken\nkind: transactional\ncolumns:\n  broken_id: uuid\n  amount: { type: "numeric(12,2)", nulable: true }\n' };
    const root = writeProject(files);
    const uncached = await analyzeProject({ root }, root, { cache: false });
    const cold = await analyzeProject({ root }, root, { cache: true });
    const warm = await analyzeProject({ root }, root, { cache: true });
    expect(readFileSync(join(root, PARSE_CACHE_FILE)).length).toBeGreaterThan(0);
    expect(uncached.diagnostics.length).toBeGreaterThan(0);
    for (const run of [cold, warm]) {
      expect(strip(run.diagnostics)).toEqual(strip(uncached.diagnostics));
      expect(strip(run.catalog)).toEqual(strip(uncached.catalog));
    }
    writeFileSync(join(root, 'definitions/shop/tables/core/broken.yaml'), files['definitions/shop/tables/core/broken.yaml'].replace('nulable', 'nullable'));
    const edited = await analyzeProject({ root }, root, { cache: true });
    expect(edited.diagnostics.filter((d) => d.file.endsWith('broken.yaml')).map((d) => d.message)).toEqual([]);
  });

  it('TypeScript definitions: cached code gives the same result, and an edited helper they import is seen', async () => {
    const T = 'definitions/shop/tables/core';
    const files: Record<string, string> = { ...BASE_PROJECT };
    delete files[`${T}/customer.yaml`];
    files['definitions/shop/shared/columns.ts'] = "export const extra = { full_name: 'text' } as const;\n";
    files[`${T}/customer.ts`] = `import { table } from 'lakegen';\nimport { extra } from '../../shared/columns';\nexport default table({ name: 'customer', kind: 'transactional', columns: { customer_id: 'uuid', status_type_id: { type: 'smallint', references: 'ref.status_type' }, ...extra }, primary_key: ['customer_id'] });\n`;
    const root = writeProject(files);
    const columnsOf = async () => {
      const project = await analyzeProject({ root }, root, { cache: true });
      expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      return project.catalog.databases[0].schemas.find((s) => s.name === 'core')!.tables.find((t) => t.name === 'customer')!.columns.map((c) => c.name);
    };
    const cold = await columnsOf();
    expect(cold).toContain('full_name');
    expect(await columnsOf()).toEqual(cold);
    writeFileSync(join(root, 'definitions/shop/shared/columns.ts'), "export const extra = { display_name: 'text' } as const;\n");
    const edited = await columnsOf();
    expect(edited).toContain('display_name');
    expect(edited).not.toContain('full_name');
  });

  it('remembers which texts passed the DSL schema, per role, and never marks one that fails', async () => {
    const T = 'definitions/shop/tables/core';
    const tableText = BASE_PROJECT[`${T}/customer.yaml`];
    // the same text twice: as a table (valid) and as a schema file (not valid there)
    const root = writeProject({ ...BASE_PROJECT, 'definitions/shop/schemas/customer.yaml': tableText,
      [`${T}/broken.yaml`]: 'name: broken\nkind: transactional\ncolumns:\n  broken_id: uuid\n  x: { type: text, nulable: true }\n' });
    const marks = async () => {
      const loaded = await loadProject(join(root, 'definitions'), { cacheFile: join(root, PARSE_CACHE_FILE) });
      return Object.fromEntries(loaded.documents.map((d) => [d.file.replace(/^.*definitions\//, ''), d.structureValid ?? false]));
    };
    const cold = await marks();
    expect(cold).toMatchObject({ 'shop/tables/core/customer.yaml': true, 'shop/schemas/customer.yaml': false, 'shop/tables/core/broken.yaml': false });
    expect(Object.values(cold).filter((v) => v).length).toBe(Object.keys(cold).length - 2);
    expect(await marks()).toEqual(cold);
    const project = await analyzeProject({ root }, root, { cache: true });
    expect([...new Set(project.diagnostics.filter((d) => d.code === 'LG002').map((d) => d.file))].sort())
      .toEqual(['definitions/shop/schemas/customer.yaml', `${T}/broken.yaml`]);
  });

  it('LAKEGEN_NO_CACHE=1 writes no cache', async () => {
    const root = writeProject(BASE_PROJECT);
    expect((await runCli(['validate'], root, { LAKEGEN_NO_CACHE: '1' })).code).toBe(0);
    expect(() => readFileSync(join(root, PARSE_CACHE_FILE))).toThrow(/ENOENT/);
    expect((await runCli(['validate'], root)).code).toBe(0);
    expect(readFileSync(join(root, PARSE_CACHE_FILE)).length).toBeGreaterThan(0);
  });
});
