/** `lakegen rules`: the rule registry, as a table or as JSON. */
import { ALL_RULES } from '../check/registry.js';
import { EXIT_OK, UsageError, type CliIo } from './io.js';

export function rulesCommand(options: { format?: string }, io: CliIo): number {
  if (options.format !== undefined && options.format !== 'json' && options.format !== 'markdown') {
    throw new UsageError(`--format must be one of markdown, json, not \`${options.format}\``);
  }
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(ALL_RULES, null, 2)}\n`);
    return EXIT_OK;
  }
  io.stdout(rulesMarkdown());
  return EXIT_OK;
}

/** The README's rule list is this table (tests/readme.test.ts keeps the README in step). */
export function rulesMarkdown(): string {
  const rows = ALL_RULES.map((r) => `| ${r.code} | \`${r.name}\` | ${r.severity} | ${r.description} |`);
  return ['| code | rule | default | what it checks |', '|---|---|---|---|', ...rows, ''].join('\n');
}
