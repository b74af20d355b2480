#!/usr/bin/env node
// Synthetic lakegen project for benchmarks (DESIGN.md §3 DSL, §5 conventions).
//
//   node bench/synthetic-project.mjs <dir> <N> [yaml|ts]
//
// Writes <dir>/definitions/synth/… : one database `synth`, max(3, round(N/100)) schemas spread
// over bronze → silver → gold, and N tables (≈15 % reference, ≈70 % transactional, ≈15 % temporal).
// Plain Node, no dependencies, no TypeScript. Deterministic: the same N gives the same bytes
// (seeded PRNG, no Math.random, no clock), and `format` changes only how tables are written.
//
// Invariants the output keeps (so that a correct compiler reports no error on it):
// - names are snake_case, unique in the database, ≤ 63 bytes, never a PostgreSQL reserved word;
//   every table in a bronze schema starts with `br_`;
// - reference tables end in `_type`: smallint `<table>_id` primary key, `<table>_name varchar(50)
//   unique`, 3–6 rows; transactional tables: uuid `<table>_id` primary key; temporal tables end in
//   `_hist` with `key: [<name>_id]` (integer) and no written primary key;
// - a table references only tables generated before it (no cycles), and tables are generated layer
//   by layer, so a reference never points from a lower layer to a higher one; references target a
//   reference table (smallint) or a transactional table (uuid), never a temporal one;
// - the kinds' added columns (effective_time, is_active, systime, sys_start, sys_end) are never written.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATABASE_NAME = 'synth';
const LAYERS = ['bronze', 'silver', 'gold'];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** FNV-1a, 32 bit: turns the seed text into a PRNG seed. */
function hashText(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: small, fast, good enough for test data, and identical on every platform. */
class Random {
  constructor(seedText) {
    this.state = hashText(seedText);
  }
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both inclusive. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks from [{ weight, … }]. */
  weighted(items) {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let x = this.next() * total;
    for (const item of items) {
      x -= item.weight;
      if (x < 0) return item;
    }
    return items[items.length - 1];
  }
  shuffled(items) {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (none of these is a PostgreSQL reserved word or a column a kind adds)

const TRANSACTIONAL_NOUNS = [
  'order', 'invoice', 'payment', 'shipment', 'trade', 'booking', 'ticket', 'contract', 'claim',
  'transfer', 'delivery', 'refund', 'visit', 'reading', 'message',
];
const REFERENCE_NOUNS = [
  'status', 'channel', 'category', 'priority', 'region', 'currency', 'segment', 'source', 'reason',
  'method',
];
const TEMPORAL_NOUNS = [
  'customer', 'account', 'product', 'employee', 'supplier', 'portfolio', 'instrument', 'store',
];
const ROW_NAMES = [
  'pending', 'active', 'settled', 'cancelled', 'rejected', 'archived', 'draft', 'approved', 'closed',
  'expired', 'suspended', 'submitted',
];

/** Column families by logical type: the names a column of that type may take. */
const COLUMN_FAMILIES = [
  { kind: 'integer', weight: 12, names: ['quantity', 'score', 'retry_count', 'line_count', 'rank_no', 'age_days'] },
  { kind: 'bigint', weight: 6, names: ['sequence_no', 'byte_size', 'external_seq', 'event_count'] },
  { kind: 'text', weight: 10, names: ['title', 'summary', 'address_line', 'label'] },
  { kind: 'text?', weight: 10, names: ['note', 'remark', 'comment_text', 'free_text'] },
  { kind: 'varchar', weight: 12, names: ['external_ref', 'email', 'phone', 'region_code', 'country_code', 'currency_code', 'code_value'] },
  { kind: 'numeric', weight: 12, names: ['amount', 'unit_price', 'rate', 'weight_kg', 'balance', 'fee'] },
  { kind: 'boolean', weight: 8, names: ['is_enabled', 'is_verified', 'is_flagged', 'is_archived'] },
  { kind: 'date', weight: 8, names: ['opened_on', 'closed_on', 'valid_on', 'due_on', 'birth_on'] },
  { kind: 'timestamptz', weight: 8, names: ['created_at', 'updated_at', 'processed_at', 'received_at'] },
  { kind: 'jsonb', weight: 6, names: ['payload', 'attributes', 'metadata', 'extra_data'] },
];
const VARCHAR_LENGTHS = [16, 32, 64, 128, 255];
const NUMERIC_SHAPES = [[10, 2], [18, 4], [12, 6], [38, 10]];

// ---------------------------------------------------------------------------------------------
// The model: plain objects in the exact key order they are written

/** Builds the project in memory: { database, schemas: [{ name, layer, description? }], tables: [{ schema, layer, table }] }. */
export function buildSyntheticProject(tableCount) {
  if (!Number.isInteger(tableCount) || tableCount < 1) throw new Error(`tables must be a positive integer, got ${tableCount}`);
  const random = new Random(`lakegen-synthetic:${tableCount}`);
  const schemas = buildSchemas(Math.max(3, Math.round(tableCount / 100)), random);
  const width = Math.max(4, String(tableCount - 1).length);
  const earlier = { reference: [], transactional: [] };
  const tables = [];

  for (let i = 0; i < tableCount; i++) {
    const schema = schemas[Math.floor((i * schemas.length) / tableCount)];
    const prefix = schema.layer === 'bronze' ? 'br_' : '';
    const number = String(i).padStart(width, '0');
    const kind = kindOf(i);
    let table;
    if (kind === 'reference') {
      table = referenceTable(`${prefix}${random.pick(REFERENCE_NOUNS)}_${number}_type`, random);
    } else if (kind === 'temporal') {
      table = temporalTable(`${prefix}${random.pick(TEMPORAL_NOUNS)}_${number}`, earlier, random);
    } else {
      table = transactionalTable(`${prefix}${random.pick(TRANSACTIONAL_NOUNS)}_${number}`, earlier, random);
    }
    if (kind !== 'temporal') {
      earlier[kind].push({
        ref: `${schema.name}.${table.name}`,
        name: table.name,
        keyColumn: table.primary_key[0],
        keyType: kind === 'reference' ? 'smallint' : 'uuid',
      });
    }
    tables.push({ schema: schema.name, layer: schema.layer, table });
  }

  return {
    database: { name: DATABASE_NAME, description: 'Synthetic benchmark project' },
    schemas,
    tables,
  };
}

/** Fixed 20-table pattern: 3 reference (the first table is one), 14 transactional, 3 temporal. */
function kindOf(index) {
  const slot = index % 20;
  if (slot === 0 || slot === 7 || slot === 14) return 'reference';
  if (slot === 4 || slot === 11 || slot === 17) return 'temporal';
  return 'transactional';
}

/** Schemas in layer order, so that tables (assigned in order) only ever see same- or lower-layer tables. */
function buildSchemas(count, random) {
  const bronze = Math.ceil(count / 3);
  const silver = Math.ceil((count - bronze) / 2);
  const perLayer = { bronze, silver, gold: count - bronze - silver };
  const schemas = [];
  for (const layer of LAYERS) {
    const width = Math.max(2, String(perLayer[layer] - 1).length);
    for (let i = 0; i < perLayer[layer]; i++) {
      const schema = { name: `${layer}_${String(i).padStart(width, '0')}`, layer };
      if (random.chance(0.5)) schema.description = `Synthetic ${layer} schema number ${i}`;
      schemas.push(schema);
    }
  }
  return schemas;
}

function referenceTable(name, random) {
  const table = { name, kind: 'reference' };
  if (random.chance(0.4)) table.description = `Codes for ${name.replace(/_/g, ' ')}`;
  const idColumn = `${name}_id`;
  const nameColumn = `${name}_name`;
  table.columns = {
    [idColumn]: 'smallint',
    [nameColumn]: { type: 'varchar(50)', unique: true },
  };
  table.primary_key = [idColumn];
  const labels = random.shuffled(ROW_NAMES).slice(0, random.int(3, 6));
  table.rows = labels.map((label, i) => ({ [idColumn]: i + 1, [nameColumn]: label }));
  return table;
}

function transactionalTable(name, earlier, random) {
  const table = { name, kind: 'transactional' };
  if (random.chance(0.4)) table.description = describe(name, random);
  const idColumn = `${name}_id`;
  const columns = { [idColumn]: 'uuid' };
  const total = random.int(5, 12);

  const referenceTargets = pickTargets(earlier.reference, random.weighted([
    { n: 0, weight: 30 }, { n: 1, weight: 55 }, { n: 2, weight: 15 },
  ]).n, random);
  const transactionalTargets = pickTargets(earlier.transactional, random.weighted([
    { n: 0, weight: 45 }, { n: 1, weight: 45 }, { n: 2, weight: 10 },
  ]).n, random);
  const foreignKeys = [];
  for (const target of [...referenceTargets, ...transactionalTargets]) {
    const column = target.keyColumn;
    columns[column] = foreignKeyColumn(target, random);
    foreignKeys.push(column);
  }
  addPlainColumns(columns, total, random);
  table.columns = columns;
  table.primary_key = [idColumn];

  const indexes = [];
  if (foreignKeys.length > 0 && random.chance(0.6)) indexes.push({ columns: [foreignKeys[0]] });
  if (foreignKeys.length > 1 && random.chance(0.3)) indexes.push({ columns: [foreignKeys[1], 'effective_time'] });
  const dated = Object.keys(columns).find((c) => /_(on|at)$/.test(c));
  if (dated && random.chance(0.25)) indexes.push({ columns: [dated] });
  if (indexes.length > 0) table.indexes = indexes;
  return table;
}

function temporalTable(baseName, earlier, random) {
  const name = `${baseName}_hist`;
  const table = { name, kind: 'temporal' };
  if (random.chance(0.4)) table.description = describe(name, random);
  const keyColumn = `${baseName}_id`;
  table.key = [keyColumn];
  if (random.chance(0.2)) table.current_view = `${baseName}_current`;
  const columns = { [keyColumn]: 'integer' };
  const total = random.int(4, 8);
  let foreignKey;
  if (random.chance(0.3)) {
    const [target] = pickTargets(earlier.reference, 1, random);
    if (target) {
      foreignKey = target.keyColumn;
      columns[foreignKey] = foreignKeyColumn(target, random);
    }
  }
  // every version repeats a value, so temporal columns are never unique (rule temporal/unique-column)
  addPlainColumns(columns, total, random, { allowUnique: false });
  table.columns = columns;
  if (random.chance(0.3)) {
    const indexed = foreignKey ?? Object.keys(columns)[1];
    table.indexes = [{ columns: [indexed] }];
  }
  return table;
}

/** Up to `count` distinct earlier tables; mostly recent ones (≈ the same schema), sometimes any earlier one. */
function pickTargets(candidates, count, random) {
  const picked = [];
  for (let attempt = 0; picked.length < Math.min(count, candidates.length) && attempt < 10; attempt++) {
    const recent = random.chance(0.6);
    const from = recent ? Math.max(0, candidates.length - 30) : 0;
    const target = candidates[random.int(from, candidates.length - 1)];
    if (!picked.includes(target)) picked.push(target);
  }
  return picked;
}

function foreignKeyColumn(target, random) {
  const column = { type: target.keyType };
  if (random.chance(0.3)) column.nullable = true;
  column.references = target.ref;
  if (random.chance(0.2)) column.on_delete = 'restrict';
  if (random.chance(0.1)) column.description = `The ${target.name.replace(/_/g, ' ')} this row belongs to`;
  return column;
}

/** Fills `columns` up to `total` with varied logical types; names are unique within the table. */
function addPlainColumns(columns, total, random, { allowUnique = true } = {}) {
  while (Object.keys(columns).length < total) {
    const family = random.weighted(COLUMN_FAMILIES);
    let name = random.pick(family.names);
    for (let n = 2; name in columns; n++) name = `${random.pick(family.names)}_${n}`;
    const column = plainColumn(name, family.kind, random);
    if (!allowUnique) delete column.unique;
    columns[name] = column;
  }
}

function plainColumn(name, kind, random) {
  const nullable = kind === 'text?' || random.chance(0.2);
  const column = { type: kind === 'text?' ? 'text' : kind };
  switch (kind) {
    case 'varchar':
      column.type = `varchar(${random.pick(VARCHAR_LENGTHS)})`;
      if (random.chance(0.1)) column.unique = true;
      break;
    case 'numeric': {
      const [precision, scale] = random.pick(NUMERIC_SHAPES);
      column.type = `numeric(${precision},${scale})`;
      if (random.chance(0.2)) column.check = `${name} >= 0`;
      break;
    }
    case 'integer':
      if (random.chance(0.15)) column.default = 0;
      if (random.chance(0.15)) column.check = `${name} >= 0`;
      break;
    case 'text':
      if (random.chance(0.1)) column.default = 'n/a';
      break;
    case 'boolean':
      if (!nullable && random.chance(0.5)) column.default = false;
      break;
    case 'timestamptz':
      if (random.chance(0.3)) column.default = { sql: 'now()' };
      break;
    default:
      break;
  }
  if (random.chance(0.12)) column.description = describe(name, random);

  const extras = Object.keys(column).length > 1;
  if (!extras) return nullable ? `${column.type}?` : column.type; // shorthand: `name: type` / `name: type?`
  if (!nullable) return column;
  const { type, ...rest } = column;
  return { type, nullable: true, ...rest };
}

function describe(name, random) {
  const words = name.replace(/_/g, ' ');
  return random.pick([
    `Synthetic ${words}`,
    `The ${words}, as recorded by the source system`,
    `Synthetic ${words}'s details`,
    `${words}: generated for benchmarks`,
  ]);
}

// ---------------------------------------------------------------------------------------------
// YAML writer (the exact shapes of DESIGN.md §3; every file is checked with the `yaml` package
// by bench/check-synthetic.mjs)

const YAML_SPECIAL = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

function yamlScalar(value, flow) {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const plainIdentifier = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(value) && !YAML_SPECIAL.has(value);
  const plainText = !flow && /^[A-Za-z][A-Za-z0-9 ]*[A-Za-z0-9]$/.test(value) && !YAML_SPECIAL.has(value.toLowerCase());
  return plainIdentifier || plainText ? value : JSON.stringify(value);
}

/** Shorthand column types: plain when that reads as in the design (`uuid`, `text?`), quoted when they hold `(`. */
function yamlType(type) {
  return /^[a-z]+\??$/.test(type) ? type : JSON.stringify(type);
}

function yamlFlowMap(object) {
  const parts = Object.entries(object).map(([key, value]) => {
    if (key === 'type') return `type: ${yamlType(value)}`;
    if (value !== null && typeof value === 'object') return `${key}: ${yamlFlowMap(value)}`;
    return `${key}: ${yamlScalar(value, true)}`;
  });
  return `{ ${parts.join(', ')} }`;
}

const yamlFlowList = (items) => `[${items.map((item) => yamlScalar(item, true)).join(', ')}]`;

function tableYaml(table) {
  const lines = [];
  for (const [key, value] of Object.entries(table)) {
    switch (key) {
      case 'columns':
        lines.push('columns:');
        for (const [column, spec] of Object.entries(value)) {
          lines.push(`  ${column}: ${typeof spec === 'string' ? yamlType(spec) : yamlFlowMap(spec)}`);
        }
        break;
      case 'key':
      case 'primary_key':
        lines.push(`${key}: ${yamlFlowList(value)}`);
        break;
      case 'indexes':
        lines.push('indexes:');
        for (const index of value) lines.push(`  - columns: ${yamlFlowList(index.columns)}`);
        break;
      case 'rows':
        lines.push('rows:');
        for (const row of value) lines.push(`  - ${yamlFlowMap(row)}`);
        break;
      default:
        lines.push(`${key}: ${yamlScalar(value, false)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function simpleYaml(object) {
  return Object.entries(object).map(([key, value]) => `${key}: ${yamlScalar(value, false)}\n`).join('');
}

// ---------------------------------------------------------------------------------------------
// TypeScript writer: the same object literal inside `table({ … })`

function tsScalar(value) {
  if (typeof value !== 'string') return String(value);
  if (value.includes("'")) return JSON.stringify(value); // "it's" reads better than 'it\'s'
  return `'${value.replace(/\\/g, '\\\\')}'`;
}

function tsInline(value) {
  if (Array.isArray(value)) return `[${value.map(tsInline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${tsInline(v)}`).join(', ')} }`;
  }
  return tsScalar(value);
}

function tableTs(table) {
  const lines = ["import { table } from 'lakegen';", '', 'export default table({'];
  for (const [key, value] of Object.entries(table)) {
    if (key === 'columns') {
      lines.push('  columns: {');
      for (const [column, spec] of Object.entries(value)) lines.push(`    ${column}: ${tsInline(spec)},`);
      lines.push('  },');
    } else if (key === 'indexes' || key === 'rows') {
      lines.push(`  ${key}: [`);
      for (const item of value) lines.push(`    ${tsInline(item)},`);
      lines.push('  ],');
    } else {
      lines.push(`  ${key}: ${tsInline(value)},`);
    }
  }
  lines.push('});', '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes the synthetic project into `<dir>/definitions/` (replacing a previous one there) and
 * `<dir>/lakegen.config.yaml`.
 * Returns { definitions, schemas, tables, files, bytes }.
 */
export function writeSyntheticProject(dir, { tables: tableCount, format = 'yaml' } = {}) {
  if (format !== 'yaml' && format !== 'ts') throw new Error(`format must be 'yaml' or 'ts', got ${format}`);
  const project = buildSyntheticProject(tableCount);
  const definitions = join(resolve(dir), 'definitions');
  const databaseDir = join(definitions, project.database.name);
  rmSync(definitions, { recursive: true, force: true });
  mkdirSync(join(databaseDir, 'schemas'), { recursive: true });

  let files = 0;
  let bytes = 0;
  const write = (path, text) => {
    writeFileSync(path, text);
    files += 1;
    bytes += Buffer.byteLength(text);
  };

  // as `lakegen init` scaffolds it: real projects have a config, and reading it is part of every run
  write(join(resolve(dir), 'lakegen.config.yaml'),
    '# lakegen configuration (synthetic benchmark project)\ndefinitions: definitions\noutput: generated\n');
  write(join(databaseDir, 'database.yaml'), simpleYaml(project.database));
  for (const schema of project.schemas) {
    write(join(databaseDir, 'schemas', `${schema.name}.yaml`), simpleYaml(schema));
    mkdirSync(join(databaseDir, 'tables', schema.name), { recursive: true });
  }
  for (const { schema, table } of project.tables) {
    const path = join(databaseDir, 'tables', schema, `${table.name}.${format}`);
    write(path, format === 'yaml' ? tableYaml(table) : tableTs(table));
  }
  return { definitions, schemas: project.schemas.length, tables: project.tables.length, files, bytes };
}

// ---------------------------------------------------------------------------------------------
// CLI

function main(argv) {
  const [dir, count, format = 'yaml'] = argv;
  const tables = Number(count);
  if (!dir || !Number.isInteger(tables) || tables < 1 || (format !== 'yaml' && format !== 'ts')) {
    process.stderr.write('usage: node bench/synthetic-project.mjs <dir> <N> [yaml|ts]\n');
    return 2;
  }
  const summary = writeSyntheticProject(dir, { tables, format });
  process.stdout.write(
    `wrote ${summary.definitions}: ${summary.schemas} schemas, ${summary.tables} tables, ` +
      `${summary.files} files, ${(summary.bytes / 1024).toFixed(1)} KiB\n`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
