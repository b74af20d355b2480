/**
 * compile as real processes: two started together into a fresh output folder both succeed and leave the
 * same files a single compile writes, with nothing temporary left behind.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBinary, startBinary } from '../support/binary.js';
import { readTree, removeTempProjects, writeProject } from '../support/project.js';

afterAll(removeTempProjects);

describe('concurrent compiles', () => {
  it('two compiles into one fresh folder both succeed and write what one compile writes', async () => {
    // a few hundred tables, so that both are writing the new target folder at the same time
    const root = writeProject({});
    const { writeSyntheticProject } = await import('../../bench/synthetic-project.mjs' as string) as { writeSyntheticProject: (dir: string, options: { tables: number; format: string }) => void };
    writeSyntheticProject(root, { tables: 300, format: 'yaml' });
    const args = (out: string) => ['compile', '--target', 'postgres,docs', '--out', join(root, out), '.'];
    expect(runBinary(args('single'), root).code).toBe(0);

    const expected = readTree(join(root, 'single'));
    // a few rounds: the two must overlap in the moment the new folder is renamed into place
    for (const round of ['a', 'b', 'c', 'd']) {
      const out = `shared-${round}`;
      const results = await Promise.all([startBinary(args(out), root).done, startBinary(args(out), root).done]);
      for (const result of results) {
        expect(result.stderr).not.toMatch(/internal error/);
        expect(result.code).toBe(0);
      }
      expect(readTree(join(root, out))).toEqual(expected);
      expect(readdirSync(join(root, out), { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('lakegen-tmp'))).toEqual([]);
    }
  });
});
