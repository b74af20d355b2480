import { defineRules } from './rule.js';

export const REFERENCES_RULES = defineRules('references', {
  'target-exists': {
    code: 'LG501', severity: 'error',
    description: 'A reference names a table or column that does not exist.',
    hint: 'Write references: schema.table (or schema.table.column) of an existing table in the same database.',
  },
  'type-mismatch': {
    code: 'LG502', severity: 'error',
    description: 'A referencing column\'s type differs from the referenced column\'s type.',
    hint: 'Give both columns the same logical type.',
  },
  'temporal-target': {
    code: 'LG503', severity: 'error',
    description: 'A reference to a temporal table is not a plain foreign key: its business key is unique only among open versions.',
    hint: 'Reference the business key and mark the reference `logical: true` (documented, not enforced by a foreign key).',
  },
  cycle: {
    code: 'LG504', severity: 'error',
    description: 'Tables reference each other in a cycle that no deferrable or nullable reference breaks.',
    hint: 'Make one reference of the cycle nullable or `deferrable: true`, so that rows can be inserted.',
  },
  'target-key': {
    code: 'LG505', severity: 'error',
    description: 'A reference targets a column that is neither the primary key nor unique.',
    hint: 'Reference the primary key, or a column marked `unique: true`.',
  },
  'set-null-not-nullable': {
    code: 'LG506', severity: 'error',
    description: '`on_delete: set_null` on a NOT NULL column can never succeed.',
    hint: 'Make the column nullable, or choose another action.',
  },
});
