import { defineRules } from './rule.js';

/** Problems found while building the Catalog: names that point nowhere, values that do not fit. */
export const MODEL_RULES = defineRules('model', {
  'unknown-column': {
    code: 'LG010', severity: 'error',
    description: 'A primary key, business key or index names a column the table does not have.',
    hint: 'Name one of the table\'s columns, or add the column.',
  },
  'duplicate-object': {
    code: 'LG011', severity: 'error',
    description: 'Two schemas or tables of one database share a name, or a view name collides with a table.',
    hint: 'Rename one of them.',
  },
  'unknown-schema': {
    code: 'LG012', severity: 'error',
    description: 'A tables/<schema>/ folder has no schemas/<schema>.yaml.',
    hint: 'Create the schema file, or move the table to an existing schema folder.',
  },
});

export const ROWS_RULES = defineRules('rows', {
  type: {
    code: 'LG701', severity: 'error',
    description: 'A reference row value does not match its column\'s type.',
    hint: 'Write a value of the column\'s type (quote text, use numbers for numeric columns).',
  },
  'duplicate-key': {
    code: 'LG702', severity: 'error',
    description: 'Two reference rows have the same primary key.',
    hint: 'Give every row its own key; rows are upserted by key.',
  },
  'not-null': {
    code: 'LG703', severity: 'error',
    description: 'A reference row leaves a NOT NULL column without a value or default.',
    hint: 'Give the row a value for the column, or make the column nullable.',
  },
  'unknown-column': {
    code: 'LG704', severity: 'error',
    description: 'A reference row sets a column the table does not have, or one lakegen manages (`is_active`, `systime`).',
    hint: 'Use the table\'s column names.',
  },
  'missing-referenced-row': {
    code: 'LG706', severity: 'error',
    description: 'A reference row points at a row that the referenced reference table does not define (apply fails on the foreign key).',
    hint: 'Add the row to the referenced table, or point at one of its rows.',
  },
  'duplicate-unique': {
    code: 'LG705', severity: 'error',
    description: 'Two reference rows share a value of a unique column or unique index (compared as PostgreSQL compares them).',
    hint: 'Unique columns (e.g. the name) must differ between rows.',
  },
});
