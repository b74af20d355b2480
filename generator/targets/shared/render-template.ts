/**
 * Templates hold layout only: they receive render-ready strings (already quoted, typed and ordered by the
 * target) and never decide anything. `noEscape` because the output is SQL or code, not HTML; `strict` so a
 * misspelled field in a template fails loudly instead of rendering an empty string.
 */
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../util/package-root.js';

const compiled = new Map<string, Handlebars.TemplateDelegate>();
const engine = Handlebars.create();

export function renderTemplate(target: string, name: string, data: object): string {
  const key = `${target}/${name}`;
  let template = compiled.get(key);
  if (!template) {
    const source = readFileSync(join(packageRoot(), 'templates', target, `${name}.hbs`), 'utf8');
    template = engine.compile(source, { noEscape: true, strict: true });
    compiled.set(key, template);
  }
  return template(data);
}
