/**
 * The templates of templates/, precompiled by Handlebars into one module: a run then loads only the small
 * Handlebars runtime and never parses a template (about 40 ms of every compile). The module is committed;
 * tests/targets/template-source.test.ts fails when it no longer matches templates/ (npm run golden:update
 * regenerates it).
 */
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../util/package-root.js';

/**
 * Compile options: output is SQL or code, not HTML; a misspelled field must fail instead of rendering ''.
 * No data frames (`@index`, `@last`): Handlebars builds one per block and per `each`, which was most of a
 * warehouse target's time; lists with separators use the `join` and `lines` helpers (render-template.ts).
 */
export const TEMPLATE_OPTIONS = {
  noEscape: true, strict: true, data: false, knownHelpers: { join: true, lines: true },
} as const;

export function templateModuleSource(): string {
  const root = join(packageRoot(), 'templates');
  const entries = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.hbs'))
    .map((path) => path.split('\\').join('/'))
    .sort();
  const specs = entries.map((path) => {
    const key = path.replace(/\.hbs$/, '');
    return `  ${JSON.stringify(key)}: ${Handlebars.precompile(readFileSync(join(root, path), 'utf8'), TEMPLATE_OPTIONS)},`;
  });
  return [
    '// @ts-nocheck',
    '// generated from templates/ by generator/targets/shared/template-source.ts — do not edit',
    'export const TEMPLATE_SPECS = {',
    ...specs,
    '};',
    '',
  ].join('\n');
}
