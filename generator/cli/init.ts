/**
 * `lakegen init [dir]`: a new project with one table of each kind, a config, docker-compose for PostgreSQL 15
 * and a pre-commit config. Never overwrites: if any file exists, nothing is written (exit 1, names them);
 * .gitignore is the exception — missing entries are appended.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { toSnakeCase } from '../check/naming.js';
import { MAX_IDENTIFIER_BYTES } from '../model/naming.js';
import { renderTemplate } from '../targets/shared/render-template.js';
import { writeAtomically } from '../write/output-folder.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './io.js';

const GITIGNORE_ENTRIES = ['node_modules/', '.lakegen/'];

export function initCommand(dir: string | undefined, io: CliIo): number {
  const root = resolve(io.cwd, dir ?? '.');
  const database = databaseNameFor(basename(root));
  const base = `definitions/${database}`;
  const files: Record<string, string> = {
    'lakegen.config.yaml': 'lakegen.config.yaml',
    'docker-compose.yml': 'docker-compose.yml',
    '.pre-commit-config.yaml': 'pre-commit-config.yaml',
    [`${base}/database.yaml`]: 'database.yaml',
    [`${base}/schemas/common.yaml`]: 'schema-common.yaml',
    [`${base}/schemas/sales.yaml`]: 'schema-sales.yaml',
    [`${base}/tables/common/status_type.yaml`]: 'table-status-type.yaml',
    [`${base}/tables/sales/purchase.yaml`]: 'table-purchase.yaml',
    [`${base}/tables/sales/customer_hist.yaml`]: 'table-customer-hist.yaml',
  };
  const existing = Object.keys(files).filter((path) => existsSync(join(root, path)));
  if (existing.length > 0) {
    io.stderr(`init: refusing to overwrite existing files; nothing written:\n${existing.map((p) => `  ${p}\n`).join('')}`);
    return EXIT_FAILURE;
  }
  mkdirSync(root, { recursive: true });
  for (const [path, template] of Object.entries(files)) writeAtomically(join(root, path), renderTemplate('init', template, { database }));
  appendGitignore(join(root, '.gitignore'));
  const shown = relative(io.cwd, root) || '.';
  io.stdout([
    `created a lakegen project in ${shown} (database ${database}: one reference, one transactional, one temporal table)`,
    'next:',
    ...(shown === '.' ? [] : [`  cd ${shown}`]),
    '  npx lakegen validate',
    '  npx lakegen compile',
    '  npx lakegen apply            # embedded PostgreSQL; or --url postgres://… (docker compose up -d)',
    '',
  ].join('\n'));
  return EXIT_OK;
}

function appendGitignore(path: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const lines = new Set(current.split(/\r?\n/).map((l) => l.trim()));
  const missing = GITIGNORE_ENTRIES.filter((entry) => !lines.has(entry));
  if (missing.length === 0) return;
  writeFileSync(path, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`);
}

/** The folder's name as a database name that passes the naming rules: snake_case, at most 63 bytes. */
function databaseNameFor(folder: string): string {
  const name = toSnakeCase(folder).slice(0, MAX_IDENTIFIER_BYTES).replace(/_+$/, '');
  return /^[a-z][a-z0-9_]*$/.test(name) && name !== 't' ? name : 'app';
}
