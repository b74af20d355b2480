/**
 * The embedded default: one PGlite data folder per database under .lakegen/pglite/<database>/, so that
 * `lakegen apply` works on a machine without a server. PGlite is single-process: a lock file keeps two applies
 * from opening one folder at once (the second waits, as on a server it would wait for the advisory lock).
 */
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Extensions, PGlite } from '@electric-sql/pglite';
import type { DatabaseHost, DatabaseSession } from './connection.js';

const LOCK_WAIT_MS = 120_000;

export function embeddedFolder(root: string): string {
  return join(root, '.lakegen', 'pglite');
}

export interface EmbeddedOptions {
  readonly reset?: boolean;
  readonly databases?: readonly string[];
  /** The extensions each database's definitions ask for: PGlite loads an extension only when opened with it. */
  readonly extensions?: ReadonlyMap<string, readonly string[]>;
}

export async function embeddedHost(root: string, options: EmbeddedOptions = {}): Promise<DatabaseHost> {
  const folder = embeddedFolder(root);
  if (options.reset) {
    for (const database of options.databases ?? []) rmSync(join(folder, database), { recursive: true, force: true });
  }
  mkdirSync(folder, { recursive: true });
  const releases: (() => void)[] = [];
  return {
    kind: 'embedded',
    label: `embedded PGlite in ${folder}`,
    databaseLabel: (database) => `embedded PGlite ${join(folder, database)}`,
    databaseExists: async (database) => existsSync(join(folder, database, 'PG_VERSION')),
    createDatabase: async () => true, // the folder is the database; PGlite creates it on first open
    async dropDatabase(database) {
      rmSync(join(folder, database), { recursive: true, force: true });
    },
    async connect(database) {
      releases.push(await acquireLock(join(folder, `${database}.lock`)));
      return pgliteSession(join(folder, database), options.extensions?.get(database) ?? []);
    },
    async close() {
      for (const release of releases.splice(0)) release();
    },
  };
}

async function pgliteSession(dataDir: string, extensions: readonly string[]): Promise<DatabaseSession> {
  // require, not import(): the CLI runs as a classic script (see cli/launch.ts), where import() is unavailable
  const require = createRequire(import.meta.url);
  const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
  const db: PGlite = await PGlite.create({ dataDir, extensions: contribExtensions(require, extensions) });
  return {
    async query(sql, params) {
      const result = await db.query<Record<string, unknown>>(sql, params);
      return { rows: result.rows };
    },
    async exec(sql) {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

/**
 * PGlite's contrib extensions (btree_gist, pg_trgm, uuid-ossp, …) by SQL name. One PGlite does not ship is
 * left out: CREATE EXTENSION then fails inside apply's transaction with the server's own message.
 */
function contribExtensions(require: NodeJS.Require, names: readonly string[]): Extensions {
  const loaded: Extensions = {};
  for (const name of names) {
    const module = name.replace(/-/g, '_');
    if (!/^[a-z0-9_]+$/.test(module)) continue; // never a path
    try {
      loaded[module] = (require(`@electric-sql/pglite/contrib/${module}`) as Extensions)[module];
    } catch {
      // not shipped with PGlite
    }
  }
  return loaded;
}

async function acquireLock(path: string): Promise<() => void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!lockHolderAlive(path)) {
        rmSync(path, { force: true }); // left by a killed apply
        continue;
      }
      if (Date.now() > deadline) throw new Error(`embedded database is locked by another lakegen process (${path})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function lockHolderAlive(path: string): boolean {
  try {
    const pid = Number(readFileSync(path, 'utf8'));
    if (!pid) return true; // being written right now
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
