/** naming/*: snake_case, file name = object name, 63-byte limit, reserved words, bronze prefix. */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import { byteLength, derivedNames, MAX_IDENTIFIER_BYTES, SNAKE_CASE } from '../model/naming.js';
import { POSTGRES_RESERVED_WORDS } from '../targets/postgres/reserved-words.js';
import type { CheckContext } from './context.js';
import { defineRules } from './rule.js';

export const NAMING_RULES = defineRules('naming', {
  'snake-case': {
    code: 'LG101', severity: 'error',
    description: 'Database, schema, table, column, index and view names are snake_case (a-z, 0-9, _; starting with a letter).',
    hint: 'Rename it in snake_case, e.g. `trade_status`.',
  },
  'file-name': {
    code: 'LG102', severity: 'error',
    description: 'A definition file (or database folder) is named after the object it defines.',
    hint: 'Rename the file, or change `name:` so that both agree.',
  },
  'max-length': {
    code: 'LG103', severity: 'error',
    description: 'Names, including the constraint, index and view names lakegen derives from them, fit in 63 bytes (PostgreSQL truncates longer ones).',
    hint: 'Shorten the name; derived names add suffixes such as _pkey, _fkey or _as_of.',
  },
  'reserved-word': {
    code: 'LG104', severity: 'warning',
    description: 'A name is an SQL keyword: it works only quoted, and every hand-written query must quote it too.',
    hint: 'Prefer a name that is not a keyword, e.g. `order_date` instead of `order`.',
  },
  'bronze-prefix': {
    code: 'LG105', severity: 'error',
    description: 'Tables of a bronze schema are named with the `br_` prefix.',
    hint: 'Rename the table to start with `br_`.',
  },
});

export function checkNaming(context: CheckContext): void {
  const named = (name: string, what: string, at: SourceSpan) => checkName(context, name, what, at);
  for (const database of context.catalog.databases) {
    named(database.name, 'database', database.nameSpan);
    fileName(context, database.name, database.fileStem, 'database folder', database.nameSpan);
    for (const schema of database.schemas) {
      named(schema.name, 'schema', schema.nameSpan);
      fileName(context, schema.name, schema.fileStem, 'schema file', schema.nameSpan);
      for (const table of schema.tables) {
        named(table.name, 'table', table.spans.name);
        fileName(context, table.name, table.fileStem, 'table file', table.spans.name);
        if (schema.layer === 'bronze' && !table.name.startsWith('br_')) {
          context.report(NAMING_RULES['bronze-prefix'], table.spans.name,
            `table \`${table.name}\` is in bronze schema \`${schema.name}\` but is not named \`br_…\``,
            `Rename it to \`br_${table.name}\`.`);
        }
        for (const column of table.columns) {
          if (column.origin === 'user') named(column.name, `column of \`${table.name}\``, column.span);
        }
        if (table.temporal && !SNAKE_CASE.test(table.temporal.currentView)) {
          named(table.temporal.currentView, 'current-state view', table.spans.name);
        }
        for (const derived of derivedNames(table)) {
          if (byteLength(derived.name) > MAX_IDENTIFIER_BYTES) {
            context.report(NAMING_RULES['max-length'], table.spans.name,
              `${derived.what} \`${derived.name}\` of table \`${table.name}\` is ${byteLength(derived.name)} bytes; PostgreSQL allows ${MAX_IDENTIFIER_BYTES}`);
          }
        }
      }
    }
  }
}

function checkName(context: CheckContext, name: string, what: string, at: SourceSpan): void {
  if (!SNAKE_CASE.test(name)) {
    context.report(NAMING_RULES['snake-case'], at, `${what} \`${name}\` is not snake_case`,
      `Rename it in snake_case, e.g. \`${toSnakeCase(name)}\`.`);
  }
  if (byteLength(name) > MAX_IDENTIFIER_BYTES) {
    context.report(NAMING_RULES['max-length'], at,
      `${what} \`${name}\` is ${byteLength(name)} bytes; PostgreSQL allows ${MAX_IDENTIFIER_BYTES}`);
  }
  if (POSTGRES_RESERVED_WORDS.has(name)) {
    context.report(NAMING_RULES['reserved-word'], at, `${what} \`${name}\` is an SQL keyword`);
  }
}

function fileName(context: CheckContext, name: string, stem: string, what: string, at: SourceSpan): void {
  if (name !== stem) {
    context.report(NAMING_RULES['file-name'], at, `\`${name}\` is defined in ${what} \`${stem}\``,
      `Rename the ${what} to \`${name}\`, or set \`name: ${stem}\`.`);
  }
}

export function toSnakeCase(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  return /^[a-z]/.test(snake) ? snake : `t_${snake}`;
}
