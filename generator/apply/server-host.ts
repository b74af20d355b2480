import pg from 'pg';
import { quoteIdent } from '../targets/postgres/quote.js';
import { ConnectionError, maskPassword, type DatabaseHost, type DatabaseSession } from './connection.js';

/** SQLSTATEs and socket errors that mean "cannot reach or log in", not "the SQL failed". */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH',
  '28P01', '28000', '3D000', '57P03']);

export async function serverHost(url: string): Promise<DatabaseHost> {
  const masked = maskPassword(url);
  const admin = await connectTo(url, masked);
  const urlFor = (database: string) => {
    const parsed = new URL(url);
    parsed.pathname = `/${encodeURIComponent(database)}`;
    return parsed.toString();
  };
  const databaseExists = async (database: string) =>
    (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rows.length > 0;
  return {
    kind: 'server',
    label: masked,
    databaseLabel: (database) => maskPassword(urlFor(database)),
    databaseExists,
    async createDatabase(database, createSql) {
      try {
        await admin.exec(createSql);
        return true;
      } catch (error) {
        // another apply created it between our check and our CREATE: 42P04 duplicate_database, or the
        // unique index of pg_database when both CREATEs raced
        const code = (error as { code?: string }).code;
        if ((code === '42P04' || code === '23505') && (await databaseExists(database))) return false;
        throw error;
      }
    },
    async dropDatabase(database) {
      await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(database)}`);
    },
    connect: (database) => connectTo(urlFor(database), maskPassword(urlFor(database))),
    close: () => admin.close(),
  };
}

async function connectTo(url: string, masked: string): Promise<DatabaseSession> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {}); // a dropped connection surfaces on the next query
  try {
    await client.connect();
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === undefined || CONNECTION_CODES.has(code)) {
      throw new ConnectionError(`cannot connect to ${masked}: ${message.replace(url, masked)}`);
    }
    throw error;
  }
  return {
    async query(sql, params) {
      const result = await client.query(sql, params);
      return { rows: result.rows };
    },
    async exec(sql) {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}
