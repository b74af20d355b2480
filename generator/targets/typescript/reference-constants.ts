/**
 * A reference table's rows as TypeScript constants: the rows `as const`, an object of keys by name
 * (`TradeStatusType.settled` → 2) and the literal unions of keys and names. The rows are the definitions'
 * (what apply upserts), so code can name a status without a query and the compiler checks the name.
 */
import type { Column, Scalar, Table } from '../../model/catalog.js';
import type { LogicalTypeName } from '../../model/logical-type.js';
import { aliasDeclaration, type Declaration } from './declarations.js';
import { docComment, propertyKey, tsString } from './identifiers.js';

export interface ReferenceNames {
  readonly rows: string;
  readonly byName: string;
  readonly keyUnion: string;
  readonly nameUnion: string;
}

const STRING_TYPES: ReadonlySet<LogicalTypeName> = new Set(['text', 'varchar', 'char']);

/**
 * Each value exactly as pg returns it (so a constant equals the row read back): numbers for the small
 * integer and float types, text for bigint and numeric (at the column's scale), uuid in lower case, char(n)
 * blank-padded. Types that read back as objects (dates, intervals, jsonb, bytea) or that PostgreSQL
 * re-spells (time) are left out of the constants.
 */
const CONSTANT_VALUES: Partial<Record<LogicalTypeName, (value: Scalar, column: Column) => string>> = {
  smallint: (v) => String(v),
  integer: (v) => String(v),
  real: (v) => String(v),
  double: (v) => String(v),
  boolean: (v) => String(v),
  bigint: (v) => tsString(String(v)),
  numeric: (v, c) => tsString(numericText(String(v), c.type.scale, c.type.precision !== undefined)),
  uuid: (v) => tsString(String(v).toLowerCase()),
  text: (v) => tsString(String(v)),
  varchar: (v) => tsString(String(v)),
  char: (v, c) => tsString(padCharacters(String(v), c.type.length!)),
};

/**
 * A real column holds a float4, and pg returns the shortest decimal that reads back as the same float4. For a
 * value written with at most 6 significant digits that decimal is the value itself (a float4 tells apart every
 * such decimal); for longer ones it depends on float4 rounding that only the server's own printing gets right
 * (16777217 comes back as 16777216). So a real column is a constant only when all its values are short.
 */
function shortReal(value: Scalar): boolean {
  const digits = String(value).replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return typeof value === 'number' && digits.length <= 6 && Math.abs(value) < 3.4e38 && (value === 0 || Math.abs(value) >= 1.2e-38);
}

/** numeric output: a typmod fixes the scale; without one PostgreSQL keeps the written digits. No `-0`. */
function numericText(text: string, scale: number | undefined, fixedScale: boolean): string {
  const [whole, fraction = ''] = text.split('.');
  const digits = fixedScale ? fraction.padEnd(scale ?? 0, '0').slice(0, scale ?? 0) : fraction;
  const result = digits ? `${whole}.${digits}` : whole;
  return /^-[0.]+$/.test(result) ? result.slice(1) : result;
}

/** char(n) reads back blank-padded to n characters (code points, as PostgreSQL counts them). */
function padCharacters(value: string, length: number): string {
  return value + ' '.repeat(Math.max(0, length - [...value].length));
}

function constantColumns(table: Table): Column[] {
  return table.columns.filter((c) => CONSTANT_VALUES[c.type.name] !== undefined && table.rows.some((r) => c.name in r.values)
    && (c.type.name !== 'real' || table.rows.every((r) => r.values[c.name] === undefined || r.values[c.name] === null || shortReal(r.values[c.name]))));
}

function rowLiteral(row: Table['rows'][number], columns: readonly Column[]): string {
  const fields = columns.filter((c) => c.name in row.values).map((c) => {
    const value = row.values[c.name];
    return `${propertyKey(c.name)}: ${value === null ? 'null' : CONSTANT_VALUES[c.type.name]!(value, c)}`;
  });
  return `  { ${fields.join(', ')} },`;
}

/** The column that names a row: `<table>_name`, else the first unique text column that is not the key. */
export function nameColumn(table: Table): Column | undefined {
  const isString = (c: Column) => STRING_TYPES.has(c.type.name) && !table.primaryKey.includes(c.name);
  return table.columns.find((c) => c.name === `${table.name}_name` && isString(c)) ?? table.columns.find((c) => c.unique && isString(c));
}

/** name → key, when every row has a distinct, non-null name and the key is one column. */
function keysByName(table: Table): [string, Scalar][] | undefined {
  const name = nameColumn(table);
  if (!name || table.primaryKey.length !== 1) return undefined;
  const entries = table.rows.map((r) => [r.values[name.name], r.values[table.primaryKey[0]]] as const);
  const names = entries.map(([n]) => n);
  if (names.some((n) => typeof n !== 'string') || new Set(names).size !== names.length) return undefined;
  return entries.map(([n, key]) => [n as string, key]);
}

export function referenceConstants(table: Table, names: ReferenceNames): Declaration[] {
  const id = `${table.schema}.${table.name}`;
  const columns = constantColumns(table);
  const key = table.columns.find((c) => c.name === table.primaryKey[0]);
  const declarations: Declaration[] = [{
    doc: docComment([`The rows of ${id} in the definitions (what apply upserts), as pg returns them.`]),
    constant: { name: names.rows, value: ['[', ...table.rows.map((r) => rowLiteral(r, columns)), '] as const'].join('\n') },
  }];
  const byName = keysByName(table);
  if (key && byName && CONSTANT_VALUES[key.type.name]) {
    const name = nameColumn(table)!.name;
    const lines = byName.map(([n, k]) => `  ${propertyKey(n)}: ${k === null ? 'null' : CONSTANT_VALUES[key.type.name]!(k, key)},`);
    declarations.push({
      doc: docComment([`Keys (${key.name}) of ${id} by ${name}.`]),
      constant: { name: names.byName, value: ['{', ...lines, '} as const'].join('\n') },
    });
    declarations.push(aliasDeclaration(names.keyUnion, `(typeof ${names.byName})[keyof typeof ${names.byName}]`, [`One of the ${key.name} values of ${id}.`]));
    declarations.push(aliasDeclaration(names.nameUnion, `keyof typeof ${names.byName}`, [`One of the ${name} values of ${id}.`]));
  }
  return declarations;
}
