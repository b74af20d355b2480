/**
 * Where apply runs: a PostgreSQL server (pg) or the embedded PGlite. Both offer the same small surface, so the
 * apply steps do not care which one they talk to.
 */
export interface QueryResult {
  readonly rows: Record<string, unknown>[];
}

export interface DatabaseSession {
  /** One statement, with parameters. */
  query(sql: string, params?: unknown[]): Promise<QueryResult>;
  /** A script of several statements, no parameters. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseHost {
  readonly kind: 'server' | 'embedded';
  /** Where the databases are, for the report: a URL with the password masked, or a folder. */
  readonly label: string;
  databaseLabel(database: string): string;
  databaseExists(database: string): Promise<boolean>;
  /** Outside any transaction, as PostgreSQL requires. Returns false if it existed already (created concurrently). */
  createDatabase(database: string, createSql: string): Promise<boolean>;
  /** Drops a database this run created, when applying into it failed. */
  dropDatabase(database: string): Promise<void>;
  connect(database: string): Promise<DatabaseSession>;
  close(): Promise<void>;
}

/** A connection-level failure (refused, authentication, unknown host): a usage error, exit code 2. */
export class ConnectionError extends Error {}

export function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}
