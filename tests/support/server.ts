/** Tests of `apply` against a real server create whole databases; they need the server itself, not a database. */
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export const SERVER_URL = process.env.LAKEGEN_TEST_DATABASE_URL;

export function uniqueDatabaseName(label: string): string {
  return `lg_${label}_${randomBytes(4).toString('hex')}`;
}

export async function dropDatabase(name: string): Promise<void> {
  if (!SERVER_URL) return;
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

export async function queryDatabase<Row = Record<string, unknown>>(database: string, sql: string, params?: unknown[]): Promise<Row[]> {
  const url = new URL(SERVER_URL!);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** Everything apply creates, as comparable text: objects, their definitions, and the reference rows. */
export const CATALOG_SNAPSHOT = `
  SELECT string_agg(line, E'\\n' ORDER BY line) AS snapshot FROM (
    SELECT 'rel ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text AS line
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    UNION ALL SELECT 'con ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace NOT IN (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema'))
    UNION ALL SELECT 'trg ' || tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL SELECT 'fn ' || p.oid::regprocedure || ' ' || md5(p.prosrc) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  ) lines`;
