/**
 * What Snowflake cannot carry is a diagnostic at the position of the offending definition
 * (generator/check/portability-rules.ts): precision beyond 38 digits (LG801, an error), a type carried as
 * another (LG802), a verbatim SQL check or default left out (LG803).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempProjects } from '../../support/project.js';
import { at, diagnostics, find } from './warehouse-project.js';

afterAll(removeTempProjects);

describe('snowflake diagnostics', () => {
  it('numeric(50,2) is LG801, an error at the type, and stops compile', async () => {
    const { list, ok } = await diagnostics('snowflake');
    expect(find(list, 'LG801', 'numeric(50,2)')).toMatchObject({
      severity: 'error', rule: 'portability/numeric-precision', ...at('"numeric(50,2)"'),
    });
    expect(ok).toBe(false);
  });

  it('interval is LG802, a warning at the type; time is a Snowflake type and is not', async () => {
    const { list } = await diagnostics('snowflake');
    expect(find(list, 'LG802', 'interval')).toMatchObject({ severity: 'warning', rule: 'portability/unsupported-type', ...at('interval?') });
    expect(find(list, 'LG802', 'time on')).toBeUndefined();
  });

  it('a check with a PostgreSQL regex and an untranslatable SQL default are LG803 at the column', async () => {
    const { list } = await diagnostics('snowflake');
    expect(find(list, 'LG803', "code ~ '^[A-Z]{3}$'")).toMatchObject({ severity: 'warning', ...at('code:') });
    expect(find(list, 'LG803', 'nextval')).toMatchObject({ severity: 'warning', ...at('serial_no:') });
    // A portable check and the uuid key default (UUID_STRING()) are carried: no diagnostic.
    expect(list.filter((d) => d.message.includes('limit_cents') || d.message.includes('account_id'))).toEqual([]);
  });
});
