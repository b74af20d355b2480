/**
 * Quoting, fuzzed against a real PostgreSQL: any text (without NUL, which PostgreSQL text cannot hold) written
 * with quoteLiteral reads back unchanged, and any name written with quoteIdent is the name the server sees.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualifiedName, quoteIdent, quoteLiteral, sqlValue } from '../../../generator/targets/postgres/quote.js';
import { POSTGRES_RESERVED_WORDS } from '../../../generator/targets/postgres/reserved-words.js';
import { freshDatabase, type TestDatabase } from '../../support/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase('quote');
});
afterAll(async () => db?.drop());

const noNul = (s: string) => !s.includes('\u0000');
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom("O'Brien", "''", "\\'", 'a;b', '$$', '$lakegen$', '--', '/*', 'E\'\\n\'', '\\', 'Zürich ☃', '"'),
).filter(noNul);
const name = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
  fc.constantFrom(...[...POSTGRES_RESERVED_WORDS].slice(0, 40), 'Mixed Case', 'a"b', 'größe', '1abc', '$x', 'snake_case'),
).filter((s) => noNul(s) && Buffer.byteLength(s) <= 63);

describe('PostgreSQL quoting on a real server', () => {
  it('every keyword that is no plain identifier is quoted, on the test server and on the embedded PGlite', async () => {
    const KEYWORDS = "SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T', 'C') ORDER BY word";
    const { PGlite } = await import('@electric-sql/pglite');
    const embedded = await PGlite.create();
    try {
      const words = [...(await db.query<{ word: string }>(KEYWORDS)).rows, ...(await embedded.query<{ word: string }>(KEYWORDS)).rows];
      expect(words.length).toBeGreaterThan(100);
      expect(words.map((r) => r.word).filter((word) => !POSTGRES_RESERVED_WORDS.has(word))).toEqual([]);
    } finally {
      await embedded.close();
    }
  });

  it('quoteLiteral: every text reads back exactly', async () => {
    await fc.assert(fc.asyncProperty(text, async (value) => {
      const { rows } = await db.query<{ v: string }>(`SELECT ${quoteLiteral(value)}::text AS v`);
      expect(rows[0].v).toBe(value);
    }), { numRuns: 300 });
  });

  it('quoteIdent: every name is the name the server sees, and bare only when safe', async () => {
    await fc.assert(fc.asyncProperty(name, async (identifier) => {
      const quoted = quoteIdent(identifier);
      const { rows } = await db.query(`SELECT 1 AS ${quoted}`);
      expect(Object.keys(rows[0])).toEqual([identifier]);
      if (!quoted.startsWith('"')) expect(identifier).toMatch(/^[a-z_][a-z0-9_$]*$/);
    }), { numRuns: 300 });
  });

  it('qualified names create and find tables with any schema and table name', async () => {
    await fc.assert(fc.asyncProperty(name, name, async (schema, table) => {
      await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}; CREATE TABLE IF NOT EXISTS ${qualifiedName(schema, table)} (x int)`);
      const { rows } = await db.query<{ n: string; s: string }>(
        'SELECT c.relname AS n, n.nspname AS s FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1::regclass',
        [qualifiedName(schema, table)]);
      expect(rows[0]).toEqual({ n: table, s: schema });
      await db.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    }), { numRuns: 100 });
  });

  it('sqlValue keeps numbers and booleans typed and refuses what SQL cannot hold', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()), async (value) => {
      const { rows } = await db.query<{ v: string }>(`SELECT (${sqlValue(value)})::text AS v`);
      if (typeof value === 'boolean') expect(rows[0].v).toBe(String(value));
      else expect(Number(rows[0].v) === value, `${value} read back as ${rows[0].v}`).toBe(true);
    }), { numRuns: 200 });
    expect(() => sqlValue(Number.NaN)).toThrow();
    expect(() => quoteLiteral('a\u0000b')).toThrow();
    expect(() => quoteIdent('a\u0000b')).toThrow();
  });
});
