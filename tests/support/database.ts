/**
 * A fresh PostgreSQL database per test file. Order of preference: LAKEGEN_TEST_DATABASE_URL (a real server;
 * CI sets it), testcontainers when Docker answers, PGlite otherwise, so `npm test` passes on any machine.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export interface QueryResult<Row = Record<string, unknown>> {
  rows: Row[];
  rowCount: number;
}

export interface TestSession {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface TestDatabase extends TestSession {
  readonly engine: 'server' | 'pglite';
  /** Connection URL of the fresh database; undefined on PGlite. */
  readonly url?: string;
  /** A second, independent connection (servers only: PGlite is single-connection). */
  session(): Promise<TestSession>;
  /** Drops the database and closes every connection. */
  drop(): Promise<void>;
}

let containerUrl: Promise<string | undefined> | undefined;

async function serverUrl(): Promise<string | undefined> {
  const fromEnv = process.env.LAKEGEN_TEST_DATABASE_URL;
  if (fromEnv) return fromEnv;
  if (process.env.LAKEGEN_TEST_NO_DOCKER) return undefined;
  containerUrl ??= startContainer();
  return containerUrl;
}

async function startContainer(): Promise<string | undefined> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch {
    return undefined; // no Docker here: PGlite it is
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:15').start();
  return container.getConnectionUri();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function serverSession(url: string): Promise<TestSession> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on('error', () => {});
  return {
    async query(sql, params) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    async exec(sql) {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}

export async function freshDatabase(label = 'test'): Promise<TestDatabase> {
  const admin = await serverUrl();
  if (admin) return freshServerDatabase(admin, label);
  return freshPgliteDatabase();
}

async function freshServerDatabase(adminUrl: string, label: string): Promise<TestDatabase> {
  const name = `lg_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: adminUrl });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE "${name}"`);
  await adminClient.end();
  const url = withDatabase(adminUrl, name);
  const main = await serverSession(url);
  const sessions: TestSession[] = [];
  return {
    engine: 'server',
    url,
    query: main.query,
    exec: main.exec,
    close: main.close,
    async session() {
      const session = await serverSession(url);
      sessions.push(session);
      return session;
    },
    async drop() {
      await Promise.allSettled([main.close(), ...sessions.map((s) => s.close())]);
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function freshPgliteDatabase(): Promise<TestDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  const session: TestSession = {
    async query(sql, params) {
      const result = await db.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as never[], rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql) {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
  return {
    engine: 'pglite',
    ...session,
    async session() {
      throw new Error('PGlite has a single connection: this test needs a real server');
    },
    drop: () => db.close(),
  };
}
