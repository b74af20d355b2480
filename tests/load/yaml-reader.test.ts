import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { readYaml } from '../../generator/load/yaml-reader.js';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeProject } from '../../generator/project/analyze.js';
import { removeTempProjects, writeProject } from '../support/project.js';

/** The reader takes values from js-yaml and positions from `yaml`: both must read a document the same way. */
function yamlValue(text: string): { ok: true; value: unknown } | { ok: false } {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) return { ok: false };
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: 100 }) };
  } catch {
    return { ok: false };
  }
}

function jsYamlValue(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: load(text, { schema: CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

describe('yaml reader', () => {
  it('js-yaml and yaml agree on documents yaml writes', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const text = stringify(value);
      // the one difference fast-check found: js-yaml reads `-0` as 0; both write "0" into SQL and JSON
      const asJson = (read: unknown) => JSON.parse(JSON.stringify(read));
      expect(asJson(jsYamlValue(text))).toEqual(asJson(yamlValue(text)));
    }), { numRuns: 500 });
  });

  it('js-yaml and yaml agree on the scalars definitions use', () => {
    const scalars = ['1', '-2', '0o17', '0x1F', '1e3', '1.50', '.inf', 'true', 'True', 'yes', 'no', 'null', '~', '2024-01-31', "'O''Brien'", '"a;b"', 'é', 'numeric(18,4)', 'text?'];
    for (const scalar of scalars) {
      const text = `value: ${scalar}\n`;
      expect({ scalar, value: jsYamlValue(text) }).toEqual({ scalar, value: yamlValue(text) });
    }
  });

  it('reads flow and block mappings with positions of keys and values', () => {
    const { parsed } = readYaml('t.yaml', 'name: trade\ncolumns:\n  qty: { type: "numeric(18,4)", check: "qty <> 0" }\n  note: text?\n');
    expect(parsed!.value).toEqual({ name: 'trade', columns: { qty: { type: 'numeric(18,4)', check: 'qty <> 0' }, note: 'text?' } });
    const at = (path: (string | number)[], part?: 'key' | 'value') => {
      const span = parsed!.locate(path, part);
      return `${span.line}:${span.column}`;
    };
    expect(at(['columns', 'qty'], 'key')).toBe('3:3');
    expect(at(['columns', 'qty', 'type'])).toBe('3:16');
    expect(at(['columns', 'note'])).toBe('4:9');
    // a path that does not exist points at its closest ancestor
    expect(at(['columns', 'qty', 'nullable'])).toBe('3:8');
  });

  it('reports a syntax error once, at the offending token', () => {
    const { parsed, diagnostics } = readYaml('t.yaml', 'name: x\ncolumns:\n  a: text\n   b: text\n');
    expect(parsed).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'LG001', line: 3, column: 6 });
  });

  it('reports a quote that is never closed where it opened, not at the end of the file', () => {
    const single = readYaml('t.yaml', "name: x_type\ncolumns:\n  x_type_id: smallint\n  a: 'it\nprimary_key: [x_type_id]\n");
    expect(single.diagnostics[0]).toMatchObject({ code: 'LG001', line: 4, column: 6 });
    const double = readYaml('t.yaml', 'name: x\nrows:\n  - "open\n  - b\n');
    expect(double.diagnostics[0]).toMatchObject({ code: 'LG001', line: 3, column: 5 });
  });

  it('rejects duplicate keys', () => {
    const { diagnostics } = readYaml('t.yaml', 'name: x\nname: y\n');
    expect(diagnostics[0]).toMatchObject({ code: 'LG001', line: 2 });
  });
});

describe('files that are not UTF-8', () => {
  it('are a diagnostic at the first bad byte, for YAML and CSV, not text with U+FFFD in every target', async () => {
    const root = writeProject({
      'definitions/d/database.yaml': 'name: d\n',
      'definitions/d/schemas/s.yaml': 'name: s\n',
      'definitions/d/tables/s/color_type.yaml': 'name: color_type\nkind: reference\ncolumns:\n  color_type_id: smallint\n  color_type_name: text\nprimary_key: [color_type_id]\n',
    });
    writeFileSync(join(root, 'definitions/d/database.yaml'), Buffer.from('name: d\ndescription: Caf\xe9 data\n', 'latin1'));
    writeFileSync(join(root, 'definitions/d/tables/s/color_type.csv'), Buffer.from('color_type_id,color_type_name\n1,cr\xe8me\n', 'latin1'));
    writeFileSync(join(root, 'definitions/d/schemas/s.yaml'), 'name: s\ndescription: "a real \ufffd is fine"\n');
    const project = await analyzeProject({ root }, root);
    expect(project.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'LG001 definitions/d/database.yaml:2:17 the file is not UTF-8 text',
      'LG003 definitions/d/tables/s/color_type.csv:2:5 the file is not UTF-8 text',
    ]);
    removeTempProjects();
  });
});

describe('symbolic links in the definitions folder', () => {
  it('a linked file or schema folder is read like any other; a link to nothing is a diagnostic', async () => {
    const shared = writeProject({ 'status_type.yaml': 'name: status_type\nkind: reference\ncolumns:\n  status_type_id: smallint\nprimary_key: [status_type_id]\n' });
    const root = writeProject({
      'definitions/d/database.yaml': 'name: d\n',
      'definitions/d/schemas/s.yaml': 'name: s\n',
      'definitions/d/tables/s/.keep': '',
    });
    symlinkSync(join(shared, 'status_type.yaml'), join(root, 'definitions/d/tables/s/status_type.yaml'));
    symlinkSync(join(shared, 'gone.yaml'), join(root, 'definitions/d/tables/s/gone_type.yaml'));
    const project = await analyzeProject({ root }, root);
    expect(project.catalog.databases[0].schemas[0].tables.map((t) => t.name)).toEqual(['status_type']);
    expect(project.diagnostics.map((d) => `${d.code} ${d.file} ${d.message}`)).toEqual([
      'LG004 definitions/d/tables/s/gone_type.yaml `gone_type.yaml` is a symbolic link to nothing',
    ]);
    removeTempProjects();
  });
});

