/**
 * `lakegen apply`: definitions → a live PostgreSQL (or the embedded PGlite when no server is named).
 * Exit codes: 0 applied or up to date; 1 invalid definitions, drift, SQL failure; 2 usage or connection errors.
 */
import { relative } from 'node:path';
import type { DatabaseReport, StepReport } from '../apply/apply-database.js';
import { DriftFailure, StatementFailure, ValidationFailure } from '../apply/apply-errors.js';
import { ConnectionError, maskPassword, type DatabaseHost } from '../apply/connection.js';
import { APPLY_ONLY_STEPS, type ApplyOnlyStep } from '../apply/steps.js';
import { formatDiagnostics } from '../diagnostics/format.js';
import type { DatabasePlan } from '../targets/postgres/plan.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, useColor, type CliIo } from './io.js';
import { createProgress } from './progress.js';
import { analyzeFromArgument } from './project-argument.js';

export interface ApplyOptions {
  readonly url?: string;
  readonly database?: string | string[];
  readonly only?: string | string[];
  readonly dryRun?: boolean;
  readonly format?: string;
  readonly embedded?: boolean;
  readonly reset?: boolean;
}

export async function applyCommand(path: string | undefined, options: ApplyOptions, io: CliIo): Promise<number> {
  const format = options.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'json') throw new UsageError(`--format must be pretty or json, not \`${format}\``);
  const only = parseOnly(options.only);
  const project = await analyzeFromArgument(path, io);
  if (!project.ok) {
    io.stderr(formatDiagnostics(project.diagnostics, 'pretty', { color: useColor(io), fileCount: project.files.length }));
    io.stderr('apply: definitions have errors; nothing applied\n');
    return EXIT_FAILURE;
  }
  const { planDatabase } = await import('../targets/postgres/plan.js');
  const plans = selectDatabases(project.catalog.databases.map(planDatabase), options.database);
  const url = options.embedded ? undefined : options.url ?? io.env.DATABASE_URL ?? project.config.apply.url;
  if (options.reset && url) throw new UsageError('--reset starts the embedded database over; it cannot be used with a server URL');
  // pg reads anything as a connection string (`notaurl` became the host `base`): say what is wrong instead
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new UsageError(`the server URL must start with postgres:// or postgresql:// (got \`${maskPassword(url)}\`)`);
  }

  if (options.dryRun) {
    // with --format json: the SQL per database, for a tool to show or run
    io.stdout(format === 'json'
      ? `${JSON.stringify({ dryRun: true, databases: plans.map((plan) => ({ database: plan.database.name, sql: dryRunSql([plan], only) })) }, null, 2)}\n`
      : dryRunSql(plans, only));
    return EXIT_OK;
  }
  let host: DatabaseHost;
  try {
    host = url
      ? await (await import('../apply/server-host.js')).serverHost(url)
      : await (await import('../apply/embedded-host.js')).embeddedHost(project.root, {
        reset: options.reset,
        databases: plans.map((p) => p.database.name),
        extensions: new Map(plans.map((p) => [p.database.name, p.database.extensions])),
      });
  } catch (error) {
    if (error instanceof ConnectionError) {
      io.stderr(`lakegen: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const { applyDatabase } = await import('../apply/apply-database.js');
  const reports: DatabaseReport[] = [];
  const progress = createProgress(io);
  let current: string | undefined;
  try {
    for (const plan of plans) {
      current = plan.database.name;
      if (format === 'pretty') io.stdout(`apply ${plan.database.name} → ${displayLocation(host.databaseLabel(plan.database.name), io.cwd)}\n`);
      const report = await applyDatabase(host, plan, {
        only,
        onStep: format === 'pretty' ? (step) => {
          progress.done();
          io.stdout(`  ${step.step.padEnd(10)} ${describeStep(step)}\n`);
        } : undefined,
        onEntry: (done, total, object) => progress.update(`  applying ${done}/${total}: ${object}`),
      });
      reports.push(report);
      if (format === 'pretty') {
        io.stdout(`  ${'validate'.padEnd(10)} ${report.validated}\n`);
        for (const warning of report.warnings) io.stderr(`  note: ${warning}\n`);
        io.stdout(`${plan.database.name}: ${report.upToDate ? 'up to date' : 'applied'} in ${Math.round(report.elapsedMs)} ms\n`);
      }
    }
  } catch (error) {
    progress.done();
    // the databases applied before the failure are committed: a tool reading the JSON must learn of them
    if (format === 'json') {
      const failed = { database: current, error: error instanceof Error ? error.message : String(error), ...failureDetails(error) };
      io.stdout(`${JSON.stringify({ location: host.label, databases: reports, failed }, null, 2)}\n`);
    }
    return reportFailure(error, io);
  } finally {
    await host.close();
  }
  if (format === 'json') io.stdout(`${JSON.stringify({ location: host.label, databases: reports }, null, 2)}\n`);
  return EXIT_OK;
}

function parseOnly(option: string | string[] | undefined): ApplyOnlyStep[] | undefined {
  if (option === undefined) return undefined;
  const steps = (Array.isArray(option) ? option : [option]).flatMap((s) => String(s).split(',')).map((s) => s.trim());
  for (const step of steps) {
    if (!(APPLY_ONLY_STEPS as readonly string[]).includes(step)) {
      throw new UsageError(`--only takes ${APPLY_ONLY_STEPS.join(', ')}; not \`${step}\``);
    }
  }
  return APPLY_ONLY_STEPS.filter((s) => steps.includes(s));
}

function selectDatabases(plans: DatabasePlan[], option: string | string[] | undefined): DatabasePlan[] {
  if (option === undefined) return plans;
  const names = (Array.isArray(option) ? option : [option]).flatMap((s) => String(s).split(','));
  for (const name of names) {
    if (!plans.some((p) => p.database.name === name)) {
      throw new UsageError(`no database \`${name}\` in the definitions (${plans.map((p) => p.database.name).join(', ')})`);
    }
  }
  return plans.filter((p) => names.includes(p.database.name));
}

/** What a tool reading `--format json` needs to act on a failure, as the pretty report gives it on stderr. */
function failureDetails(error: unknown): Record<string, unknown> {
  if (error instanceof StatementFailure) {
    return { kind: 'statement', object: error.object, file: error.file || undefined, sqlstate: error.sqlstate, hint: error.hint, statement: error.statement || undefined };
  }
  if (error instanceof DriftFailure) return { kind: 'drift', drift: error.drift };
  if (error instanceof ValidationFailure) return { kind: 'validation', problems: error.problems };
  return {};
}

function dryRunSql(plans: DatabasePlan[], only: readonly ApplyOnlyStep[] | undefined): string {
  const steps = only ?? APPLY_ONLY_STEPS;
  const parts: string[] = [];
  for (const plan of plans) {
    parts.push(`-- database ${plan.database.name} (dry run: nothing is changed)`);
    if (steps.includes('databases')) parts.push(`-- if it does not exist, outside a transaction:\n${plan.createDatabase};`);
    parts.push('BEGIN;\nSELECT pg_advisory_xact_lock(1818321765, 1734700544);');
    if (steps.includes('schemas')) parts.push(`-- the database's comment\n${plan.currentDatabaseComment}`);
    for (const step of steps) {
      for (const entry of plan.entries.filter((e) => e.step === step)) parts.push(`-- ${entry.object} (${entry.file})\n${entry.sql}`);
    }
    parts.push('COMMIT;');
  }
  return `${parts.join('\n\n')}\n`;
}

function describeStep(step: StepReport): string {
  if (step.rows) {
    const tables = step.created.length + step.updated.length + step.unchanged.length;
    return `${step.rows.inserted} rows inserted, ${step.rows.updated} updated, ${step.rows.deactivated} deactivated (${tables} ${tables === 1 ? 'table' : 'tables'})`;
  }
  const parts = [`${step.created.length} created`];
  if (step.updated.length) parts.push(`${step.updated.length} updated (${step.updated.join(', ')})`);
  parts.push(`${step.unchanged.length} unchanged`);
  const extensions = step.extensionsCreated ? `; extensions created: ${step.extensionsCreated.join(', ')}` : '';
  return parts.join(', ') + extensions;
}

function displayLocation(label: string, cwd: string): string {
  const prefix = 'embedded PGlite ';
  return label.startsWith(prefix) ? `${prefix}${relative(cwd, label.slice(prefix.length)) || '.'}` : label;
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof StatementFailure) {
    io.stderr(`apply failed at ${error.object}${error.file ? ` (${error.file})` : ''}; nothing was changed\n`);
    io.stderr(`  server: ${error.serverMessage}${error.sqlstate ? ` (SQLSTATE ${error.sqlstate})` : ''}\n`);
    if (error.hint) io.stderr(`  hint: ${error.hint}\n`);
    if (error.statement) io.stderr(`  statement:\n${error.statement.split('\n').map((l) => `    ${l}`).join('\n')}\n`);
    return EXIT_FAILURE;
  }
  if (error instanceof DriftFailure) {
    io.stderr('apply stopped: tables in the database differ from their definitions; nothing was changed\n');
    for (const table of error.drift) {
      io.stderr(`  ${table.table}\n${table.differences.map((d) => `    - ${d}\n`).join('')}`);
    }
    io.stderr('  lakegen does not alter existing tables yet: change the definitions back, or migrate the table by hand.\n');
    return EXIT_FAILURE;
  }
  if (error instanceof ValidationFailure) {
    io.stderr(`apply rolled back: after applying, the database does not match the definitions\n${error.problems.map((p) => `  - ${p}\n`).join('')}`);
    return EXIT_FAILURE;
  }
  if (error instanceof ConnectionError) {
    io.stderr(`lakegen: ${error.message}\n`);
    return EXIT_USAGE;
  }
  throw error;
}
