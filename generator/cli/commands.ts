import type { CAC } from 'cac';
import type { CliIo } from './io.js';

type SetResult = (result: Promise<number> | number) => void;

/**
 * One entry per command here; each command's work lives in its own file, imported only when that command
 * runs: `validate` in a pre-commit hook must not pay for loading the TypeScript compiler or handlebars.
 */
export function registerCommands(cli: CAC, io: CliIo, setResult: SetResult): void {
  cli
    .command('validate [...paths]', 'Check definitions: structure and conventions')
    .option('--format <format>', 'pretty | json | github', { default: 'pretty' })
    .example('lakegen validate')
    .example('lakegen validate definitions/demo/tables/trading/trade.yaml')
    .action((paths: string[], options) => setResult(import('./validate.js').then((m) => m.validateCommand(paths, options, io))));

  cli
    .command('compile [path]', 'Generate every target into generated/ (deterministic, atomic)')
    .option('--check', 'Write nothing; exit 1 when generated/ is stale')
    .option('--watch', 'Recompile when definitions change; keeps running after errors')
    .option('--target <target>', 'postgres | snowflake | databricks | typescript | docs (repeat or comma-separate)')
    .option('--out <dir>', 'Output folder (default: generated/ or the config\'s output)')
    .option('--format <format>', 'Diagnostics: pretty | json | github', { default: 'pretty' })
    .example('lakegen compile')
    .example('lakegen compile --check')
    .example('lakegen compile --target postgres --out build/sql')
    .action((path: string | undefined, options) => setResult(import('./compile.js').then((m) => m.compileCommand(path, options, io))));

  cli
    .command('apply [path]', 'Build the databases: PostgreSQL at --url / DATABASE_URL, else embedded PGlite')
    .option('--url <url>', 'postgres://user:password@host:port/maintenance-db (default: DATABASE_URL)')
    .option('--database <name>', 'Only this database (repeat for several)')
    .option('--only <step>', 'databases | schemas | tables | temporal | views | data (repeat or comma-separate)')
    .option('--dry-run', 'Print the SQL that would run; change nothing')
    .option('--embedded', 'Use the embedded PGlite under .lakegen/pglite/ even when DATABASE_URL is set')
    .option('--reset', 'With the embedded database: start it over')
    .option('--format <format>', 'pretty | json', { default: 'pretty' })
    .example('lakegen apply')
    .example('lakegen apply --url postgres://postgres@localhost:5432/postgres')
    .example('lakegen apply --only data --dry-run')
    .action((path: string | undefined, options) => setResult(import('./apply.js').then((m) => m.applyCommand(path, options, io))));

  cli
    .command('convert [path]', 'Rewrite definitions from YAML to TypeScript or back, keeping comments')
    .option('--to <spelling>', 'ts | yaml')
    .example('lakegen convert --to ts definitions/demo/tables/trading')
    .action((path: string | undefined, options) => setResult(import('./convert.js').then((m) => m.convertCommand(path, options, io))));

  cli
    .command('init [dir]', 'Create a project: config, example definitions, docker-compose, pre-commit')
    .example('lakegen init my-lakehouse')
    .action((dir: string | undefined) => setResult(import('./init.js').then((m) => m.initCommand(dir, io))));

  cli
    .command('rules', 'List every convention rule with its code and default severity')
    .option('--format <format>', 'markdown | json', { default: 'markdown' })
    .action((options) => setResult(import('./rules.js').then((m) => m.rulesCommand(options, io))));
}
