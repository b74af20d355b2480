/** definitions/ converted to TypeScript compiles to byte-identical output, for every target. */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/binary.js';
import { copyToTemp, readTree, removeTempProjects, runCli } from '../support/project.js';

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
