/**
 * One table document → a Table draft: columns parsed, the kind's columns added, keys and indexes checked
 * against the columns. References stay unbound here; resolve-references binds them once every table exists.
 */
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';
import { MODEL_RULES } from '../check/model-rules.js';
import { ruleDiagnostic } from '../check/rule.js';
import { loadDiagnostic } from '../load/load-diagnostic.js';
import type { SourceDocument } from '../load/source-document.js';
import type { Column, ColumnDefault, Index, ReferentialAction, Table, TableKind } from './catalog.js';
import { conventionalKeyColumn, defaultCurrentView, GENERATED_UUID, KIND_COLUMNS } from './kinds.js';
import { parseTypeSpec, type LogicalType } from './logical-type.js';
import { resolveRows } from './resolve-rows.js';
import { coerceRowValue, withWrittenDigits } from './row-values.js';

export interface PendingReference {
  readonly column: string;
  readonly target: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable: boolean;
  readonly logical: boolean;
  readonly span: SourceSpan;
}

export interface TableDraft {
  readonly table: Table;
  readonly pendingReferences: readonly PendingReference[];
}

interface RawColumn {
  type: string;
  nullable?: boolean;
  unique?: boolean;
  default?: unknown;
  check?: string;
  description?: string;
  references?: string;
  on_delete?: ReferentialAction;
  on_update?: ReferentialAction;
  deferrable?: boolean;
  logical?: boolean;
}

interface RawTable {
  name: string;
  kind: TableKind;
  description?: string;
  columns: Record<string, string | RawColumn>;
  primary_key?: string[];
  key?: string[];
  current_view?: string;
  indexes?: { name?: string; columns: string[]; unique?: boolean }[];
}

export function resolveTable(document: SourceDocument, schema: string, diagnostics: Diagnostic[]): TableDraft | undefined {
  const raw = document.value as RawTable;
  const columns: Column[] = [];
  const pendingReferences: PendingReference[] = [];
  let typesValid = true;

  for (const name of Object.keys(raw.columns)) {
    const spec = raw.columns[name];
    const definition: RawColumn = typeof spec === 'string' ? { type: spec } : spec;
    // one path for the column's key span and, when the type is written inline, its type span
    const columnPath = ['columns', name];
    const typeSpan = document.locate(typeof spec === 'string' ? columnPath : ['columns', name, 'type']);
    const parsed = parseTypeSpec(definition.type);
    if ('error' in parsed) {
      diagnostics.push(loadDiagnostic('structure', typeSpan, `column \`${name}\`: ${parsed.error}`));
      typesValid = false;
      continue;
    }
    const span = document.locate(columnPath, 'key');
    columns.push({
      name,
      type: parsed.type,
      nullable: definition.nullable ?? parsed.nullable,
      default: toColumnDefault(parsed.type, typeof definition.default === 'number' && document.writtenNumber
        ? withWrittenDigits(parsed.type, definition.default, () => document.writtenNumber!(['columns', name, 'default']))
        : definition.default),
      unique: definition.unique ?? false,
      check: definition.check,
      description: definition.description,
      origin: 'user',
      span,
      typeSpan,
    });
    if (definition.references !== undefined) {
      pendingReferences.push({
        column: name,
        target: definition.references,
        onDelete: definition.on_delete,
        onUpdate: definition.on_update,
        deferrable: definition.deferrable ?? false,
        logical: definition.logical ?? false,
        span: document.locate(['columns', name, 'references']),
      });
    }
  }
  if (!typesValid) return undefined;

  const kindSpan = document.locate(['kind']);
  for (const kindColumn of KIND_COLUMNS[raw.kind]) {
    if (columns.some((c) => c.name === kindColumn.name)) continue; // user-written: the rules compare it
    columns.push({ ...kindColumn, unique: false, origin: 'kind', span: kindSpan, typeSpan: kindSpan });
  }

  const known = new Set(columns.map((c) => c.name));
  const checkColumns = (list: readonly string[], path: (string | number)[], what: string) => {
    list.forEach((column, index) => {
      if (!known.has(column)) {
        diagnostics.push(ruleDiagnostic(MODEL_RULES['unknown-column'], document.locate([...path, index]),
          `${what} of \`${raw.name}\` names \`${column}\`, which is not a column`));
      }
    });
  };

  let primaryKey: string[];
  let temporal: Table['temporal'];
  if (raw.kind === 'temporal') {
    const key = raw.key ?? [];
    checkColumns(key, ['key'], 'the business key');
    primaryKey = [...key, 'sys_start'];
    temporal = { key, currentView: raw.current_view ?? defaultCurrentView(raw.name) };
  } else {
    primaryKey = raw.primary_key ?? (known.has(conventionalKeyColumn(raw.name)) ? [conventionalKeyColumn(raw.name)] : []);
    if (raw.primary_key) checkColumns(raw.primary_key, ['primary_key'], 'the primary key');
  }
  const pkSet = new Set(primaryKey);
  // the column objects were made above for this table alone: completing them in place saves a copy of each
  const finalColumns = columns as { -readonly [K in keyof Column]: Column[K] }[];
  for (const column of finalColumns) {
    const inKey = pkSet.has(column.name);
    // A transactional key is generated unless the user chose a default (DESIGN.md §3).
    const generated = raw.kind === 'transactional' && inKey && primaryKey.length === 1 && column.type.name === 'uuid';
    if (inKey) column.nullable = false;
    column.default = column.default ?? (generated ? GENERATED_UUID : undefined);
  }

  const indexes: Index[] = (raw.indexes ?? []).map((index, position) => {
    checkColumns(index.columns, ['indexes', position, 'columns'], `index ${position + 1}`);
    return {
      name: index.name ?? indexName(raw.name, index.columns, index.unique ?? false),
      columns: index.columns,
      unique: index.unique ?? false,
      span: document.locate(['indexes', position]),
    };
  });

  const table: Table = {
    database: document.database,
    schema,
    name: raw.name,
    kind: raw.kind,
    description: raw.description,
    columns: finalColumns,
    primaryKey,
    indexes,
    temporal,
    rows: raw.kind === 'reference' ? resolveRows(document, raw.name, finalColumns, diagnostics) : noRows(document, raw, diagnostics),
    span: { file: document.file, line: 1, column: 1 },
    spans: {
      name: document.locate(['name']),
      kind: kindSpan,
      primaryKey: document.locate([raw.kind === 'temporal' ? 'key' : 'primary_key']),
      key: document.locate(['key']),
    },
    fileStem: document.fileStem,
    source: document.source,
  };
  return { table, pendingReferences };
}

/** Rows beside a table that is not a reference table would be ignored: as YAML `rows:` are refused, so is a CSV. */
function noRows(document: SourceDocument, raw: RawTable, diagnostics: Diagnostic[]): [] {
  if (document.csv) {
    diagnostics.push(loadDiagnostic('layout', { file: document.csv.file, line: 1, column: 1 },
      `\`${raw.name}\` is a ${raw.kind} table: rows belong to reference tables only, so this CSV would be ignored`,
      'Remove the CSV, or make the table `kind: reference`.'));
  }
  return [];
}

function toColumnDefault(type: LogicalType, value: unknown): ColumnDefault | undefined {
  if (value === undefined) return undefined;
  if (value !== null && typeof value === 'object') return { kind: 'sql', sql: (value as { sql: string }).sql };
  // a jsonb default is its JSON text (`5` is '5', a number the column would refuse); an invalid one stays as
  // written for model/default-type to report
  if (type.name === 'jsonb' && value !== null) {
    const coerced = coerceRowValue(type, value, false);
    if ('value' in coerced) return { kind: 'literal', value: coerced.value };
  }
  return { kind: 'literal', value: value as string | number | boolean | null };
}

/** PostgreSQL's own convention: <table>_<columns>_idx / _key. Length is checked by naming/max-length. */
export function indexName(table: string, columns: readonly string[], unique: boolean): string {
  return `${table}_${columns.join('_')}_${unique ? 'key' : 'idx'}`;
}
