/**
 * `lakegen apply` against the real server (LAKEGEN_TEST_DATABASE_URL): each test applies the example project
 * renamed to a database of its own, and drops it afterwards.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/binary.js';
import { copyToTemp, removeTempProjects, runCli, writeProject } from '../support/project.js';
import { CATALOG_SNAPSHOT, dropDatabase, queryDatabase, SERVER_URL, uniqueDatabaseName } from '../support/server.js';

const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(name);
  removeTempProjects();
});

/** A copy of the example project whose database has a unique name. */
export function exampleProject(label: string): { root: string; database: string } {
  const root = copyToTemp(join(REPO_ROOT, 'definitions'));
  const database = uniqueDatabaseName(label);
  created.push(database);
  mkdirSync(join(root, 'definitions'));
  renameSync(join(root, 'demo'), join(root, 'definitions', database));
  const file = join(root, 'definitions', database, 'database.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('name: demo', `name: ${database}`));
  return { root, database };
}

/** Replaces text in a table definition (`schema/table`) of a project made by exampleProject. */
function editTable(root: string, database: string, table: string, from: string, to: string): void {
  const file = join(root, 'definitions', database, 'tables', `${table}.yaml`);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(file, text.replace(from, to));
}

async function snapshot(database: string): Promise<string> {
  const [catalog] = await queryDatabase<{ snapshot: string }>(database, CATALOG_SNAPSHOT);
  const rows = await queryDatabase<{ r: string }>(database, `
    SELECT string_agg(x, E'\\n' ORDER BY x) AS r FROM (
      SELECT 'trade_status_type ' || t.xmin || ' ' || t::text AS x FROM common.trade_status_type t
      UNION ALL SELECT 'action_type ' || a.xmin || ' ' || a::text FROM common.action_type a) s`);
  return `${catalog.snapshot}\n${rows[0].r}`;
}

describe.skipIf(!SERVER_URL)('lakegen apply on a server', () => {
  const url = SERVER_URL!;

  it('applies the example into a fresh database, then finds it up to date and changes nothing', async () => {
    const { root, database } = exampleProject('apply');
    const first = await runCli(['apply', '--url', url], root);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`databases +1 created`));
    expect(first.stdout).toMatch(/schemas +5 created, 0 unchanged/);
    expect(first.stdout).toMatch(/tables +8 created, 0 unchanged/);
    expect(first.stdout).toMatch(/temporal +1 created, 0 unchanged/);
    expect(first.stdout).toMatch(/data +5 rows inserted, 0 updated, 0 deactivated \(2 tables\)/);
    expect(first.stdout).toMatch(new RegExp(`${database}: applied in \\d+ ms`));
    const before = await snapshot(database);

    const second = await runCli(['apply', '--url', url], root);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`${database}: up to date`));
    expect(second.stdout).toMatch(/tables +0 created, 8 unchanged/);
    expect(await snapshot(database)).toBe(before);
  });

  it('reports the extensions it creates: a database that gained one is not up to date', async () => {
    const { root, database } = exampleProject('extensions');
    expect((await runCli(['apply', '--url', url], root)).code).toBe(0);
    const file = join(root, 'definitions', database, 'database.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}extensions: [pg_trgm, uuid-ossp]\n`);
    const added = await runCli(['apply', '--url', url], root);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/schemas +0 created, 5 unchanged; extensions created: pg_trgm, uuid-ossp/);
    expect(added.stdout).toMatch(new RegExp(`${database}: applied in`));
    const installed = await queryDatabase<{ names: string }>(database, "SELECT string_agg(extname, ',' ORDER BY extname) AS names FROM pg_extension WHERE extname <> 'plpgsql'");
    expect(installed[0].names).toBe('pg_trgm,uuid-ossp');
    expect((await runCli(['apply', '--url', url], root)).stdout).toMatch(new RegExp(`${database}: up to date`));
  });

  it('--only runs just that step', async () => {
    const { root, database } = exampleProject('only');
    expect((await runCli(['apply', '--url', url, '--only', 'databases,schemas'], root)).code).toBe(0);
    const schemas = await queryDatabase<{ n: string }>(database, "SELECT count(*)::text AS n FROM pg_namespace WHERE nspname IN ('common','bronze','trading','silver','gold')");
    const tables = await queryDatabase<{ n: string }>(database, "SELECT count(*)::text AS n FROM pg_tables WHERE schemaname IN ('common','bronze','trading','silver','gold')");
    expect([schemas[0].n, tables[0].n]).toEqual(['5', '0']);
    const onlyTables = await runCli(['apply', '--url', url, '--only', 'tables'], root);
    expect(onlyTables.stdout).toMatch(/tables +8 created/);
    expect(onlyTables.stdout).not.toMatch(/^ +data/m);
    const rows = await queryDatabase<{ n: string }>(database, 'SELECT count(*)::text AS n FROM common.action_type');
    expect(rows[0].n).toBe('0');
    const data = await runCli(['apply', '--url', url, '--only', 'data'], root);
    expect(data.stdout).toMatch(/data +5 rows inserted/);
  });

  it('a failure in the middle leaves the database as it was', async () => {
    const { root, database } = exampleProject('atomic');
    expect((await runCli(['apply', '--url', url, '--only', 'databases'], root)).code).toBe(0);
    const before = await queryDatabase<{ snapshot: string }>(database, CATALOG_SNAPSHOT);
    // a reference row that violates its table's check constraint: the data step fails after every table exists
    const csv = join(root, 'definitions', database, 'tables', 'common', 'action_type.csv');
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}3,hold,0\n`);
    const result = await runCli(['apply', '--url', url], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/apply failed at rows of common\.action_type \(data\/common\.action_type\.sql\); nothing was changed/);
    expect(result.stderr).toMatch(/server: new row for relation "action_type" violates check constraint "action_type_sign_check" \(SQLSTATE 23514\)/);
    expect(result.stderr).toMatch(/statement:\n +INSERT INTO common\.action_type/);
    expect(await queryDatabase<{ snapshot: string }>(database, CATALOG_SNAPSHOT)).toEqual(before);
  });

  it('a failed first apply leaves no database behind: the one it created is dropped again', async () => {
    const { root, database } = exampleProject('atomic_new');
    const csv = join(root, 'definitions', database, 'tables', 'common', 'action_type.csv');
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}3,hold,0\n`);
    const result = await runCli(['apply', '--url', url], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/apply failed at rows of common\.action_type .*; nothing was changed/);
    const exists = await queryDatabase<{ n: string }>('postgres', `SELECT count(*)::text AS n FROM pg_database WHERE datname = '${database}'`);
    expect(exists[0].n).toBe('0');
  });

  it('names what the server refused before any statement ran, with its SQLSTATE and a hint, not as an internal error', async () => {
    const { root, database } = exampleProject('nocreatedb');
    const role = `${database}_role`;
    await queryDatabase('postgres', `CREATE ROLE ${role} LOGIN`);
    try {
      const roleUrl = new URL(url);
      roleUrl.username = role;
      const result = await runCli(['apply', '--url', roleUrl.toString()], root);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`apply failed at database ${database}; nothing was changed`);
      expect(result.stderr).toMatch(/server: permission denied to create database \(SQLSTATE 42501\)\n +hint: .*CREATEDB/);
      expect(result.stderr).not.toMatch(/internal error/);
    } finally {
      await queryDatabase('postgres', `DROP ROLE ${role}`);
    }
  });

  it('an index name PostgreSQL cuts to 63 bytes (naming/max-length turned off) is found under its stored name', async () => {
    const database = uniqueDatabaseName('longindex');
    created.push(database);
    const root = writeProject({
      'lakegen.config.yaml': 'rules: { naming/max-length: off }\n',
      [`definitions/${database}/database.yaml`]: `name: ${database}\n`,
      [`definitions/${database}/schemas/app.yaml`]: 'name: app\n',
      [`definitions/${database}/tables/app/event.yaml`]: 'name: event\nkind: transactional\ncolumns:\n  event_id: uuid\n'
        + '  a_rather_long_column_name_number_one: integer\n  a_rather_long_column_name_number_two: integer\nprimary_key: [event_id]\n'
        + 'indexes:\n  - columns: [a_rather_long_column_name_number_one, a_rather_long_column_name_number_two]\n',
    });
    expect((await runCli(['apply', '--url', url], root)).code).toBe(0);
    expect((await runCli(['apply', '--url', url], root)).stdout).toMatch(/: up to date in/);
  });

  it('refuses to commit when a hand-made index of another table has the name of an index it creates', async () => {
    const { root, database } = exampleProject('index_clash');
    expect((await runCli(['apply', '--url', url, '--only', 'databases'], root)).code).toBe(0);
    await queryDatabase(database, 'CREATE SCHEMA bronze; CREATE TABLE bronze.legacy (a text, b text); '
      + 'CREATE UNIQUE INDEX br_trade_source_system_source_ref_key ON bronze.legacy (a, b)');
    const result = await runCli(['apply', '--url', url], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('index bronze.br_trade_source_system_source_ref_key belongs to bronze.legacy, not to bronze.br_trade: rename one of them');
    const tables = await queryDatabase<{ n: string }>(database, "SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = 'trading'");
    expect(tables[0].n).toBe('0'); // rolled back
  });

  it('stops on drift: names every difference, exits 1, changes nothing', async () => {
    const { root, database } = exampleProject('drift');
    expect((await runCli(['apply', '--url', url], root)).code).toBe(0);
    await queryDatabase(database, 'ALTER TABLE trading.portfolio ADD COLUMN region text; ALTER TABLE trading.instrument ALTER COLUMN lot_size TYPE bigint');
    const before = await snapshot(database);
    const csv = join(root, 'definitions', database, 'tables', 'common', 'action_type.csv');
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}3,hold,1\n`);
    const result = await runCli(['apply', '--url', url], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('apply stopped: tables in the database differ from their definitions; nothing was changed');
    expect(result.stderr).toContain('trading.instrument\n    - column lot_size is bigint in the database, integer in the definitions');
    expect(result.stderr).toContain('trading.portfolio\n    - column region text is in the database but not in the definitions');
    expect(await snapshot(database)).toBe(before);
    const json = JSON.parse((await runCli(['apply', '--url', url, '--format', 'json'], root)).stdout);
    expect(json.failed).toMatchObject({ database, kind: 'drift', drift: expect.arrayContaining([
      { table: 'trading.instrument', differences: ['column lot_size is bigint in the database, integer in the definitions'] },
    ]) });
  });

  it('stops on drift apply cannot fix: a changed check or default in the definitions, a key or index changed by hand', async () => {
    const { root, database } = exampleProject('shape');
    expect((await runCli(['apply', '--url', url], root)).code).toBe(0);
    expect((await runCli(['apply', '--url', url], root)).stdout).toMatch(/: up to date in/);
    await queryDatabase(database, `CREATE INDEX trade_note_idx ON trading.trade (note);
      ALTER TABLE trading.portfolio ADD CONSTRAINT portfolio_name_key UNIQUE (portfolio_name);
      ALTER TABLE trading.trade DROP CONSTRAINT trade_portfolio_id_fkey;
      ALTER TABLE trading.trade ADD CONSTRAINT trade_portfolio_id_fkey FOREIGN KEY (portfolio_id) REFERENCES trading.portfolio ON DELETE CASCADE`);
    editTable(root, database, 'trading/instrument', '{ type: integer, default: 1, check: "lot_size > 0" }', '{ type: integer, default: 100, check: "lot_size >= 100" }');
    const before = await snapshot(database);
    const result = await runCli(['apply', '--url', url], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('apply stopped: tables in the database differ from their definitions; nothing was changed');
    expect(result.stderr).toContain('- column lot_size has DEFAULT 1 in the database, DEFAULT 100 in the definitions');
    expect(result.stderr).toContain('- constraint instrument_lot_size_check is CHECK ((lot_size > 0)) in the database, CHECK (lot_size >= 100) in the definitions');
    expect(result.stderr).toContain('- index trade_note_idx (note) is in the database but not in the definitions');
    expect(result.stderr).toContain('- constraint portfolio_name_key UNIQUE (portfolio_name) is in the database but not in the definitions');
    expect(result.stderr).toContain('- foreign key trade_portfolio_id_fkey is (portfolio_id) → trading.portfolio(portfolio_id) ON DELETE CASCADE ON UPDATE NO ACTION in the database, '
      + '(portfolio_id) → trading.portfolio(portfolio_id) ON DELETE RESTRICT ON UPDATE NO ACTION in the definitions');
    expect(await snapshot(database)).toBe(before);
    // an index apply creates itself is not drift; no temporary table of the comparison is left behind
    await queryDatabase(database, 'DROP INDEX trading.trade_note_idx; DROP INDEX silver.dim_customer_hist_open_key; ALTER TABLE trading.portfolio DROP CONSTRAINT portfolio_name_key');
    editTable(root, database, 'trading/instrument', '{ type: integer, default: 100, check: "lot_size >= 100" }', '{ type: integer, default: 1, check: "lot_size > 0" }');
    await queryDatabase(database, `ALTER TABLE trading.trade DROP CONSTRAINT trade_portfolio_id_fkey;
      ALTER TABLE trading.trade ADD CONSTRAINT trade_portfolio_id_fkey FOREIGN KEY (portfolio_id) REFERENCES trading.portfolio ON DELETE RESTRICT`);
    const again = await runCli(['apply', '--url', url], root);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/tables +0 created, 1 updated \(silver\.dim_customer_hist\), 7 unchanged/);
    const [open] = await queryDatabase<{ n: string }>(database, "SELECT count(*)::text AS n FROM pg_indexes WHERE indexname = 'dim_customer_hist_open_key'");
    expect(open.n).toBe('1');
    const [temporary] = await queryDatabase<{ n: string }>(database, "SELECT count(*)::text AS n FROM pg_class WHERE relname LIKE 'lakegen\\_shape%'");
    expect(temporary.n).toBe('0');
  });

  it('sets the database\'s comment from its description, and clears it when the description is removed', async () => {
    const { root, database } = exampleProject('dbcomment');
    const comment = async () => (await queryDatabase<{ c: string | null }>(database,
      "SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = current_database()"))[0].c;
    expect((await runCli(['apply', '--url', url], root)).code).toBe(0);
    expect(await comment()).toBe('Trading demo lakehouse');
    const file = join(root, 'definitions', database, 'database.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^description: .*\n/m, ''));
    const cleared = await runCli(['apply', '--url', url], root);
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(/schemas +0 created, 1 updated \(database comment\), 5 unchanged/);
    expect(await comment()).toBe(null);
    expect((await runCli(['apply', '--url', url], root)).stdout).toMatch(/: up to date in/);
  });

  it('applies as a role that does not own the database, leaving its comment with a note', async () => {
    const { root, database } = exampleProject('notowner');
    const role = `${database}_role`;
    // one statement each: CREATE DATABASE cannot run in the implicit transaction of a multi-statement query
    for (const sql of [`CREATE DATABASE ${database}`, `CREATE ROLE ${role} LOGIN`, `GRANT CREATE ON DATABASE ${database} TO ${role}`]) {
      await queryDatabase('postgres', sql);
    }
    try {
      const roleUrl = new URL(url);
      roleUrl.username = role;
      const result = await runCli(['apply', '--url', roleUrl.toString()], root);
      expect(result.stderr).toContain(`note: the comment of database ${database} differs from its description, but only its owner may change it`);
      expect(result.code).toBe(0);
    } finally {
      await dropDatabase(database);
      await queryDatabase('postgres', `DROP ROLE ${role}`);
    }
  });

  it('clears the comment of a description removed from the definitions, and leaves other tables\' comments alone', async () => {
    const { root, database } = exampleProject('stalecomments');
    expect((await runCli(['apply', '--url', url], root)).code).toBe(0);
    await queryDatabase(database, "CREATE TABLE trading.by_hand (x int); COMMENT ON TABLE trading.by_hand IS 'mine'");
    const comments = async () => (await queryDatabase<{ c: string }>(database, `
      SELECT coalesce(obj_description('trading.instrument'::regclass, 'pg_class'), '-') || ' / '
        || coalesce(col_description('trading.instrument'::regclass, 2), '-') || ' / '
        || coalesce(obj_description('trading.by_hand'::regclass, 'pg_class'), '-') AS c`))[0].c;
    expect(await comments()).toBe('A tradable security / ISO 6166 identifier / mine');
    editTable(root, database, 'trading/instrument', 'description: A tradable security\n', '');
    editTable(root, database, 'trading/instrument', ', description: ISO 6166 identifier', '');
    const result = await runCli(['apply', '--url', url], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/tables +0 created, 1 updated \(trading\.instrument\)/);
    expect(await comments()).toBe('- / - / mine');
    expect((await runCli(['apply', '--url', url], root)).stdout).toMatch(/: up to date in/);
    // a schema's comment: cleared with the schemas step (also alone), and reported as an update
    const file = join(root, 'definitions', database, 'schemas', 'trading.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^description: .*\n/m, ''));
    const schemas = await runCli(['apply', '--url', url, '--only', 'schemas'], root);
    expect(schemas.stdout).toMatch(/schemas +0 created, 1 updated \(trading\), 4 unchanged/);
    const [schema] = await queryDatabase<{ c: string | null }>(database, "SELECT obj_description('trading'::regnamespace, 'pg_namespace') AS c");
    expect(schema.c).toBe(null);
  });

  it('explains a reference row that takes a unique value another row holds, and changes nothing', async () => {
    const { root, database } = exampleProject('uniquerows');
    expect((await runCli(['apply', '--url', url], root)).code).toBe(0);
    // row 3 is removed (kept, deactivated) and its name given to a new row 4
    editTable(root, database, 'common/trade_status_type', 'trade_status_type_id: 3,', 'trade_status_type_id: 4,');
    const before = await snapshot(database);
    const result = await runCli(['apply', '--url', url], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Key \(trade_status_type_name\)=\(cancelled\) already exists/);
    expect(result.stderr).toMatch(/hint: a reference table's unique columns stay unique across all its rows, including rows removed from the definitions/);
    expect(await snapshot(database)).toBe(before);
    // with --format json, stdout still says what was committed (nothing here) and what failed
    const json = await runCli(['apply', '--url', url, '--format', 'json'], root);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ databases: [], failed: {
      database, error: expect.stringMatching(/trade_status_type/), kind: 'statement', sqlstate: '23505',
      hint: expect.stringMatching(/unique columns stay unique/), statement: expect.stringMatching(/^INSERT INTO common\.trade_status_type/),
    } });
    // --dry-run with --format json: the SQL per database
    const dry = JSON.parse((await runCli(['apply', '--url', url, '--dry-run', '--format', 'json'], root)).stdout);
    expect(dry).toMatchObject({ dryRun: true, databases: [{ database, sql: expect.stringMatching(/BEGIN;[\s\S]*COMMIT;/) }] });
  });

  it('stops, naming the view, when a temporal table\'s columns are reordered (PostgreSQL cannot reorder a view)', async () => {
    const { root, database } = exampleProject('vieworder');
    expect((await runCli(['apply', '--url', url], root)).code).toBe(0);
    editTable(root, database, 'silver/dim_customer_hist', '  last_name: text\n  email: text?\n', '  email: text?\n  last_name: text\n');
    const before = await snapshot(database);
    const result = await runCli(['apply', '--url', url], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('apply stopped: tables in the database differ from their definitions; nothing was changed');
    expect(result.stderr).toContain('- current view silver.dim_customer has the columns (customer_id, first_name, last_name, email, segment) in the database, '
      + '(customer_id, first_name, email, last_name, segment) in the definitions');
    expect(result.stderr).not.toMatch(/42P16/);
    expect(await snapshot(database)).toBe(before);
  });

  it('names a default changed by hand, and a check the server cannot build, without changing anything', async () => {
    const { root, database } = exampleProject('shape2');
    expect((await runCli(['apply', '--url', url], root)).code).toBe(0);
    await queryDatabase(database, "ALTER TABLE trading.trade ALTER COLUMN channel SET DEFAULT 'web'");
    editTable(root, database, 'trading/instrument', 'check: "lot_size > 0"', 'check: "lot_size > no_such_function()"');
    const before = await snapshot(database);
    const result = await runCli(['apply', '--url', url], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("trading.trade\n    - column channel has DEFAULT 'web'::text in the database, DEFAULT 'desk'::text in the definitions");
    expect(result.stderr).toMatch(/trading\.instrument\n {4}- its definition does not build on this server: function no_such_function\(\) does not exist/);
    expect(await snapshot(database)).toBe(before);
  });

  it.each(['kinds', 'cycle', 'composite_key', 'quoting'])('the %s fixture applies, then is up to date: no false drift on its keys, checks, defaults or names', async (fixture) => {
    const root = copyToTemp(join(REPO_ROOT, 'tests', 'fixtures', 'projects', fixture));
    const [folder] = readdirSync(join(root, 'definitions'));
    const database = uniqueDatabaseName(fixture.replace('_', ''));
    created.push(database);
    renameSync(join(root, 'definitions', folder), join(root, 'definitions', database));
    const file = join(root, 'definitions', database, 'database.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: ${database}`));
    const first = await runCli(['apply', '--url', url], root);
    expect([first.code, first.stderr]).toEqual([0, '']);
    const second = await runCli(['apply', '--url', url], root);
    expect([second.code, second.stderr]).toEqual([0, '']);
    expect(second.stdout).toMatch(new RegExp(`${database}: up to date in`));
  });

  it('reports a bad connection in one line with the password masked, exit 2', async () => {
    const { root } = exampleProject('badconn');
    const refused = await runCli(['apply', '--url', 'postgres://postgres:s3cret@127.0.0.1:1/postgres'], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^lakegen: cannot connect to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/postgres: connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
    const badUser = await runCli(['apply', '--url', `${url.replace('postgres@', 'nobody_here:hunter2@')}`], root);
    expect(badUser.code).toBe(2);
    expect(badUser.stderr).toMatch(/^lakegen: cannot connect to postgres:\/\/nobody_here:\*\*\*@.*role "nobody_here" does not exist\n$/);
    expect(badUser.stderr).not.toContain('hunter2');
  });

  it('--dry-run prints the SQL and changes nothing', async () => {
    const { root, database } = exampleProject('dryrun');
    const result = await runCli(['apply', '--url', url, '--dry-run'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`CREATE DATABASE ${database};`);
    expect(result.stdout).toContain('CREATE TABLE IF NOT EXISTS trading.trade (');
    const exists = await queryDatabase<{ n: string }>('postgres', 'SELECT count(*)::text AS n FROM pg_database WHERE datname = $1', [database]);
    expect(exists[0].n).toBe('0');
  });
});

/** The embedded database apply left behind, opened read-only for a look (after apply has closed it). */
async function embeddedSnapshot(root: string, database: string): Promise<string> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: join(root, '.lakegen', 'pglite', database) });
  try {
    const catalog = await db.query<{ snapshot: string }>(CATALOG_SNAPSHOT);
    const tables = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'common'");
    if (tables.rows[0].n === 0) return catalog.rows[0].snapshot ?? '';
    const rows = await db.query<{ r: string }>(`SELECT string_agg(x, E'\\n' ORDER BY x) AS r FROM (
      SELECT t.xmin::text || ' ' || t::text AS x FROM common.trade_status_type t
      UNION ALL SELECT a.xmin::text || ' ' || a::text FROM common.action_type a) s`);
    return `${catalog.rows[0].snapshot}\n${rows.rows[0]?.r ?? ''}`;
  } finally {
    await db.close();
  }
}

describe('lakegen apply, usage', () => {
  it('a server URL that is no postgres:// URL is a usage error, before anything connects', async () => {
    const { root } = exampleProject('badurl');
    const result = await runCli(['apply', '--url', 'notaurl'], root);
    expect([result.code, result.stderr]).toEqual([2, 'lakegen: the server URL must start with postgres:// or postgresql:// (got `notaurl`)\n']);
  });
});

describe('lakegen apply, embedded default', () => {
  it('applies to PGlite under .lakegen/pglite/ with no server, then is up to date and changes nothing', async () => {
    const { root, database } = exampleProject('embedded');
    const env = { DATABASE_URL: undefined };
    const first = await runCli(['apply'], root, env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`apply ${database} → embedded PGlite .lakegen/pglite/${database}`);
    expect(first.stdout).toMatch(/tables +8 created/);
    expect(first.stdout).toMatch(/data +5 rows inserted/);
    const before = await embeddedSnapshot(root, database);
    const second = await runCli(['apply'], root, env);
    expect(second.stdout).toMatch(new RegExp(`${database}: up to date`));
    expect(await embeddedSnapshot(root, database)).toBe(before);
  });

  it('opens PGlite with the extensions the database names (PGlite loads an extension only when asked at start)', async () => {
    const { root, database } = exampleProject('embedded_extensions');
    const file = join(root, 'definitions', database, 'database.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}extensions: [btree_gist]\n`);
    const env = { DATABASE_URL: undefined };
    const first = await runCli(['apply', '--only', 'databases,schemas'], root, env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/schemas +5 created, 0 unchanged; extensions created: btree_gist/);
    expect((await runCli(['apply', '--only', 'databases,schemas'], root, env)).stdout).toMatch(new RegExp(`${database}: up to date`));
  });

  it('--only runs just that step, and --reset starts over', async () => {
    const { root, database } = exampleProject('embedded_only');
    const env = { DATABASE_URL: undefined };
    const schemasOnly = await runCli(['apply', '--only', 'databases,schemas'], root, env);
    expect(schemasOnly.stdout).toMatch(/schemas +5 created/);
    expect(schemasOnly.stdout).not.toMatch(/^ +tables/m);
    expect(await embeddedSnapshot(root, database)).not.toMatch(/^rel trading\.trade r$/m);
    const reset = await runCli(['apply', '--embedded', '--reset'], root, env);
    expect(reset.stdout).toMatch(/schemas +5 created/);
    expect(reset.stdout).toMatch(/tables +8 created/);
    expect(await embeddedSnapshot(root, database)).toMatch(/^rel trading\.trade r$/m);
  });
});
