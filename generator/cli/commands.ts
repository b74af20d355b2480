import type { CAC } from 'cac';
import type { CliIo } from './io.js';
import { rulesCommand } from './rules.js';
import { validateCommand } from './validate.js';

type SetResult = (result: Promise<number> | number) => void;

/** One line per command here; each command's work lives in its own file. */
export function registerCommands(cli: CAC, io: CliIo, setResult: SetResult): void {
  cli
    .command('validate [...paths]', 'Check definitions: structure and conventions')
    .option('--format <format>', 'pretty | json | github', { default: 'pretty' })
    .example('lakegen validate')
    .example('lakegen validate definitions/demo/tables/trading/trade.yaml')
    .action((paths: string[], options) => setResult(validateCommand(paths, options, io)));

  cli
    .command('rules', 'List every convention rule with its code and default severity')
    .option('--format <format>', 'markdown | json', { default: 'markdown' })
    .action((options) => setResult(rulesCommand(options, io)));
}
