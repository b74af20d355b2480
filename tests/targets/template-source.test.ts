import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Handlebars from 'handlebars';
import { TEMPLATE_OPTIONS, templateModuleSource } from '../../generator/targets/shared/template-source.js';
import { renderTemplate } from '../../generator/targets/shared/render-template.js';
import { REPO_ROOT } from '../support/binary.js';

describe('precompiled templates', () => {
  it('are what Handlebars compiles from templates/ (npm run golden:update regenerates them)', () => {
    const path = join(REPO_ROOT, 'generator', 'targets', 'shared', 'templates.generated.ts');
    const expected = templateModuleSource();
    if (process.env.LAKEGEN_UPDATE_GOLDEN) writeFileSync(path, expected);
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });

  it('render as the template source compiled at run time would, strict about missing fields', () => {
    const source = readFileSync(join(REPO_ROOT, 'templates', 'postgres', 'schemas.sql.hbs'), 'utf8');
    const direct = Handlebars.compile(source, TEMPLATE_OPTIONS);
    const data = {
      extensions: ['CREATE EXTENSION IF NOT EXISTS pgcrypto;'],
      schemas: [{ create: 'CREATE SCHEMA IF NOT EXISTS "a;b";', comment: "COMMENT ON SCHEMA \"a;b\" IS 'O''Brien';" }, { create: 'CREATE SCHEMA IF NOT EXISTS c;' }],
    };
    const rendered = renderTemplate('postgres', 'schemas.sql', data);
    expect(rendered).toBe(direct(data));
    expect(rendered).toContain("IS 'O''Brien';\nCREATE SCHEMA IF NOT EXISTS c;");
    expect(() => renderTemplate('postgres', 'schemas.sql', { extensions: [], schemas: [{ comment: 'x' }] })).toThrow(/"create" not defined/);
    expect(() => renderTemplate('postgres', 'no-such-template', {})).toThrow(/no template postgres\/no-such-template/);
  });
});
