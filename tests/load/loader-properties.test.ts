/**
 * Property tests: whatever text or document stands where a table file goes, the loader, resolve and the
 * rules return diagnostics or a Catalog — never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkConventions } from '../../generator/check/registry.js';
import { readYaml } from '../../generator/load/yaml-reader.js';
import type { SourceDocument } from '../../generator/load/source-document.js';
import { resolve } from '../../generator/model/resolve.js';
import { readCsv } from '../../generator/load/csv-reader.js';

const FIXED: SourceDocument[] = [
  document('database', 'demo/database.yaml', 'name: demo\n'),
  document('schema', 'demo/schemas/core.yaml', 'name: core\nlayer: silver\n'),
  document('table', 'demo/tables/core/status_type.yaml',
    'name: status_type\nkind: reference\ncolumns:\n  status_type_id: smallint\nrows:\n  - { status_type_id: 1 }\n'),
].map((d) => d!);

function document(role: SourceDocument['role'], file: string, text: string, csvText?: string): SourceDocument | undefined {
  const { parsed } = readYaml(file, text);
  if (!parsed) return undefined;
  const csv = csvText === undefined ? undefined : readCsv(`${file}.csv`, csvText).rows;
  return {
    file, role, source: file, database: 'demo', schemaFolder: role === 'table' ? 'core' : undefined,
    fileStem: file.replace(/^.*\//, '').replace(/\.yaml$/, ''), value: parsed.value, locate: parsed.locate, csv,
  };
}

/** Runs the whole front half on the fixed project plus one table file; reads every span so lazy ones resolve. */
function analyze(text: string, csvText?: string): number {
  const table = document('table', 'demo/tables/core/thing.yaml', text, csvText);
  const resolved = resolve(table ? [...FIXED, table] : FIXED);
  const diagnostics = [...resolved.diagnostics, ...checkConventions(resolved.catalog)];
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
  }
  return diagnostics.length;
}

const typeSpelling = fc.oneof(
  fc.constantFrom('smallint', 'integer', 'uuid', 'text?', 'varchar(10)', 'numeric(18,4)', 'numeric(2,5)', 'jsonb', 'char(0)', 'bogus', ''),
  fc.string(),
);
const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const column = fc.oneof(
  typeSpelling,
  fc.record({
    type: typeSpelling, nullable: fc.boolean(), unique: fc.boolean(), default: fc.oneof(scalar, fc.record({ sql: fc.string() })),
    references: fc.constantFrom('core.status_type', 'core.thing', 'core.missing', 'x', 'a.b.c', 'core.status_type.is_active'),
    check: fc.string(), logical: fc.boolean(), deferrable: fc.boolean(), on_delete: fc.constantFrom('restrict', 'set_null', 'nope'),
  }, { requiredKeys: [] }),
  fc.anything(),
);
const name = fc.oneof(fc.constantFrom('thing', 'thing_hist', 'thing_type', 'Thing', 'sys_start', 'status_type_id'), fc.string());
const tableLike = fc.record({
  name,
  kind: fc.oneof(fc.constantFrom('reference', 'transactional', 'temporal'), fc.string()),
  columns: fc.dictionary(name, column, { maxKeys: 6 }),
  primary_key: fc.array(name, { maxLength: 3 }),
  key: fc.array(name, { maxLength: 3 }),
  current_view: name,
  indexes: fc.array(fc.record({ columns: fc.array(name), unique: fc.boolean() }, { requiredKeys: [] }), { maxLength: 2 }),
  rows: fc.array(fc.dictionary(name, scalar, { maxKeys: 4 }), { maxLength: 4 }),
}, { requiredKeys: [] });

describe('loader and checks never throw', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
      analyze(text);
    }), { numRuns: 300 });
  });

  it('on arbitrary YAML-looking text', () => {
    const token = fc.constantFrom('name: x\n', 'kind: temporal\n', 'columns:\n', '  a: text\n', '- ', '  ', '{', '}', '[', ']', ':', '"', "'", '&a ', '*a', '\t', '#', '\n', '? ', '!!str ', '<<: *a\n');
    fc.assert(fc.property(fc.array(token, { maxLength: 40 }).map((t) => t.join('')), (text) => {
      analyze(text);
    }), { numRuns: 500 });
  });

  it('on arbitrary JSON-like documents', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      analyze(stringify(value));
    }), { numRuns: 300 });
  });

  it('on documents shaped like tables', () => {
    fc.assert(fc.property(tableLike, fc.option(fc.string({ maxLength: 80 })), (value, csvText) => {
      analyze(stringify(value), csvText ?? undefined);
    }), { numRuns: 1000 });
  });

  it('reports problems of a broken table rather than resolving it silently', () => {
    expect(analyze('name: thing\nkind: transactional\ncolumns: { thing_id: uuid, thing_id2: bogus }\n')).toBeGreaterThan(0);
  });
});
