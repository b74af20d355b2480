import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../../generator/project/analyze.js';
import { BASE_PROJECT } from '../check/fixtures/base-project.js';
import { removeTempProjects, runCli, writeProject } from '../support/project.js';
import { runBinary } from '../support/binary.js';

afterAll(removeTempProjects);

const T = 'definitions/shop/tables';

function withTypeScriptTable(path: string, source: string): string {
  const files: Record<string, string> = { ...BASE_PROJECT };
  delete files[path.replace(/\.ts$/, '.yaml')];
  files[path] = source;
  return writeProject(files);
}

describe('TypeScript definitions', () => {
  it('a TS table resolves like its YAML spelling, mixed with YAML files', async () => {
    const root = withTypeScriptTable(`${T}/core/customer.ts`, `import { table } from 'lakegen';

const audit = { status_type_id: { type: 'smallint', references: 'ref.status_type' } } as const;

export default table({
  name: 'customer',
  kind: 'transactional',
  columns: {
    customer_id: 'uuid',
    ...audit,
    full_name: 'text',
  },
  primary_key: ['customer_id'],
});
`);
    const yamlRoot = writeProject(BASE_PROJECT);
    const fromTs = await analyzeProject({ root }, root);
    const fromYaml = await analyzeProject({ root: yamlRoot }, yamlRoot);
    expect(fromTs.diagnostics).toEqual([]);
    const strip = (catalog: unknown) => JSON.parse(JSON.stringify(catalog, (key, value) => (key === 'span' || key === 'spans' || key === 'typeSpan' || key === 'nameSpan' || key === 'valueSpans' ? undefined : value)));
    expect(strip(fromTs.catalog)).toEqual(strip(fromYaml.catalog));
  });

  it('reports a broken convention at the line and column of the .ts file', async () => {
    const root = withTypeScriptTable(`${T}/core/customer.ts`, `import { table } from 'lakegen';

export default table({
  name: 'customer',
  kind: 'transactional',
  columns: {
    customer_id: 'uuid',
    status_type_id: { type: 'integer', references: 'ref.status_type' },
    full_name: 'text',
  },
  primary_key: ['customer_id'],
});
`);
    const project = await analyzeProject({ root }, root);
    expect(project.diagnostics).toHaveLength(1);
    expect(project.diagnostics[0]).toMatchObject({ code: 'LG502', file: `${T}/core/customer.ts`, line: 8, column: 29 });
  });

  it.each([
    ['throws', `import { table } from 'lakegen';\nconst columns = (): never => { throw new Error('no columns today'); };\nexport default table({ name: 'customer', kind: 'transactional', columns: columns() });\n`, /throws when loaded: no columns today/, 3],
    ['exports nothing', `import { table } from 'lakegen';\nexport const customer = table({ name: 'customer', kind: 'transactional', columns: { customer_id: 'uuid' } });\n`, /exports no definition/, 1],
    ['imports a Node module', `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync('x.json', 'utf8'));\n`, /may import only 'lakegen' and relative files/, 2],
    ['does not parse', `export default table({ name: 'customer', kind: });\n`, /Expression expected/, 1],
    // only V8 finds these: the position comes from its report, not 1:1
    ['declares a name twice', `import { table } from 'lakegen';\nconst id = 'uuid';\nlet id = 'text';\nexport default table({ name: 'customer', kind: 'transactional', columns: { customer_id: id } });\n`,
      /customer\.ts:3:5 .*Identifier 'id' has already been declared/, 3],
    ['awaits at the top level', `import { table } from 'lakegen';\nconst id = await Promise.resolve('uuid');\nexport default table({ name: 'customer', kind: 'transactional', columns: { customer_id: id } });\n`,
      /customer\.ts:2:12 .*top-level await is not supported: a definition is built synchronously/, 2],
  ])('a definition that %s is a diagnostic, exit 1, no stack trace', async (_what, source, message, line) => {
    const root = withTypeScriptTable(`${T}/core/customer.ts`, source);
    const result = await runCli(['validate'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`${T}/core/customer\\.ts:${line}:\\d+ +error +LG006 load/definition-error`));
    expect(result.stdout).toMatch(message);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });

  it.each([
    ['a missing comma', `export const columns = {\n  customer_id: 'uuid'\n  full_name: 'text',\n};\n`, '3:3'],
    ['a doubled comma (only V8 finds it)', `export const columns = {\n  customer_id: 'uuid',\n  full_name: 'text',,\n};\n`, '3:21'],
  ])('a syntax error in an imported helper (%s) is named with the helper\'s own line and column, at the import', async (_what, helper, at) => {
    const root = writeProject({ ...Object.fromEntries(Object.entries(BASE_PROJECT).filter(([path]) => path !== `${T}/core/customer.yaml`)),
      [`${T}/core/customer.ts`]: `import { table } from 'lakegen';\nimport { columns } from '../../shared/columns';\nexport default table({ name: 'customer', kind: 'transactional', columns });\n`,
      'definitions/shop/shared/columns.ts': helper });
    const result = await runCli(['validate'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`${T}/core/customer\\.ts:2:25 +error +LG006 load/definition-error +imports definitions/shop/shared/columns\\.ts, `
      + `which does not compile: .*\\(definitions/shop/shared/columns\\.ts:${at}\\)`));
  });

  it('a syntax error two helpers deep is reported at the import that leads to it', async () => {
    const root = writeProject({ ...Object.fromEntries(Object.entries(BASE_PROJECT).filter(([path]) => path !== `${T}/core/customer.yaml`)),
      [`${T}/core/customer.ts`]: `import { table } from 'lakegen';\nimport { columns } from '../../shared/columns';\nexport default table({ name: 'customer', kind: 'transactional', columns });\n`,
      'definitions/shop/shared/columns.ts': `import { id } from './ids';\nexport const columns = { customer_id: id };\n`,
      'definitions/shop/shared/ids.ts': `export const id = 'uuid'\nexport const broken = ;\n` });
    const result = await runCli(['validate'], root);
    expect(result.stdout).toMatch(new RegExp(`${T}/core/customer\\.ts:2:25 +error +LG006 load/definition-error +imports definitions/shop/shared/ids\\.ts, `
      + 'which does not compile: .*\\(definitions/shop/shared/ids\\.ts:2:\\d+\\)'));
  });

  it.each([
    ['loops forever', {}],
    ['imports a helper that loops forever', { [`${T}/core/helpers.ts`]: 'export const columns = (): Record<string, string> => { for (;;) { /* never returns */ } };\n' }],
  ])('a definition that %s is stopped by the time limit: a diagnostic, exit 1, and the next file still loads', async (what, extra) => {
    const source = what === 'loops forever'
      ? `import { table } from 'lakegen';\nlet n = 0;\nwhile (n >= 0) n = (n + 1) % 7;\nexport default table({ name: 'customer', kind: 'transactional', columns: { customer_id: 'uuid' } });\n`
      : `import { table } from 'lakegen';\nimport { columns } from './helpers';\nexport default table({ name: 'customer', kind: 'transactional', columns: columns() });\n`;
    const root = writeProject({ ...Object.fromEntries(Object.entries(BASE_PROJECT).filter(([path]) => path !== `${T}/core/customer.yaml`)),
      [`${T}/core/customer.ts`]: source, ...extra });
    process.env.LAKEGEN_DEFINITION_TIMEOUT_MS = '300';
    try {
      const started = performance.now();
      const result = await runCli(['validate'], root);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`${T}/core/customer\\.ts:\\d+:\\d+ +error +LG006 load/definition-error +the definition did not finish within 0.3 s \\(an endless loop\\?\\)`));
      expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    } finally {
      delete process.env.LAKEGEN_DEFINITION_TIMEOUT_MS;
    }
    expect((globalThis as Record<string, unknown>).__lakegenRunDefinitions).toBeUndefined();
    const fine = withTypeScriptTable(`${T}/core/customer.ts`, `import { table } from 'lakegen';\nexport default table({ name: 'customer', kind: 'transactional', columns: { customer_id: 'uuid', status_type_id: { type: 'smallint', references: 'ref.status_type' }, full_name: 'text' }, primary_key: ['customer_id'] });\n`);
    expect((await analyzeProject({ root: fine }, fine)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a value YAML cannot hold is refused, not changed: Map, Set, Date, class instances, promises, getters', async () => {
    const cases: [string, RegExp][] = [
      ["full_name: { type: 'text', description: new Map([['a', 1]]) as any }", /a Map at columns\.full_name\.description/],
      ["full_name: { type: 'text', description: new Set() as any }", /a Set at columns\.full_name\.description/],
      ["full_name: { type: 'text', description: new Date(0) as any }", /a Date at columns\.full_name\.description/],
      ["full_name: { type: 'text', description: new (class Label { toJSON() { for (;;) {} } })() as any }", /a Label at columns\.full_name\.description/],
      ["full_name: { type: 'text', get description(): string { throw new Error('not yet'); } }", /a getter or setter at columns\.full_name\.description/],
      ["full_name: 'text', ['sym' as any]: 1, x: [1, , 2] as any", /undefined at columns\.x\.1/],
    ];
    for (const [column, problem] of cases) {
      const root = withTypeScriptTable(`${T}/core/customer.ts`, `import { table } from 'lakegen';
export default table({ name: 'customer', kind: 'transactional', `
        + `columns: { customer_id: 'uuid', status_type_id: { type: 'smallint', references: 'ref.status_type' }, ${column} } } as any);
`);
      const result = await runCli(['validate'], root);
      expect([column, result.code]).toEqual([column, 1]);
      expect(result.stdout).toMatch(new RegExp(`LG006 load/definition-error +the definition is not plain data: ${problem.source}`));
    }
    const promised = withTypeScriptTable(`${T}/core/customer.ts`, `import { table } from 'lakegen';
export default (async () => table({ name: 'customer', kind: 'transactional', columns: { customer_id: 'uuid' } }))() as any;
`);
    expect((await runCli(['validate'], promised)).stdout).toMatch(/the definition is not plain data: a Promise/);
    // a key named __proto__ is a key (the jsonb row value keeps it), not the object's prototype
    const proto = withTypeScriptTable(`${T}/ref/status_type.ts`, `import { table } from 'lakegen';
export default table({ name: 'status_type', kind: 'reference', `
      + `columns: { status_type_id: 'smallint', status_type_name: { type: 'varchar(20)', unique: true }, meta: 'jsonb?' }, primary_key: ['status_type_id'], `
      + `rows: [{ status_type_id: 1, status_type_name: 'open', meta: { ['__proto__']: { x: 1 }, y: 2 } as any }, { status_type_id: 2, status_type_name: 'closed' }] });
`);
    const project = await analyzeProject({ root: proto }, proto);
    const status = project.catalog.databases[0].schemas.find((s) => s.name === 'ref')!.tables[0];
    expect(status.rows[0].values.meta).toBe('{"__proto__":{"x":1},"y":2}');
  });

  it('after a definition that loops, the files after it in the same load still run', async () => {
    const root = writeProject({ ...Object.fromEntries(Object.entries(BASE_PROJECT).filter(([path]) => path !== `${T}/core/customer.yaml`)),
      [`${T}/core/customer.ts`]: `import { table } from 'lakegen';\nfor (;;) { /* never */ }\n`,
      [`${T}/core/visit.ts`]: `import { table } from 'lakegen';\nexport default table({ name: 'visit', kind: 'transactional', columns: { visit_id: 'uuid', note: 'text?' } });\n` });
    process.env.LAKEGEN_DEFINITION_TIMEOUT_MS = '300';
    try {
      const project = await analyzeProject({ root }, root);
      expect(project.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.code}`)).toEqual([`${T}/core/customer.ts LG006`]);
      const core = project.catalog.databases[0].schemas.find((s) => s.name === 'core')!;
      expect(core.tables.map((t) => t.name)).toContain('visit');
    } finally {
      delete process.env.LAKEGEN_DEFINITION_TIMEOUT_MS;
    }
  });

  it('a clean TS project never loads the TypeScript compiler; one with a diagnostic does, for the position', () => {
    const clean = withTypeScriptTable(`${T}/core/customer.ts`, `import { table } from 'lakegen';\nexport default table({ name: 'customer', kind: 'transactional', columns: { customer_id: 'uuid', status_type_id: { type: 'smallint', references: 'ref.status_type' }, full_name: 'text' }, primary_key: ['customer_id'] });\n`);
    const loadedTypeScript = (stderr: string) => /node_modules\/typescript\//.test(stderr);
    // (the warehouse targets would warn of the uuid key, LG804: a diagnostic, with a position)
    writeFileSync(join(clean, 'lakegen.config.yaml'), 'targets: [postgres, typescript, docs]\n');
    const ok = runBinary(['validate'], clean, { NODE_DEBUG: 'module' });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/node_modules\/sucrase\//); // the probe sees CommonJS loads
    expect(loadedTypeScript(ok.stderr)).toBe(false);
    const broken = withTypeScriptTable(`${T}/core/customer.ts`, `import { table } from 'lakegen';\nexport default table({ name: 'customer', kind: 'transactional', columns: { customer_id: 'uuid', Full_Name: 'text' }, primary_key: ['customer_id'] });\n`);
    const failed = runBinary(['validate'], broken, { NODE_DEBUG: 'module' });
    expect(failed.stdout).toMatch(/customer\.ts:2:\d+/);
    expect(loadedTypeScript(failed.stderr)).toBe(true);
  });

  it('a definition sees no process, eval, Function, globalThis, fetch or timers', async () => {
    const probe = '[typeof process, typeof eval, typeof Function, typeof globalThis, typeof fetch, typeof setTimeout].join(\'_\')';
    const root = withTypeScriptTable(`${T}/core/customer.ts`, `import { table } from 'lakegen';
const probe: string = ${probe};
export default table({ name: 'customer', kind: 'transactional', columns: { customer_id: 'uuid', status_type_id: { type: 'smallint', references: 'ref.status_type' }, [probe]: 'text' }, primary_key: ['customer_id'] });
`);
    const project = await analyzeProject({ root }, root);
    const customer = project.catalog.databases[0].schemas.find((s) => s.name === 'core')!.tables.find((t) => t.name === 'customer')!;
    expect(customer.columns.map((c) => c.name)).toContain(Array(6).fill('undefined').join('_'));
  });

  it('lakegen convert turns YAML into TS and back, keeping comments', async () => {
    const root = writeProject({
      ...BASE_PROJECT,
      [`${T}/core/customer.yaml`]: `# Customers of the shop
name: customer
kind: transactional
columns:
  # the key
  customer_id: uuid
  status_type_id: { type: smallint, references: ref.status_type } # lookup
  full_name: text
  # nickname: text
  # code: text
primary_key:
  # comment above the only key
  - customer_id   # key trailing
indexes:
  # index comment
  - columns: [full_name]
`,
    });
    const before = await analyzeProject({ root }, root);
    expect((await runCli(['convert', '--to', 'ts', 'definitions'], root)).code).toBe(0);
    const ts = readFileSync(join(root, `${T}/core/customer.ts`), 'utf8');
    expect(ts).toContain('// Customers of the shop');
    expect(ts).toContain('    // the key\n    customer_id: \'uuid\',');
    expect(ts).toContain("status_type_id: { type: 'smallint', references: 'ref.status_type' }, // lookup");
    // a comment block of several lines after a value: one `//` per line, or the TypeScript would not parse
    expect(ts).toMatch(/\/\/ nickname: text\n\s*\/\/ code: text/);
    const converted = await analyzeProject({ root }, root);
    expect(converted.diagnostics).toEqual([]);
    expect((await runCli(['convert', '--to', 'yaml', 'definitions'], root)).code).toBe(0);
    const yaml = readFileSync(join(root, `${T}/core/customer.yaml`), 'utf8');
    expect(yaml).toContain('# the key\n  customer_id: uuid');
    expect(yaml).toContain('status_type_id: { type: smallint, references: ref.status_type } # lookup');
    // every comment survives, and a second round trip changes nothing
    for (const comment of ['# comment above the only key', '# key trailing', '# index comment']) expect(yaml).toContain(comment);
    expect((await runCli(['convert', '--to', 'ts', 'definitions'], root)).code).toBe(0);
    expect((await runCli(['convert', '--to', 'yaml', 'definitions'], root)).code).toBe(0);
    expect(readFileSync(join(root, `${T}/core/customer.yaml`), 'utf8')).toBe(yaml);
    const back = await analyzeProject({ root }, root);
    expect(back.catalog.databases[0].schemas.map((s) => s.tables.map((t) => t.columns.length)))
      .toEqual(before.catalog.databases[0].schemas.map((s) => s.tables.map((t) => t.columns.length)));
  });
});
