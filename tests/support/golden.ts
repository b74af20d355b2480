/**
 * Golden files: generated output is compared byte for byte with files committed beside the test.
 * Regenerate after an intended change with `npm run golden:update` (LAKEGEN_UPDATE_GOLDEN=1).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { analyzeProject } from '../../generator/project/analyze.js';
import { compileCatalog } from '../../generator/compile/compile-project.js';
import type { TargetName } from '../../generator/project/config.js';
import type { GeneratedFile } from '../../generator/targets/target.js';
import { REPO_ROOT } from './binary.js';

export const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'projects');
export const FIXTURE_NAMES = ['kinds', 'cycle', 'composite_key', 'quoting'] as const;

/** Where a fixture's golden files live: generated/ for the example project, beside the test otherwise. */
export function goldenFolder(testDir: string, fixture: string): string {
  return fixture === 'definitions' ? join(REPO_ROOT, 'generated') : join(testDir, 'golden', fixture);
}

/** The example project and every focused fixture, compiled for the given targets. */
export async function compileFixture(fixture: string, targets: readonly TargetName[]): Promise<GeneratedFile[]> {
  const root = fixture === 'definitions' ? REPO_ROOT : join(FIXTURES, fixture);
  const project = await analyzeProject({ root }, root);
  expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const result = await compileCatalog(project.catalog, targets, project.config);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.files;
}

/**
 * Compares files with the golden folder; with LAKEGEN_UPDATE_GOLDEN set, rewrites it instead. For the example
 * project the golden folder is generated/ itself: `prefix` (e.g. `postgres/`) limits the comparison to one
 * target's part of it.
 */
export function expectGolden(goldenDir: string, files: readonly GeneratedFile[], prefix = ''): void {
  if (process.env.LAKEGEN_UPDATE_GOLDEN) {
    rmSync(join(goldenDir, prefix), { recursive: true, force: true });
    for (const file of files) {
      mkdirSync(dirname(join(goldenDir, file.path)), { recursive: true });
      writeFileSync(join(goldenDir, file.path), file.contents);
    }
    return;
  }
  const expected = listFiles(join(goldenDir, prefix)).map((path) => relative(goldenDir, path)).sort();
  expect(files.map((f) => f.path).sort(), `files under ${relative(REPO_ROOT, goldenDir)}`).toEqual(expected);
  for (const file of files) {
    expect(file.contents, file.path).toBe(readFileSync(join(goldenDir, file.path), 'utf8'));
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}
