/**
 * A database for the generated client, with node-postgres semantics on either engine:
 * - a real server (LAKEGEN_TEST_DATABASE_URL, or testcontainers): a fresh database and a plain pg.Client;
 * - PGlite otherwise: an instance whose parsers and serializers are node-postgres's own (pg.types text
 *   parsers for every built-in type, pg's prepareValue for parameters), so the values the client sees are
 *   the ones pg would give it. Only the wire differs.
 */
import { createRequire } from 'node:module';
import pg from 'pg';
import { freshDatabase, type TestSession } from '../../support/database.js';

export interface ClientConnection {
  readonly engine: 'server' | 'pglite';
  /** What the generated client is given: a pg.Client on a server. */
  readonly queryable: { query(text: string, values?: unknown[]): Promise<pg.QueryResult> };
  /** For applying the plan: runs a script of several statements. */
  readonly session: TestSession;
  /** A pg.Pool on the same database (servers only), for Kysely. */
  pool(): pg.Pool | undefined;
  close(): Promise<void>;
}

const OIDS = Object.values(pg.types.builtins) as number[];
// pg's own parameter encoding; @types/pg does not declare this module.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue(value: unknown): unknown };

export async function clientConnection(label: string): Promise<ClientConnection> {
  const database = await freshDatabase(label);
  if (database.engine === 'server') return serverConnection(database.url!, database, () => database.drop());
  await database.drop(); // PGlite's parsers are fixed when the instance is created: make one that parses like pg
  return pgliteConnection();
}

async function serverConnection(url: string, session: TestSession, drop: () => Promise<void>): Promise<ClientConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const pools: pg.Pool[] = [];
  return {
    engine: 'server',
    queryable: client,
    session,
    pool() {
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      pools.push(pool);
      return pool;
    },
    async close() {
      await Promise.allSettled([client.end(), ...pools.map((p) => p.end())]);
      await drop();
    },
  };
}

/** pg's parameter encoding, as text: what pg would send (Buffers as bytea hex). */
function serialize(value: unknown): string {
  const prepared = prepareValue(value) as string | Buffer;
  return Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : prepared;
}

async function pgliteConnection(): Promise<ClientConnection> {
  const { PGlite } = await import('@electric-sql/pglite');
  const parsers = Object.fromEntries(OIDS.map((oid) => [oid, pg.types.getTypeParser(oid, 'text') as (text: string) => unknown]));
  const serializers = Object.fromEntries(OIDS.map((oid) => [oid, serialize]));
  const db = await PGlite.create({ parsers, serializers });
  const session: TestSession = {
    async query(sql, params) {
      const result = await db.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as never[], rowCount: result.affectedRows ?? result.rows.length };
    },
    exec: async (sql) => { await db.exec(sql); },
    close: () => db.close(),
  };
  return {
    engine: 'pglite',
    queryable: {
      async query(text, values) {
        const result = await db.query<Record<string, unknown>>(text, values);
        return { rows: result.rows, rowCount: result.affectedRows ?? 0, command: '', oid: 0, fields: [] };
      },
    },
    session,
    pool: () => undefined,
    close: () => db.close(),
  };
}
