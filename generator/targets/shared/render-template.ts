/**
 * Templates hold layout only: they receive render-ready strings (already quoted, typed and ordered by the
 * target) and never decide anything. They are precompiled (templates.generated.ts, see template-source.ts),
 * so only the Handlebars runtime is loaded here.
 */
import type { TemplateDelegate } from 'handlebars';
// imported, not required: the CLI bundle then carries the runtime, compiled once into its code cache
import HandlebarsRuntime from 'handlebars/runtime.js';
import { TEMPLATE_SPECS } from './templates.generated.js';

type Runtime = { create(): { template(spec: unknown): TemplateDelegate } };
const engine = (HandlebarsRuntime as unknown as Runtime).create();
const specs = TEMPLATE_SPECS as Record<string, unknown>;
const loaded = new Map<string, TemplateDelegate>();

export function renderTemplate(target: string, name: string, data: object): string {
  const key = `${target}/${name}`;
  let template = loaded.get(key);
  if (!template) {
    const spec = specs[key];
    if (spec === undefined) throw new Error(`no template ${key}.hbs (run npm run golden:update after adding one)`);
    template = engine.template(spec);
    loaded.set(key, template);
  }
  return template(data);
}
