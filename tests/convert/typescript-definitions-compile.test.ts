/** definitions/ converted to TypeScript compiles to byte-identical output, for every target. */
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/binary.js';
import { copyToTemp, readTree, removeTempProjects, runCli, writeProject } from '../support/project.js';
import { analyzeProject } from '../../generator/project/analyze.js';

afterAll(removeTempProjects);

describe('definitions written in TypeScript', () => {
  it('compile to the same generated/ as the YAML original, byte for byte', async () => {
    const root = copyToTemp(join(REPO_ROOT, 'definitions'));
    mkdirSync(join(root, 'definitions'));
    renameSync(join(root, 'demo'), join(root, 'definitions', 'demo'));
    const converted = await runCli(['convert', '--to', 'ts', 'definitions'], root);
    expect(converted.code).toBe(0);
    const sources = Object.keys(readTree(join(root, 'definitions')));
    expect(sources.filter((f) => f.endsWith('.yaml'))).toEqual([]);
    expect(sources.filter((f) => f.endsWith('.ts')).length).toBe(14);

    const compiled = await runCli(['compile'], root);
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(readTree(join(root, 'generated'))).toEqual(readTree(join(REPO_ROOT, 'generated')));
  });
});

describe('lakegen convert keeps every value as lakegen reads it', () => {
  const project = (table: string) => writeProject({
    'definitions/d/database.yaml': 'name: d\n',
    'definitions/d/schemas/s.yaml': 'name: s\n',
    'definitions/d/tables/s/ledger_type.yaml': table,
  });
  const catalogJson = async (root: string) => {
    const result = await analyzeProject({ root }, root);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    return JSON.stringify(result.catalog.databases[0].schemas[0].tables.map((t) => [t.columns.map((c) => [c.name, c.default]), t.rows.map((r) => r.values)]));
  };

  it('YAML → TS → YAML: js-yaml numbers (0b101), digits past a double, __proto__ keys, strings that look like numbers', async () => {
    const root = project(`name: ledger_type
kind: reference
columns:
  ledger_type_id: smallint
  ledger_type_name: text
  limit_cents: { type: bigint, default: 9007199254740993 }
  rate: { type: "numeric(30,20)?", default: 0.123456789012345678 }
  meta: jsonb?
  bits: integer?
  score: double?
primary_key: [ledger_type_id]
rows:
  - { ledger_type_id: 1, ledger_type_name: "0b101", meta: { __proto__: { x: 1 }, y: 2, flags: "0b11", sign: "+0x1" } }
  - { ledger_type_id: 2, ledger_type_name: b, bits: 0b101, rate: 1.5, score: 0.12345678901234567890, meta: { n: 12345678901234567891 } }
`);
    const before = await catalogJson(root);
    expect(before).toContain('"bits":5');
    expect(before).toContain('"9007199254740993"');
    expect(before).toContain('{\\"__proto__\\":{\\"x\\":1},\\"y\\":2,\\"flags\\":\\"0b11\\",\\"sign\\":\\"+0x1\\"}');
    expect((await runCli(['convert', '--to', 'ts', 'definitions'], root)).code).toBe(0);
    expect(await catalogJson(root)).toBe(before);
    expect((await runCli(['convert', '--to', 'yaml', 'definitions'], root)).code).toBe(0);
    expect(await catalogJson(root)).toBe(before);
  });
});

describe('lakegen convert --to yaml keeps the file\'s own comments', () => {
  it('a header above the imports, a JSDoc on the export, and the comments of a const default export', async () => {
    const root = writeProject({
      'definitions/d/database.yaml': 'name: d\n',
      'definitions/d/schemas/s.yaml': 'name: s\n',
      'definitions/d/tables/s/two.ts': `// Owned by the payments team.
import { table } from 'lakegen';

/** Payments, one row each. */
const two = table({
  name: 'two', // the name
  kind: 'transactional',
  columns: {
    two_id: 'uuid',
    amount: 'numeric(12,2)', // money
  },
  primary_key: ['two_id'],
});
export default two;
`,
    });
    expect((await runCli(['convert', '--to', 'yaml', 'definitions'], root)).code).toBe(0);
    const yaml = readFileSync(join(root, 'definitions/d/tables/s/two.yaml'), 'utf8');
    expect(yaml).toMatch(/^# Owned by the payments team\.\n# Payments, one row each\.\n\nname: two # the name\n/);
    expect(yaml).toContain('name: two # the name');
    expect(yaml).toMatch(/amount: numeric\(12,2\) # money/);
  });
});
