import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../generator/dsl/validator-source.js';
import { REPO_ROOT } from '../support/binary.js';

describe('precompiled DSL validators', () => {
  it('are what ajv compiles from dsl.schema.json (npm run golden:update regenerates them)', () => {
    const path = join(REPO_ROOT, 'generator', 'dsl', 'dsl-validators.generated.ts');
    const expected = validatorSource();
    if (process.env.LAKEGEN_UPDATE_GOLDEN) writeFileSync(path, expected);
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });
});
