/** The shape of temporalSql()'s output: deterministic, quoted, names within PostgreSQL's 63 bytes. */
import { describe, expect, it } from 'vitest';
import {
  derivedName,
  temporalObjectNames,
  temporalSql,
  type TemporalTableInput,
} from '../../../generator/targets/postgres/temporal.js';
import { dollarQuoteTag } from '../../../generator/targets/postgres/temporal.js';
import { truncateUtf8 } from '../../../generator/targets/postgres/temporal-names.js';

const customers: TemporalTableInput = {
  schema: 'silver',
  table: 'dim_customer_hist',
  view: 'dim_customer',
  keyColumns: ['customer_id'],
  columns: [
    { name: 'customer_id', sqlType: 'integer' },
    { name: 'first_name', sqlType: 'text' },
    { name: 'email', sqlType: 'text' },
  ],
};

describe('temporalSql', () => {
  it('is deterministic and carries no timestamp', () => {
    const first = temporalSql(customers);
    expect(temporalSql(structuredClone(customers))).toBe(first);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('emits only idempotent statements', () => {
    const statements = temporalSql(customers)
      .split('\n')
      .filter((line) => /^(CREATE|DROP|ALTER)\b/.test(line));
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement).toMatch(/^CREATE (OR REPLACE|UNIQUE INDEX IF NOT EXISTS)\b/);
    }
  });

  it('names the open-key index, the functions and the as-of function after the table and view', () => {
    const sql = temporalSql(customers);
    expect(sql).toContain(
      "CREATE UNIQUE INDEX IF NOT EXISTS dim_customer_hist_open_key\n  ON silver.dim_customer_hist (customer_id) WHERE sys_end = 'infinity';",
    );
    expect(sql).toContain('CREATE OR REPLACE FUNCTION silver.dim_customer_as_of(t timestamptz)');
    expect(sql).toContain('CREATE OR REPLACE VIEW silver.dim_customer AS');
    for (const role of ['before_insert', 'before_update', 'after_update', 'after_delete', 'before_truncate']) {
      expect(sql).toContain(`CREATE OR REPLACE FUNCTION silver.dim_customer_hist_${role}()`);
      expect(sql).toContain(`COMMENT ON FUNCTION silver.dim_customer_hist_${role}() IS`);
      expect(sql).toContain(`CREATE OR REPLACE TRIGGER temporal_${role}`);
      expect(sql).toContain(`COMMENT ON TRIGGER temporal_${role} ON silver.dim_customer_hist IS`);
    }
  });

  it('keeps the hot path free of WHEN clauses, dynamic SQL and per-function SET', () => {
    const sql = temporalSql(customers);
    expect(sql).not.toMatch(/\bWHEN \(NEW|\bEXECUTE format|\bEXECUTE '|^SET /m);
    expect(sql).not.toMatch(/LANGUAGE plpgsql[^$]*\bSET\b/);
  });

  it('quotes every name and keeps names with % out of format strings', () => {
    const sql = temporalSql({
      schema: 'Odd Schema',
      table: 'Odd "Table"_hist',
      view: 'Odd View',
      keyColumns: ['select'],
      columns: [
        { name: 'select', sqlType: 'integer' },
        { name: '100%', sqlType: 'text' },
      ],
    });
    expect(sql).toContain('ON "Odd Schema"."Odd ""Table""_hist" ("select")');
    expect(sql).toContain('CREATE OR REPLACE VIEW "Odd Schema"."Odd View" AS');
    expect(sql).toContain('CREATE OR REPLACE FUNCTION "Odd Schema"."Odd View_as_of"(t timestamptz)');
    expect(sql).toContain(`'"Odd Schema"."Odd ""Table""_hist"'`);
    for (const format of sql.matchAll(/format\('([^']*)'/g)) expect(format[1]).not.toContain('100%');
  });

  it('picks a dollar-quote tag that no embedded name contains', () => {
    expect(dollarQuoteTag(['a', 'b'])).toBe('$lakegen$');
    expect(dollarQuoteTag(['x$lakegen$y'])).toBe('$lakegen_1$');
    expect(dollarQuoteTag(['x$lakegen$y', '$lakegen_1$'])).toBe('$lakegen_2$');
  });

  it('refuses inputs the kind forbids', () => {
    expect(() => temporalSql({ ...customers, keyColumns: [] })).toThrow(/no key columns/);
    expect(() => temporalSql({ ...customers, keyColumns: ['nope'] })).toThrow(/not a column/);
    expect(() =>
      temporalSql({ ...customers, columns: [...customers.columns, { name: 'sys_start', sqlType: 'timestamptz' }] }),
    ).toThrow(/added by the kind/);
  });
});

describe('derived names', () => {
  it('are <base>_<suffix> when that fits in 63 bytes', () => {
    expect(derivedName('dim_customer_hist', 'open_key')).toBe('dim_customer_hist_open_key');
  });

  it('are shortened deterministically with a hash when they would not fit, staying distinct', () => {
    const base = 'a'.repeat(60);
    const index = derivedName(base, 'open_key');
    expect(Buffer.byteLength(index)).toBeLessThanOrEqual(63);
    expect(index).toMatch(/^a+_[0-9a-f]{8}_open_key$/);
    expect(derivedName(base, 'open_key')).toBe(index);
    expect(derivedName(`${'a'.repeat(59)}b`, 'open_key')).not.toBe(index);
    const names = Object.values(temporalObjectNames(base, base));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
  });

  it('never split a multi-byte character', () => {
    expect(truncateUtf8('ééé', 5)).toBe('éé');
    const name = derivedName('é'.repeat(40), 'before_truncate');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(name).not.toContain('\uFFFD');
  });
});
