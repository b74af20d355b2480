/**
 * The statements the generated client sends, seen through a recording connection: parameterised only,
 * identifiers as lakegen quoted them, and calls from untyped JavaScript that name something outside the
 * definitions fail before any SQL is sent. Uses the golden output, so it follows every regeneration.
 */
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../generated/typescript/demo/index.js';
import { createClient as createOddClient } from './golden/quoting/typescript/odd/index.js';

interface Sent {
  readonly text: string;
  readonly values: unknown[];
}

function recorder(rows: Record<string, unknown>[] = [{}], rowCount = 1) {
  const sent: Sent[] = [];
  const db = {
    async query(text: string, values: unknown[] = []) {
      sent.push({ text, values });
      return { rows, rowCount, command: '', oid: 0, fields: [] };
    },
  };
  return { sent, db };
}

const PORTFOLIO = 'portfolio_id, portfolio_name, base_currency, opened_on, closed_on, effective_time';

describe('statements of the generated client', () => {
  it('get, list, insert, update and delete: parameterised, key order by default', async () => {
    const { sent, db } = recorder();
    const portfolios = createClient(db).trading.portfolio;
    await portfolios.get({ portfolio_id: 'p1' });
    await portfolios.list({ where: { base_currency: 'EUR', closed_on: null }, orderBy: ['portfolio_name', ['opened_on', 'desc']], limit: 10, offset: 20 });
    await portfolios.list();
    await portfolios.insert({ portfolio_name: 'Core', base_currency: 'EUR', opened_on: '2024-01-02' });
    await portfolios.update({ portfolio_id: 'p1' }, { portfolio_name: 'Core 2', closed_on: null });
    await portfolios.delete({ portfolio_id: 'p1' });
    expect(sent).toEqual([
      { text: `SELECT ${PORTFOLIO} FROM trading.portfolio WHERE portfolio_id = $1`, values: ['p1'] },
      { text: `SELECT ${PORTFOLIO} FROM trading.portfolio WHERE base_currency = $1 AND closed_on IS NULL ORDER BY portfolio_name, opened_on DESC LIMIT $2 OFFSET $3`, values: ['EUR', 10, 20] },
      { text: `SELECT ${PORTFOLIO} FROM trading.portfolio ORDER BY portfolio_id`, values: [] },
      { text: `INSERT INTO trading.portfolio (portfolio_name, base_currency, opened_on) VALUES ($1, $2, $3) RETURNING ${PORTFOLIO}`, values: ['Core', 'EUR', '2024-01-02'] },
      { text: `UPDATE trading.portfolio SET portfolio_name = $1, closed_on = $2 WHERE portfolio_id = $3 RETURNING ${PORTFOLIO}`, values: ['Core 2', null, 'p1'] },
      { text: 'DELETE FROM trading.portfolio WHERE portfolio_id = $1', values: ['p1'] },
    ]);
  });

  it('reference tables: insert with the key the caller gives, update touching systime only on a change, delete deactivates', async () => {
    const { sent, db } = recorder();
    const statuses = createClient(db).common.trade_status_type;
    const columns = 'trade_status_type_id, trade_status_type_name, description, is_active, systime';
    await statuses.insert({ trade_status_type_id: 9, trade_status_type_name: 'on_hold' });
    await statuses.update({ trade_status_type_id: 9 }, { description: 'Waiting', is_active: true });
    await statuses.update({ trade_status_type_id: 9 }, {});
    await statuses.delete({ trade_status_type_id: 9 });
    expect(sent).toEqual([
      { text: `INSERT INTO common.trade_status_type (trade_status_type_id, trade_status_type_name) VALUES ($1, $2) RETURNING ${columns}`, values: [9, 'on_hold'] },
      {
        text: 'UPDATE common.trade_status_type SET description = $1, is_active = $2, ' +
          'systime = CASE WHEN (description, is_active) IS DISTINCT FROM ($3, $4) THEN now() ELSE systime END ' +
          `WHERE trade_status_type_id = $5 RETURNING ${columns}`,
        values: ['Waiting', true, 'Waiting', true, 9],
      },
      { text: `SELECT ${columns} FROM common.trade_status_type WHERE trade_status_type_id = $1`, values: [9] },
      {
        text: 'UPDATE common.trade_status_type SET is_active = false, systime = CASE WHEN is_active THEN now() ELSE systime END ' +
          'WHERE trade_status_type_id = $1',
        values: [9],
      },
    ]);
    expect(await createClient(recorder([], 0).db).common.trade_status_type.delete({ trade_status_type_id: 9 })).toBe(false);
  });

  it('JSON-encodes jsonb values, in writes and in filters (pg would send an array as a PostgreSQL array)', async () => {
    const { sent, db } = recorder();
    const landing = createClient(db).bronze.br_trade;
    await landing.insert({ source_ref: 'X', payload: [1, 'two'] });
    await landing.list({ where: { payload: 'text' } });
    expect(sent.map((s) => s.values)).toEqual([['X', '[1,"two"]'], ['"text"']]);
  });

  it('reads versions of a temporal table from the table and its as-of function, writes through the view', async () => {
    const { sent, db } = recorder();
    const customers = createClient(db).silver.dim_customer_hist;
    await customers.asOf('2024-05-01T10:00:00.123456Z', { where: { segment: 'retail' } });
    await customers.history({ customer_id: 7 });
    await customers.update({ customer_id: 7 }, { email: null });
    const versionColumns = /^SELECT customer_id, first_name, last_name, email, segment, CASE WHEN isfinite\(sys_start\) THEN to_char\(sys_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS\.US"Z"'\) \|\| CASE WHEN sys_start AT TIME ZONE 'UTC' < '0001-01-01' THEN ' BC' ELSE '' END ELSE sys_start::text END AS sys_start, CASE .* END AS sys_end FROM /;
    expect(sent[0].text).toMatch(versionColumns);
    expect(sent[0].text).toMatch(/FROM silver\.dim_customer_as_of\(\$1\) WHERE segment = \$2 ORDER BY customer_id$/);
    expect(sent[0].values).toEqual(['2024-05-01T10:00:00.123456Z', 'retail']);
    expect(sent[1].text).toMatch(/FROM silver\.dim_customer_hist WHERE customer_id = \$1 ORDER BY sys_start$/);
    expect(sent[2].text).toBe('UPDATE silver.dim_customer SET email = $1 WHERE customer_id = $2 RETURNING customer_id, first_name, last_name, email, segment');
  });

  it('quotes identifiers as the postgres target does', async () => {
    const { sent, db } = recorder();
    await createOddClient(db).user.order.insert({ from: 1, 'we"ird': 'x', größe: 2 });
    expect(sent[0].text).toMatch(/^INSERT INTO "user"\."order" \("from", "we""ird", "größe"\) VALUES \(\$1, \$2, \$3\) RETURNING order_id, "select", "from", "we""ird", "größe", effective_time$/);
  });

  it('empty patch: reads the row instead of sending an empty UPDATE', async () => {
    const { sent, db } = recorder();
    await createClient(db).trading.portfolio.update({ portfolio_id: 'p1' }, {});
    expect(sent).toEqual([{ text: `SELECT ${PORTFOLIO} FROM trading.portfolio WHERE portfolio_id = $1`, values: ['p1'] }]);
  });

  it('refuses, before sending anything, what the types forbid when called from JavaScript', async () => {
    const { sent, db } = recorder();
    const portfolios = createClient(db).trading.portfolio as any;
    const statuses = createClient(db).common.trade_status_type as any;
    const refusals: [Promise<unknown> | (() => unknown), RegExp][] = [
      [() => portfolios.list({ where: { 'portfolio_id; DROP TABLE x': 1 } }), /has no column/],
      [() => portfolios.list({ where: { constructor: 1 } }), /has no column/],
      [() => portfolios.list({ orderBy: [['portfolio_name', 'desc; DROP TABLE x']] }), /asc or desc/],
      [() => portfolios.list({ limit: -1 }), /limit must be/],
      [() => portfolios.list({ offset: '1; DROP' }), /offset must be/],
      [() => portfolios.insert({ portfolio_id: 'mine', portfolio_name: 'x' }), /"portfolio_id" is not writable/],
      [() => portfolios.insert({ portfolio_nmae: 'x' }), /"portfolio_nmae" is not writable/],
      [() => portfolios.get({}), /the key needs portfolio_id/],
      [() => portfolios.delete({ portfolio_id: null }), /the key needs portfolio_id/],
      [() => statuses.insert({ trade_status_type_id: 9, trade_status_type_name: 'x', systime: new Date() }), /"systime" is not writable/],
      [() => statuses.update({ trade_status_type_id: 9 }, { systime: new Date() }), /"systime" is not writable/],
      [() => statuses.delete({}), /the key needs trade_status_type_id/],
    ];
    for (const [call, message] of refusals) {
      await expect(Promise.resolve().then(call as () => unknown)).rejects.toThrow(message);
    }
    expect(sent).toEqual([]);
  });

  it('reports whether delete found a row', async () => {
    const none = recorder([], 0);
    expect(await createClient(none.db).trading.portfolio.delete({ portfolio_id: 'p1' })).toBe(false);
    expect(await createClient(none.db).trading.portfolio.get({ portfolio_id: 'p1' })).toBeUndefined();
  });
});
