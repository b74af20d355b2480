/**
 * The TypeScript authoring types and the JSON Schema are two spellings of one language: one list of wrong
 * definitions must fail both (tsc, and ajv through the structure validator), and one list of right ones must
 * pass both.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateStructure } from '../../generator/dsl/structure-validator.js';
import type { DocumentRole, SourceDocument } from '../../generator/load/source-document.js';
import { readYaml } from '../../generator/load/yaml-reader.js';
import { REPO_ROOT } from '../support/binary.js';

interface Case {
  what: string;
  role: DocumentRole;
  value: Record<string, unknown>;
}

const column = { id: 'uuid' };
const WRONG: Case[] = [
  { what: 'a misspelled column key', role: 'table', value: { name: 't', kind: 'transactional', columns: { id: 'uuid', note: { type: 'text', nulable: true } } } },
  { what: 'an unknown type', role: 'table', value: { name: 't', kind: 'transactional', columns: { id: 'uuid', note: 'txt' } } },
  { what: 'a type with a bad parameter list', role: 'table', value: { name: 't', kind: 'transactional', columns: { id: 'uuid', note: 'varchar(n)' } } },
  { what: 'a temporal table without key', role: 'table', value: { name: 't_hist', kind: 'temporal', columns: { id: 'integer' } } },
  { what: 'rows on a transactional table', role: 'table', value: { name: 't', kind: 'transactional', columns: column, rows: [{ id: 'x' }] } },
  { what: 'primary_key on a temporal table', role: 'table', value: { name: 't_hist', kind: 'temporal', key: ['id'], primary_key: ['id'], columns: { id: 'integer' } } },
  { what: 'key on a reference table', role: 'table', value: { name: 't_type', kind: 'reference', key: ['t_type_id'], columns: { t_type_id: 'smallint' } } },
  { what: 'an unknown kind', role: 'table', value: { name: 't', kind: 'lookup', columns: column } },
  { what: 'a reference without schema', role: 'table', value: { name: 't', kind: 'transactional', columns: { id: 'uuid', x_id: { type: 'uuid', references: 'x' } } } },
  { what: 'a default object without sql', role: 'table', value: { name: 't', kind: 'transactional', columns: { id: 'uuid', at: { type: 'timestamptz', default: { expr: 'now()' } } } } },
  { what: 'unique as text', role: 'table', value: { name: 't', kind: 'transactional', columns: { id: 'uuid', code: { type: 'text', unique: 'yes' } } } },
  { what: 'an index without columns', role: 'table', value: { name: 't', kind: 'transactional', columns: column, indexes: [{ columns: [] }] } },
  { what: 'an unknown on_delete action', role: 'table', value: { name: 't', kind: 'transactional', columns: { id: 'uuid', x_id: { type: 'uuid', references: 's.x', on_delete: 'nullify' } } } },
  { what: 'a table without columns', role: 'table', value: { name: 't', kind: 'transactional' } },
  { what: 'an unknown layer', role: 'schema', value: { name: 's', layer: 'platinum' } },
  { what: 'a misspelled database key', role: 'database', value: { name: 'd', extentions: ['btree_gist'] } },
];

const RIGHT: Case[] = [
  { what: 'a full transactional table', role: 'table', value: {
    name: 'trade', kind: 'transactional', description: 'x', primary_key: ['trade_id'],
    columns: {
      trade_id: 'uuid', note: 'text?', qty: { type: 'numeric(18,4)', check: 'qty <> 0' }, code: { type: 'varchar(64)', unique: true, default: null, nullable: true },
      at: { type: 'timestamptz', default: { sql: 'now()' } }, p_id: { type: 'uuid', references: 'trading.portfolio', on_delete: 'restrict', deferrable: true },
    },
    indexes: [{ columns: ['p_id', 'effective_time'], unique: false, name: 'trade_p_idx' }] } },
  { what: 'a reference table with rows', role: 'table', value: { name: 's_type', kind: 'reference', columns: { s_type_id: 'smallint' }, rows: [{ s_type_id: 1 }] } },
  { what: 'a temporal table', role: 'table', value: { name: 'c_hist', kind: 'temporal', key: ['c_id'], current_view: 'c', columns: { c_id: 'integer', e: 'text?', n: 'numeric' } } },
  { what: 'a schema', role: 'schema', value: { name: 'gold', layer: 'gold', description: 'marts' } },
  { what: 'a database', role: 'database', value: { name: 'demo', extensions: ['btree_gist'] } },
];

const folder = mkdtempSync(join(REPO_ROOT, 'tests', 'dsl', '.types-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function typeCheck(cases: Case[], expectError: boolean): string[] {
  const lines = ["import { table, schema, database } from 'lakegen';", ''];
  cases.forEach((c, index) => {
    lines.push(`// ${c.what}`);
    if (expectError) lines.push('// @ts-expect-error');
    lines.push(`export const case${index} = ${c.role}(${JSON.stringify(c.value)});`);
  });
  const file = join(folder, expectError ? 'wrong.ts' : 'right.ts');
  writeFileSync(file, lines.join('\n'));
  const program = ts.createProgram([file], {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: [],
    baseUrl: REPO_ROOT, paths: { lakegen: ['generator/index.ts'] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${at}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

function schemaErrors(c: Case): number {
  const { parsed } = readYaml('case.yaml', stringify(c.value));
  const document: SourceDocument = {
    file: 'case.yaml', source: 'case', role: c.role, fileStem: String(c.value.name), database: 'd',
    schemaFolder: 's', value: parsed!.value, locate: parsed!.locate,
  };
  return validateStructure(document).length;
}

describe('authoring types and JSON Schema agree', () => {
  it('every wrong definition fails tsc: each @ts-expect-error is needed (an unused one is itself an error)', () => {
    expect(typeCheck(WRONG, true)).toEqual([]);
  });

  it('every wrong definition fails tsc without the directive, on its own line', () => {
    const errors = typeCheck(WRONG, false);
    WRONG.forEach((_c, index) => {
      const line = 4 + index * 2; // header 2 lines, then comment + statement per case
      expect(errors.some((e) => e.startsWith(`${line}:`)), `case ${index} (${WRONG[index].what})`).toBe(true);
    });
  });

  it.each(WRONG)('the JSON Schema rejects $what', (c) => {
    expect(schemaErrors(c)).toBeGreaterThan(0);
  });

  it('every right definition passes tsc', () => {
    expect(typeCheck(RIGHT, false)).toEqual([]);
  });

  it.each(RIGHT)('the JSON Schema accepts $what', (c) => {
    expect(schemaErrors(c)).toBe(0);
  });
});
