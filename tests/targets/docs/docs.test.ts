import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entityName } from '../../../generator/targets/docs/mermaid.js';
import { catalogOf } from '../../support/apply-plan.js';
import { compileCatalog } from '../../../generator/compile/compile-project.js';
import { analyzeProject } from '../../../generator/project/analyze.js';
import { removeTempProjects, writeProject } from '../../support/project.js';
import { REPO_ROOT } from '../../support/binary.js';
import { compileFixture, expectGolden, FIXTURE_NAMES, goldenFolder } from '../../support/golden.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Lines of Mermaid's erDiagram grammar (https://mermaid.js.org/syntax/entityRelationshipDiagram.html). */
const ENTITY_OPEN = /^ {4}[A-Za-z_][A-Za-z0-9_]* \{$/;
const ATTRIBUTE = /^ {8}[A-Za-z][A-Za-z0-9_]* [A-Za-z_][A-Za-z0-9_]*( (PK|FK|UK)(, (PK|FK|UK))*)?$/;
const ENTITY_CLOSE = /^ {4}\}$/;
const RELATIONSHIP = /^ {4}[A-Za-z_][A-Za-z0-9_]* (\|o|\|\||\}o|\}\|)(--|\.\.)(o\||\|\||o\{|\|\{) [A-Za-z_][A-Za-z0-9_]* : "[^"]*"$/;

function mermaidBlocks(markdown: string): string[][] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1].trimEnd().split('\n'));
}

describe('docs target', () => {
  it('a check or default with pipes and backslashes reads as written: only the pipe is escaped inside code', async () => {
    const root = writeProject({
      'definitions/d/database.yaml': 'name: d\n',
      'definitions/d/schemas/s.yaml': 'name: s\n',
      'definitions/d/tables/s/thing.yaml': `name: thing
kind: transactional
columns:
  thing_id: uuid
  note: { type: text, check: "note ~ '^(a|b)\\\\d$'", description: 'a | b \\ c' }
primary_key: [thing_id]
`,
    });
    const project = await analyzeProject({ root }, root);
    const { files } = await compileCatalog(project.catalog, ['docs'], project.config);
    const line = files[0].contents.split('\n').find((l) => l.startsWith('| `note`'))!;
    expect(line).toContain("| a \\| b \\\\ c check: `note ~ '^(a\\|b)\\d$'` |");
    removeTempProjects();
  });

  it.each(['definitions', ...FIXTURE_NAMES])('golden files: %s', async (fixture) => {
    expectGolden(goldenFolder(here, fixture), await compileFixture(fixture, ['docs']), fixture === 'definitions' ? 'docs/' : '');
  });

  it('draws well-formed Mermaid naming every table and every reference of the example', async () => {
    const [file] = await compileFixture('definitions', ['docs']);
    const blocks = mermaidBlocks(file.contents);
    expect(blocks.length).toBeGreaterThan(0);
    const entities = new Set<string>();
    const relationships: string[] = [];
    for (const lines of blocks) {
      expect(lines[0]).toBe('erDiagram');
      let inEntity = false;
      for (const line of lines.slice(1)) {
        if (inEntity) {
          if (ENTITY_CLOSE.test(line)) inEntity = false;
          else expect(line).toMatch(ATTRIBUTE);
        } else if (ENTITY_OPEN.test(line)) {
          inEntity = true;
          entities.add(line.trim().split(' ')[0]);
        } else {
          expect(line).toMatch(RELATIONSHIP);
          relationships.push(line.trim());
        }
      }
      expect(inEntity).toBe(false);
    }
    const catalog = await catalogOf(REPO_ROOT);
    for (const table of catalog.databases[0].schemas.flatMap((s) => s.tables)) {
      expect(entities.has(entityName(table)), table.name).toBe(true);
      for (const column of table.columns.filter((c) => c.references)) {
        const target = entityName({ schema: column.references!.schema, name: column.references!.table });
        expect(relationships.some((r) => r.startsWith(`${entityName(table)} `) && r.includes(` ${target} : "${column.name}`)), `${table.name}.${column.name}`).toBe(true);
      }
    }
  });

  it('splits the diagram per schema when a database is large', async () => {
    const { writeProject, removeTempProjects } = await import('../../support/project.js');
    const files: Record<string, string> = { 'definitions/big/database.yaml': 'name: big\n' };
    for (const schema of ['a', 'b']) {
      files[`definitions/big/schemas/${schema}.yaml`] = `name: ${schema}\n`;
      for (let i = 0; i < 25; i++) {
        files[`definitions/big/tables/${schema}/t${i}.yaml`] = `name: t${i}\nkind: transactional\ncolumns:\n  t${i}_id: uuid\n`;
      }
    }
    const root = writeProject(files);
    const { analyzeProject } = await import('../../../generator/project/analyze.js');
    const { docsTarget } = await import('../../../generator/targets/docs/index.js');
    const project = await analyzeProject({ root }, root);
    const [doc] = docsTarget.generate(project.catalog, { config: project.config }).files;
    const blocks = mermaidBlocks(doc.contents);
    expect(blocks).toHaveLength(2);
    expect(blocks.every((b) => b.filter((l) => ENTITY_OPEN.test(l)).length === 25)).toBe(true);
    removeTempProjects();
  });
});
