/**
 * The generated client compiles with `tsc --strict --noEmit` (and with the stricter flags applications
 * add), for the example project and every fixture. For the example, an application file that uses the
 * client and Kysely compiles, and each misuse marked `@ts-expect-error` in it is an error: the file
 * compiles as written, and with any one marker removed it fails on exactly that line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCatalog } from '../../../generator/compile/compile-project.js';
import { analyzeProject } from '../../../generator/project/analyze.js';
import { compileFixture, FIXTURE_NAMES } from '../../support/golden.js';
import { removeTempProjects, writeProject } from '../../support/project.js';
import { compile, removeOutput, STRICT, STRICTEST, writeOutput } from './output.js';

const here = dirname(fileURLToPath(import.meta.url));
const USAGE = readFileSync(join(here, 'fixtures', 'demo-usage.ts'), 'utf8');

afterAll(() => {
  removeOutput();
  removeTempProjects();
});

async function generated(fixture: string, extra: Record<string, string> = {}) {
  const files = await compileFixture(fixture, ['typescript']);
  const folder = writeOutput(`typecheck-${fixture}`, files, extra);
  return { folder, roots: [...files.map((f) => join(folder, f.path)), ...Object.keys(extra).map((p) => join(folder, p))] };
}

describe('generated TypeScript compiles', () => {
  it.each(['definitions', ...FIXTURE_NAMES])('%s, with --strict and with the strictest flags', async (fixture) => {
    const { roots } = await generated(fixture);
    expect(compile(roots, STRICT).errors).toEqual([]);
    expect(compile(roots, STRICTEST).errors).toEqual([]);
  });
});

describe('names the client module itself uses', () => {
  it('a schema named like createClient\'s parameter (`db`) still gives a client that compiles', async () => {
    const root = writeProject({
      'definitions/app/database.yaml': 'name: app\n',
      'definitions/app/schemas/db.yaml': 'name: db\n',
      'definitions/app/tables/db/thing.yaml': 'name: thing\nkind: transactional\ncolumns:\n  thing_id: uuid\n  label: text\n',
    });
    const project = await analyzeProject({ root }, root);
    expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { files } = await compileCatalog(project.catalog, ['typescript'], project.config);
    const folder = writeOutput('typecheck-db-schema', files);
    expect(compile(files.map((f) => join(folder, f.path)), STRICT).errors).toEqual([]);
  });
});

describe('an application using the client of definitions/', () => {
  it('compiles, with the misuses marked @ts-expect-error', async () => {
    const { roots } = await generated('definitions', { 'usage.ts': USAGE });
    expect(compile(roots, STRICT).errors).toEqual([]);
    expect(compile(roots, STRICTEST).errors).toEqual([]);
  });

  it('fails on each marked line once its marker is removed', { timeout: 180_000 }, async () => {
    const markers = USAGE.split('\n').flatMap((line, index) => (/^\s*\/\/ @ts-expect-error/.test(line) ? [index] : []));
    expect(markers.length).toBeGreaterThanOrEqual(15);
    const { folder, roots } = await generated('definitions', { 'usage.ts': USAGE });
    const usage = join(folder, 'usage.ts');
    let program: ts.Program | undefined;
    for (const marker of markers) {
      const lines = USAGE.split('\n');
      const reason = lines[marker].replace(/^.*@ts-expect-error\s*/, '');
      lines[marker] = ''; // blank rather than removed: the line numbers stay
      writeFileSync(usage, lines.join('\n'));
      const result = compile(roots, STRICT, usage, program);
      program = result.program;
      const errorLines = [...new Set(result.errors.map((e) => e.line))];
      expect(errorLines, `without the marker: ${reason}`).toEqual([marker + 2]);
    }
  });
});
