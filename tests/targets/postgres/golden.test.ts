import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { compileFixture, expectGolden, FIXTURE_NAMES, goldenFolder } from '../../support/golden.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('postgres target golden files', () => {
  it.each(['definitions', ...FIXTURE_NAMES])('%s', async (fixture) => {
    const files = await compileFixture(fixture, ['postgres']);
    expectGolden(goldenFolder(here, fixture), files, fixture === 'definitions' ? 'postgres/' : '');
  });
});
