import { defineRules } from './rule.js';

/** What a target cannot carry. Emitted by the targets; listed here with every other rule. */
export const PORTABILITY_RULES = defineRules('portability', {
  'numeric-precision': {
    code: 'LG801', severity: 'error',
    description: 'A numeric precision exceeds what a target supports (Snowflake and Databricks: 38 digits).',
    hint: 'Reduce the precision to 38 or less, or disable the target.',
  },
  'unsupported-type': {
    code: 'LG802', severity: 'warning',
    description: 'A type has no faithful equivalent on a target and is carried as another type (e.g. interval as text on Databricks).',
    hint: 'Check the portability report for the type the target uses; change the logical type if that is not acceptable.',
  },
  'sql-expression': {
    code: 'LG803', severity: 'warning',
    description: 'A verbatim SQL default or check may not be valid on a target and is carried as written or left out.',
    hint: 'Check the generated DDL for the target; prefer a literal default where possible.',
  },
  'typescript-name': {
    code: 'LG805', severity: 'warning',
    description: 'A column name the TypeScript client cannot type: every object literal inherits `constructor` from Object.prototype, so TypeScript rejects an insert, update or filter that leaves the column out.',
    hint: 'Rename the column (e.g. `constructor_name`); if you do not use the TypeScript client, turn LG805 off in lakegen.config.yaml.',
  },
  'generated-key': {
    code: 'LG804', severity: 'warning',
    description: 'Keys that PostgreSQL generates (transactional uuid keys, `gen_random_uuid()`) have no generated form on a target, so writers must supply them. One diagnostic per database and target, naming the tables.',
    hint: 'Have the pipelines that load these tables supply the key (e.g. uuid() in the INSERT); once they do, turn LG804 off in lakegen.config.yaml (rules: { LG804: off }).',
  },
});
