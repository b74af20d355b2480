/** The README's rule list is generated from the registry; LAKEGEN_UPDATE_GOLDEN=1 rewrites it. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../generator/cli/rules.js';
import { REPO_ROOT } from './support/binary.js';

const README = join(REPO_ROOT, 'README.md');
const START = '<!-- rules:start -->\n';
const END = '<!-- rules:end -->';

describe('README', () => {
  it('lists every rule of the registry', () => {
    const text = readFileSync(README, 'utf8');
    const expected = text.replace(new RegExp(`${START}[\\s\\S]*?${END}`), `${START}${rulesMarkdown()}${END}`);
    if (process.env.LAKEGEN_UPDATE_GOLDEN) writeFileSync(README, expected);
    expect(text).toBe(expected);
  });

  it('keeps the two set-up commands: the main job on the embedded default, and the test suite', () => {
    const text = readFileSync(README, 'utf8');
    expect(text).toContain('npm ci && npx lakegen apply');
    expect(text).toContain('npm ci && npm test');
  });
});
