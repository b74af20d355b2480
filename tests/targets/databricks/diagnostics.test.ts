/**
 * What Databricks cannot carry is a diagnostic at the position of the offending definition
 * (generator/check/portability-rules.ts): precision beyond 38 digits (LG801, an error), a type carried as
 * STRING (LG802: interval and time), a verbatim SQL check or default left out (LG803), keys it cannot
 * generate (LG804, once per database).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempProjects } from '../../support/project.js';
import { at, diagnostics, find } from '../snowflake/warehouse-project.js';

afterAll(removeTempProjects);

describe('databricks diagnostics', () => {
  it('numeric(50,2) is LG801, an error at the type, and stops compile', async () => {
    const { list, ok } = await diagnostics('databricks');
    expect(find(list, 'LG801', 'numeric(50,2)')).toMatchObject({
      severity: 'error', rule: 'portability/numeric-precision', ...at('"numeric(50,2)"'),
    });
    expect(ok).toBe(false);
  });

  it('interval and time are LG802, warnings at the type', async () => {
    const { list } = await diagnostics('databricks');
    expect(find(list, 'LG802', 'interval')).toMatchObject({ severity: 'warning', rule: 'portability/unsupported-type', ...at('interval?') });
    expect(find(list, 'LG802', 'time on')).toMatchObject({ severity: 'warning', ...at('time?') });
  });

  it('a check with a PostgreSQL regex, an untranslatable SQL default and the uuid key default are LG803', async () => {
    const { list } = await diagnostics('databricks');
    expect(find(list, 'LG803', "code ~ '^[A-Z]{3}$'")).toMatchObject({ severity: 'warning', ...at('code:') });
    expect(find(list, 'LG803', 'nextval')).toMatchObject({ severity: 'warning', ...at('serial_no:') });
    expect(list.filter((d) => d.message.includes('limit_cents'))).toEqual([]);
  });

  it('keys Databricks cannot generate are one LG804 per database, at the first of them, naming them', async () => {
    const { list } = await diagnostics('databricks');
    // A Databricks column default must be constant: uuid() cannot be one.
    const generated = list.filter((d) => d.code === 'LG804');
    expect(generated).toHaveLength(1);
    expect(generated[0]).toMatchObject({ severity: 'warning', rule: 'portability/generated-key', ...at('account_id:') });
    expect(generated[0].message).toMatch(/a key is not generated: .*`uuid\(\)` cannot be one, and writers supply `core\.account\.account_id`$/);
    expect(list.filter((d) => d.code === 'LG803' && d.message.includes('account_id'))).toEqual([]);
    const { list: snowflake } = await diagnostics('snowflake');
    expect(snowflake.filter((d) => d.code === 'LG804')).toEqual([]); // Snowflake generates them: DEFAULT UUID_STRING()
  });
});
