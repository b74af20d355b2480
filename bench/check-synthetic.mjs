#!/usr/bin/env node
// Sanity check of a synthetic project written by bench/synthetic-project.mjs — independent of the
// compiler, so the benchmark input is known-good even while the compiler is being written.
//
//   node bench/check-synthetic.mjs <dir>/definitions [<ts-dir>/definitions]
//
// Parses every file (YAML with the `yaml` package; .ts by evaluating the object literal inside
// `table({ … })`), checks the invariants listed at the top of synthetic-project.mjs and, given a
// second tree, that it holds the same tables. Exits 1 on the first list of problems.
// Not a test: nothing under bench/ is imported by tests.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';

const LAYER_RANK = { bronze: 0, silver: 1, gold: 2 };
const ADDED_COLUMNS = {
  reference: ['is_active', 'systime'],
  transactional: ['effective_time'],
  temporal: ['sys_start', 'sys_end'],
};
const LOGICAL_TYPE = /^(smallint|integer|bigint|uuid|text|varchar\(\d+\)|char\(\d+\)|numeric\(\d+,\d+\)|real|double|boolean|date|time|timestamp|timestamptz|interval|jsonb|bytea)\??$/;
const SNAKE = /^[a-z][a-z0-9_]*$/;

function reservedWords() {
  const source = join(dirname(fileURLToPath(import.meta.url)), '..', 'generator', 'targets', 'postgres', 'reserved-words.ts');
  if (!existsSync(source)) return new Set();
  return new Set([...readFileSync(source, 'utf8').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]));
}

function readTs(path) {
  const text = readFileSync(path, 'utf8');
  const match = /^import \{ table \} from 'lakegen';\n\nexport default table\((\{[\s\S]*\})\);\n$/.exec(text);
  if (!match) throw new Error(`${path}: not of the form import { table } … export default table({ … })`);
  return new Function(`return (${match[1]});`)();
}

function load(definitions) {
  const [database] = readdirSync(definitions);
  const root = join(definitions, database);
  const project = { root, database: parse(readFileSync(join(root, 'database.yaml'), 'utf8')), schemas: new Map(), tables: [] };
  for (const file of readdirSync(join(root, 'schemas')).sort()) {
    project.schemas.set(basename(file, '.yaml'), parse(readFileSync(join(root, 'schemas', file), 'utf8')));
  }
  for (const schema of readdirSync(join(root, 'tables')).sort()) {
    for (const file of readdirSync(join(root, 'tables', schema)).sort()) {
      const path = join(root, 'tables', schema, file);
      const ext = extname(file);
      const table = ext === '.ts' ? readTs(path) : parse(readFileSync(path, 'utf8'));
      project.tables.push({ schema, file: basename(file, ext), path: relative(definitions, path), table });
    }
  }
  return project;
}

const spec = (column) => (typeof column === 'string' ? { type: column } : column);
const baseType = (type) => type.replace(/\?$/, '');

function check(project) {
  const problems = [];
  const fail = (where, message) => problems.push(`${where}: ${message}`);
  const reserved = reservedWords();
  const name = (where, n) => {
    if (!SNAKE.test(n)) fail(where, `${n} is not snake_case`);
    if (Buffer.byteLength(n) > 63) fail(where, `${n} is longer than 63 bytes`);
    if (reserved.has(n)) fail(where, `${n} is a reserved word`);
  };

  if (project.database.name !== basename(project.root)) fail('database.yaml', 'name ≠ folder');
  for (const [file, schema] of project.schemas) {
    if (schema.name !== file) fail(`schemas/${file}`, 'name ≠ file name');
    if (!(schema.layer in LAYER_RANK)) fail(`schemas/${file}`, `layer ${schema.layer}`);
    name(`schemas/${file}`, schema.name);
  }

  const byRef = new Map();
  const relationNames = new Map(); // schema → names of tables and views
  for (const entry of project.tables) {
    const { schema, table, path } = entry;
    if (table.name !== entry.file) fail(path, 'name ≠ file name');
    if (!project.schemas.has(schema)) fail(path, `schema ${schema} has no schemas/${schema}.yaml`);
    const names = relationNames.get(schema) ?? new Set();
    relationNames.set(schema, names);
    const views = table.kind === 'temporal' ? [table.current_view ?? table.name.replace(/_hist$/, '')] : [];
    for (const n of [table.name, ...views]) {
      name(path, n);
      if (names.has(n)) fail(path, `${n} is not unique in ${schema}`);
      names.add(n);
    }
    if (byRef.has(table.name)) fail(path, `table name ${table.name} repeats in the database`);
    byRef.set(`${schema}.${table.name}`, entry);
    byRef.set(table.name, entry);
    if (project.schemas.get(schema)?.layer === 'bronze' && !table.name.startsWith('br_')) fail(path, 'bronze table without br_');
  }

  const counts = { reference: 0, transactional: 0, temporal: 0, references: 0, crossSchema: 0, indexes: 0 };
  const edges = new Map();
  for (const { schema, table, path } of project.tables) {
    counts[table.kind] += 1;
    const columns = Object.fromEntries(Object.entries(table.columns).map(([c, s]) => [c, spec(s)]));
    const columnNames = Object.keys(columns);
    for (const [c, s] of Object.entries(columns)) {
      name(path, c);
      if (!LOGICAL_TYPE.test(s.type)) fail(path, `${c}: bad type ${s.type}`);
      if (ADDED_COLUMNS[table.kind]?.includes(c)) fail(path, `${c} is added by the kind; not written`);
      if (s.check && !s.check.startsWith(`${c} `)) fail(path, `${c}: check ${s.check}`);
    }
    if (table.kind === 'reference') {
      const id = `${table.name}_id`;
      const label = `${table.name}_name`;
      if (!table.name.endsWith('_type')) fail(path, 'reference name must end in _type');
      if (!isDeepStrictEqual(columnNames, [id, label])) fail(path, `columns ${columnNames}`);
      if (columns[id]?.type !== 'smallint') fail(path, 'id not smallint');
      if (columns[label]?.type !== 'varchar(50)' || columns[label]?.unique !== true) fail(path, 'name column');
      if (!isDeepStrictEqual(table.primary_key, [id])) fail(path, 'primary key');
      if (!(table.rows?.length >= 3 && table.rows.length <= 6)) fail(path, `${table.rows?.length} rows`);
      const ids = new Set(table.rows.map((r) => r[id]));
      const labels = new Set(table.rows.map((r) => r[label]));
      if (ids.size !== table.rows.length || labels.size !== table.rows.length) fail(path, 'row keys/names repeat');
      for (const row of table.rows) {
        if (!isDeepStrictEqual(Object.keys(row), [id, label])) fail(path, `row ${JSON.stringify(row)}`);
        if (!Number.isInteger(row[id]) || row[id] < 1 || row[id] > 32767) fail(path, `row id ${row[id]}`);
        if (typeof row[label] !== 'string' || row[label].length > 50) fail(path, `row name ${row[label]}`);
      }
    } else if (table.kind === 'transactional') {
      const id = `${table.name}_id`;
      if (columns[id]?.type !== 'uuid' || !isDeepStrictEqual(table.primary_key, [id])) fail(path, 'uuid primary key');
      if (columnNames.length < 5 || columnNames.length > 12) fail(path, `${columnNames.length} columns`);
    } else if (table.kind === 'temporal') {
      const key = `${table.name.replace(/_hist$/, '')}_id`;
      if (!table.name.endsWith('_hist')) fail(path, 'temporal name must end in _hist');
      if (!isDeepStrictEqual(table.key, [key]) || columns[key]?.type !== 'integer') fail(path, 'business key');
      if ('primary_key' in table) fail(path, 'temporal tables derive their primary key');
      if (columnNames.length < 4 || columnNames.length > 8) fail(path, `${columnNames.length} columns`);
    } else {
      fail(path, `kind ${table.kind}`);
    }

    const from = `${schema}.${table.name}`;
    edges.set(from, []);
    for (const [c, s] of Object.entries(columns)) {
      if (!s.references) continue;
      counts.references += 1;
      const target = byRef.get(s.references);
      if (!target || !s.references.includes('.')) {
        fail(path, `${c} references ${s.references}, which does not exist`);
        continue;
      }
      if (target.schema !== schema) counts.crossSchema += 1;
      const targetKey = target.table.primary_key?.[0];
      if (target.table.kind === 'temporal' || !targetKey) fail(path, `${c} references a temporal table`);
      else if (baseType(spec(target.table.columns[targetKey]).type) !== baseType(s.type)) fail(path, `${c}: type ${s.type} ≠ target key type`);
      const sourceRank = LAYER_RANK[project.schemas.get(schema).layer];
      const targetRank = LAYER_RANK[project.schemas.get(target.schema).layer];
      if (targetRank > sourceRank) fail(path, `${c}: reference from a lower layer to a higher one (${s.references})`);
      edges.get(from).push(s.references);
    }
    for (const index of table.indexes ?? []) {
      counts.indexes += 1;
      for (const c of index.columns) {
        if (!columnNames.includes(c) && !ADDED_COLUMNS[table.kind].includes(c)) fail(path, `index on unknown column ${c}`);
      }
    }
  }

  // Cycles: iterative depth-first search over the reference graph.
  const state = new Map();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const stack = [[start, 0]];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const next = edges.get(top[0])?.[top[1]++];
      if (next === undefined) {
        state.set(top[0], 'done');
        stack.pop();
      } else if (state.get(next) === 'open') {
        fail(top[0], `reference cycle through ${next}`);
      } else if (!state.has(next)) {
        state.set(next, 'open');
        stack.push([next, 0]);
      }
    }
  }
  return { problems, counts };
}

function comparable(project) {
  return project.tables.map(({ schema, table }) => ({ schema, table }));
}

function main([definitions, tsDefinitions]) {
  if (!definitions) {
    process.stderr.write('usage: node bench/check-synthetic.mjs <dir>/definitions [<ts-dir>/definitions]\n');
    return 2;
  }
  const project = load(definitions);
  const { problems, counts } = check(project);
  if (tsDefinitions) {
    const ts = load(tsDefinitions);
    problems.push(...check(ts).problems.map((p) => `[ts] ${p}`));
    if (!isDeepStrictEqual(comparable(project), comparable(ts))) problems.push('the .ts tree does not hold the same tables as the YAML tree');
    if (!isDeepStrictEqual([...project.schemas], [...ts.schemas])) problems.push('schemas differ between the trees');
  }
  const total = project.tables.length;
  const pct = (n) => `${((100 * n) / total).toFixed(1)} %`;
  process.stdout.write(
    `${definitions}: ${project.schemas.size} schemas, ${total} tables — ` +
      `reference ${counts.reference} (${pct(counts.reference)}), transactional ${counts.transactional} ` +
      `(${pct(counts.transactional)}), temporal ${counts.temporal} (${pct(counts.temporal)}); ` +
      `${counts.references} references (${counts.crossSchema} across schemas), ${counts.indexes} indexes\n`,
  );
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} problem(s):\n${problems.slice(0, 50).map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write('ok\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
