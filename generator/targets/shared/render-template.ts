/**
 * Templates hold layout only: they receive render-ready strings (already quoted, typed and ordered by the
 * target) and never decide anything. They are precompiled (templates.generated.ts, see template-source.ts),
 * so only the Handlebars runtime is loaded here.
 */
import type { TemplateDelegate } from 'handlebars';
// imported, not required: the CLI bundle then carries the runtime, compiled once into its code cache
import HandlebarsRuntime from 'handlebars/runtime.js';
import { TEMPLATE_SPECS } from './templates.generated.js';

type BlockOptions = { fn(item: unknown): string };
type Runtime = {
  create(): {
    template(spec: unknown): TemplateDelegate;
    registerHelper(name: string, helper: (items: readonly unknown[], separator: string, options: BlockOptions) => string): void;
  };
};
const engine = (HandlebarsRuntime as unknown as Runtime).create();

/** `{{#join list ", "}}…{{/join}}`: the items, separated. */
engine.registerHelper('join', (items, separator, options) => items.map((item) => options.fn(item)).join(separator));

/**
 * A block on lines of its own, one line per item, the separator ending every line but the last:
 *   {{#lines columns ","}}
 *     {{this}}
 *   {{/lines}}
 */
engine.registerHelper('lines', (items, separator, options) => {
  if (items.length === 0) return '';
  return `${items.map((item) => options.fn(item).replace(/\n$/, '')).join(`${separator}\n`)}\n`;
});
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
