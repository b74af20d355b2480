/**
 * Fixtures and helpers of the temporal contract suites (temporal-contract.test.ts, temporal-history.test.ts):
 * tables built exactly as the postgres target builds them, transactions that report their own time.
 */
import { freshDatabase, type TestDatabase, type TestSession } from '../../support/database.js';
import { qualifiedName, quoteIdent, sqlValue, type SqlScalar } from '../../../generator/targets/postgres/quote.js';
import {
  HISTORY_EDIT_SETTING,
  TEMPORAL_SQLSTATE,
  temporalSql,
  type TemporalTableInput,
} from '../../../generator/targets/postgres/temporal.js';

export { HISTORY_EDIT_SETTING, TEMPORAL_SQLSTATE, qualifiedName, quoteIdent, sqlValue, temporalSql };
export type { SqlScalar, TestDatabase, TestSession };
// ---------------------------------------------------------------------------------------------------------
// Fixture support (kept in this file: the test folder holds only test files for this feature).

export interface Fixture {
  input: TemporalTableInput;
  nullable: string[];
}

export type Row = Record<string, SqlScalar>;
export type Path = 'view' | 'table';

/** The CREATE TABLE the postgres target emits before temporalSql(), built from the same input. */
export function createTableSql({ input, nullable }: Fixture): string {
  const columns = input.columns.map(
    (c) => `  ${quoteIdent(c.name)} ${c.sqlType}${nullable.includes(c.name) ? '' : ' NOT NULL'},`,
  );
  return [
    `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(input.schema)};`,
    `CREATE TABLE IF NOT EXISTS ${qualifiedName(input.schema, input.table)} (`,
    ...columns,
    `  sys_start timestamptz NOT NULL DEFAULT now(),`,
    `  sys_end timestamptz NOT NULL DEFAULT 'infinity',`,
    `  CONSTRAINT ${quoteIdent(`${input.table}_pkey`)} PRIMARY KEY (${[...input.keyColumns, 'sys_start'].map(quoteIdent).join(', ')}),`,
    `  CONSTRAINT ${quoteIdent(`${input.table}_period_check`)} CHECK (sys_start < sys_end)`,
    `);`,
  ].join('\n');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PGlite's clock ticks in milliseconds (PostgreSQL's in microseconds): wait a little before each transaction
 * whose time must differ from the previous one's.
 */
export const nextTick = () => sleep(3);

/** Reads and writes of one fixture table through one write path. */
export class TemporalTable {
  readonly table: string;
  readonly view: string;
  readonly asOf: string;
  constructor(
    readonly fixture: Fixture,
    readonly path: Path,
  ) {
    const { schema, table, view } = fixture.input;
    this.table = qualifiedName(schema, table);
    this.view = qualifiedName(schema, view);
    this.asOf = qualifiedName(schema, `${view}_as_of`);
  }

  private get target(): string {
    return this.path === 'view' ? this.view : this.table;
  }
  private get current(): string {
    return this.path === 'view' ? '' : ` AND sys_end = 'infinity'`;
  }
  /** A key as a row of values, or an SQL condition. */
  private where(key: Row | string): string {
    if (typeof key === 'string') return key;
    return Object.entries(key)
      .map(([column, value]) => `${quoteIdent(column)} = ${sqlValue(value)}`)
      .join(' AND ');
  }

  insert(row: Row): string {
    const columns = Object.keys(row).map(quoteIdent).join(', ');
    return `INSERT INTO ${this.target} (${columns}) VALUES (${Object.values(row).map(sqlValue).join(', ')})`;
  }
  /** `set` is SQL (`email = 'x'`) or a row of new values. */
  update(key: Row | string, set: string | Row): string {
    const assignments =
      typeof set === 'string'
        ? set
        : Object.entries(set)
            .map(([column, value]) => `${quoteIdent(column)} = ${sqlValue(value)}`)
            .join(', ');
    return `UPDATE ${this.target} SET ${assignments} WHERE ${this.where(key)}${this.current}`;
  }
  delete(key: Row | string): string {
    return `DELETE FROM ${this.target} WHERE ${this.where(key)}${this.current}`;
  }

  /** Every version of a key, oldest first, periods as text (a JS Date would cut microseconds). */
  async versions(db: TestSession, key: Row): Promise<Row[]> {
    const columns = this.fixture.input.columns.map((c) => quoteIdent(c.name)).join(', ');
    const result = await db.query<Row>(
      `SELECT ${columns}, sys_start::text AS sys_start, sys_end::text AS sys_end FROM ${this.table}
        WHERE ${this.where(key)} ORDER BY sys_start`,
    );
    return result.rows;
  }
  async currentRows(db: TestSession, key: Row): Promise<Row[]> {
    return (await db.query<Row>(`SELECT * FROM ${this.view} WHERE ${this.where(key)}`)).rows;
  }
  async asOfRows(db: TestSession, key: Row, time: string): Promise<Row[]> {
    const result = await db.query<Row>(
      `SELECT *, sys_start::text AS sys_start, sys_end::text AS sys_end FROM ${this.asOf}($1::timestamptz)
        WHERE ${this.where(key)}`,
      [time],
    );
    return result.rows;
  }
}

/** Runs `body` in a transaction whose time (now()::text) it receives; rolls back if `body` throws. */
export async function transaction<T>(db: TestSession, body: (time: string) => Promise<T>): Promise<{ time: string; result: T }> {
  await nextTick();
  await db.exec('BEGIN');
  try {
    const time = (await db.query<{ t: string }>('SELECT now()::text AS t')).rows[0].t;
    const result = await body(time);
    await db.exec('COMMIT');
    return { time, result };
  } catch (error) {
    await db.exec('ROLLBACK');
    throw error;
  }
}

export async function write(db: TestSession, ...statements: string[]): Promise<string> {
  return (await transaction(db, async () => { for (const sql of statements) await db.query(sql); })).time;
}

export async function withHistoryEdit<T>(db: TestSession, body: () => Promise<T>): Promise<T> {
  await db.exec(`SET ${HISTORY_EDIT_SETTING} = on`);
  try {
    return await body();
  } finally {
    await db.exec(`RESET ${HISTORY_EDIT_SETTING}`);
  }
}

export const customers: Fixture = {
  input: {
    schema: 'silver',
    table: 'dim_customer_hist',
    view: 'dim_customer',
    keyColumns: ['customer_id'],
    columns: [
      { name: 'customer_id', sqlType: 'integer' },
      { name: 'first_name', sqlType: 'text' },
      { name: 'email', sqlType: 'text' },
    ],
  },
  nullable: ['email'],
};

/** A composite key whose view name is a keyword (`position`) and a numeric column. */
export const positions: Fixture = {
  input: {
    schema: 'trading',
    table: 'position_hist',
    view: 'position',
    keyColumns: ['portfolio_id', 'instrument_code'],
    columns: [
      { name: 'portfolio_id', sqlType: 'integer' },
      { name: 'instrument_code', sqlType: 'varchar(12)' },
      { name: 'quantity', sqlType: 'numeric(18,4)' },
    ],
  },
  nullable: [],
};

/** Names that need quoting everywhere, one holding the dollar-quote tag and one holding `%`. */
export const oddities: Fixture = {
  input: {
    schema: 'Odd Schema',
    table: 'Odd "Table"_hist',
    view: 'Odd View',
    keyColumns: ['select'],
    columns: [
      { name: 'select', sqlType: 'integer' },
      { name: 'Mixed Case', sqlType: 'text' },
      { name: 'a$lakegen$b %s', sqlType: 'text' },
    ],
  },
  nullable: ['a$lakegen$b %s'],
};

export async function install(db: TestDatabase, fixture: Fixture): Promise<void> {
  await db.exec(createTableSql(fixture));
  await db.exec(temporalSql(fixture.input));
  await db.exec(temporalSql(fixture.input)); // idempotent: a second deploy changes nothing
}

/** A fresh database with every fixture installed (twice: deploys are idempotent). */
export async function temporalDatabase(label: string): Promise<TestDatabase> {
  const db = await freshDatabase(label);
  for (const fixture of [customers, positions, oddities]) await install(db, fixture);
  return db;
}

let nextKey = 1000;
export const newKey = () => (nextKey += 1);

export const errorCode = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );
