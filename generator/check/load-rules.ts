import { defineRules } from './rule.js';

/** Problems found before a Catalog exists: reading files and checking their structure. */
export const LOAD_RULES = defineRules('load', {
  'yaml-syntax': {
    code: 'LG001', severity: 'error',
    description: 'A definition file is not valid YAML.',
    hint: 'Fix the YAML syntax at this position.',
  },
  structure: {
    code: 'LG002', severity: 'error',
    description: 'A definition does not match the DSL (JSON Schema): unknown key, wrong type, missing field.',
    hint: 'See the DSL in the README; the editor completes keys when the file carries the yaml-language-server line.',
  },
  csv: {
    code: 'LG003', severity: 'error',
    description: 'A reference table CSV file cannot be read (quotes, delimiters).',
    hint: 'The first line of the CSV names the columns; quote values that contain commas, quotes or newlines.',
  },
  layout: {
    code: 'LG004', severity: 'error',
    description: 'The definitions folder does not follow the layout <database>/{database.yaml,schemas/,tables/<schema>/}.',
    hint: 'Move the file to where its kind belongs, or remove it.',
  },
  duplicate: {
    code: 'LG005', severity: 'error',
    description: 'Two files define the same object.',
    hint: 'Keep one definition per object (a table is either <name>.yaml or <name>.ts).',
  },
  'definition-error': {
    code: 'LG006', severity: 'error',
    description: 'A TypeScript definition throws when loaded or exports no definition.',
    hint: 'Export the definition as the default export: export default table({ … }).',
  },
  config: {
    code: 'LG007', severity: 'error',
    description: 'lakegen.config.yaml is invalid.',
    hint: 'See the configuration keys in the README.',
  },
});

export type LoadRuleName = keyof typeof LOAD_RULES;
