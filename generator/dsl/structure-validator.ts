/**
 * Structural validation of definition files against the committed JSON Schema (draft 2020-12), with ajv's
 * errors turned into diagnostics at the offending YAML node, in plain words.
 */
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';
import { loadDiagnostic } from '../load/load-diagnostic.js';
import type { DocumentRole, PathSegment, SourceDocument } from '../load/source-document.js';
import { parseTypeSpec, LOGICAL_TYPE_NAMES } from '../model/logical-type.js';
import * as validators from './dsl-validators.generated.js';

interface CompiledValidator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const VALIDATORS = validators as unknown as Record<DocumentRole, CompiledValidator>;

export function validateStructure(document: SourceDocument): Diagnostic[] {
  const validate = VALIDATORS[document.role];
  if (validate(document.value)) return [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    const translated = translateError(error, document);
    if (!translated) continue;
    const key = `${translated.line}:${translated.column}:${translated.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(translated);
  }
  return diagnostics;
}

function parsePointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function translateError(error: ErrorObject, document: SourceDocument): Diagnostic | undefined {
  const path = normalize(parsePointer(error.instancePath), document);
  const where = describePath(path, document);
  const at = (p: PathSegment[], part: 'key' | 'value' = 'value') => document.locate(p, part);
  // a mapping as a default is `{ sql: … }`; one without `sql` was meant as a value (JSON for jsonb): say that once
  if (isDefaultWithoutSql(path, document)) {
    if (error.keyword !== 'required') return undefined;
    return loadDiagnostic('structure', at(path), `${where}: a mapping here is an SQL expression, \`{ sql: … }\``,
      'A literal default is a value of the column\'s type; a jsonb default is JSON text, e.g. default: \'{"fee": 0}\'.');
  }
  switch (error.keyword) {
    case 'if':
      return undefined; // the branch's own errors say what is wrong
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {}).filter((k) => k !== '$schema');
      const suggestion = suggest(key, allowed);
      return loadDiagnostic('structure', at([...path, key], 'key'),
        `${where}: unknown key \`${key}\`${suggestion ? ` — did you mean \`${suggestion}\`?` : ''}`,
        allowed.length > 0 ? `Allowed keys here: ${allowed.join(', ')}.` : undefined);
    }
    case 'false schema': {
      const key = String(path[path.length - 1]);
      return loadDiagnostic('structure', at(path, 'key'), `${describePath(path.slice(0, -1), document)}: ${misplacedKey(key)}`,
        misplacedKeyHint(key));
    }
    case 'required':
      return loadDiagnostic('structure', at(path, 'key'),
        `${where}: missing \`${String(error.params.missingProperty)}\``,
        `Add \`${String(error.params.missingProperty)}:\` to ${where}.`);
    case 'pattern':
      return patternError(error, path, where, at(path));
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? suggest(error.data, allowed) : undefined;
      return loadDiagnostic('structure', at(path),
        `${where}: \`${String(error.data)}\` is not one of ${allowed.join(', ')}${suggestion ? ` — did you mean \`${suggestion}\`?` : ''}`);
    }
    case 'type':
      return loadDiagnostic('structure', at(path), `${where} must be ${article(String(error.params.type))}`);
    case 'uniqueItems': {
      // ajv names the two equal items: point at the later one, the repetition
      const { i, j } = error.params as { i: number; j: number };
      return loadDiagnostic('structure', at([...path, Math.max(i, j)]),
        `${where} names \`${String((error.data as unknown[])[i])}\` twice`, 'Remove the repetition.');
    }
    default:
      return loadDiagnostic('structure', at(path), `${where} ${error.message ?? 'is invalid'}`);
  }
}

function isDefaultWithoutSql(path: PathSegment[], document: SourceDocument): boolean {
  const defaultAt = path[0] === 'columns' && path[2] === 'default' ? path.slice(0, 3) : undefined;
  if (!defaultAt) return false;
  let value: unknown = document.value;
  for (const segment of defaultAt) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[String(segment)] : undefined;
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !('sql' in value);
}

/** JSON pointers carry indexes as text; YAML sequences need numbers. */
function normalize(path: PathSegment[], document: SourceDocument): PathSegment[] {
  let value: unknown = document.value;
  return path.map((segment) => {
    const next = Array.isArray(value) ? Number(segment) : segment;
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[String(segment)] : undefined;
    return next;
  });
}

function patternError(error: ErrorObject, path: PathSegment[], where: string, at: SourceSpan): Diagnostic {
  const value = String(error.data);
  if (path[path.length - 1] === 'description') {
    return loadDiagnostic('structure', at, `${where}: a description cannot contain a NUL character`,
      'Remove the NUL (\\0): no target can store it in a comment.');
  }
  if (path[path.length - 1] === 'references') {
    return loadDiagnostic('structure', at, `${where}: \`${value}\` is not a reference`,
      'Write references: schema.table, or schema.table.column for a column other than the primary key.');
  }
  const parsed = parseTypeSpec(value);
  let message = 'error' in parsed ? parsed.error : `\`${value}\` is not a type`;
  const base = /^[a-z]+/.exec(value.trim())?.[0];
  const suggestion = base ? suggest(base, [...LOGICAL_TYPE_NAMES]) : undefined;
  if (suggestion && suggestion !== base) message += ` — did you mean \`${suggestion}\`?`;
  return loadDiagnostic('structure', at, `${where}: ${message}`,
    `Types: ${LOGICAL_TYPE_NAMES.join(', ')}; varchar(n), char(n), numeric(p,s); a trailing ? makes it nullable.`);
}

function describePath(path: PathSegment[], document: SourceDocument): string {
  const value = document.value as Record<string, unknown> | undefined;
  const name = value && typeof value === 'object' && typeof value.name === 'string' ? value.name : document.fileStem;
  if (path.length === 0) return `${document.role} \`${name}\``;
  if (path[0] === 'columns' && path.length >= 2) {
    const rest = path.slice(2);
    return `column \`${String(path[1])}\`${rest.length ? ` ${rest.map(String).join('.')}` : ''}`;
  }
  if ((path[0] === 'rows' || path[0] === 'indexes') && path.length >= 2) {
    const rest = path.slice(2);
    return `${path[0] === 'rows' ? 'row' : 'index'} ${Number(path[1]) + 1}${rest.length ? ` \`${rest.map(String).join('.')}\`` : ''}`;
  }
  return `\`${path.map(String).join('.')}\``;
}

function misplacedKey(key: string): string {
  if (key === 'rows') return '`rows` belong to reference tables only';
  if (key === 'key' || key === 'current_view') return `\`${key}\` applies to temporal tables only`;
  if (key === 'primary_key') return 'a temporal table has no `primary_key`: its primary key is (key…, sys_start)';
  return `\`${key}\` is not allowed here`;
}

function misplacedKeyHint(key: string): string | undefined {
  if (key === 'primary_key') return 'Write the business key as `key: [...]`.';
  if (key === 'rows') return 'Make the table `kind: reference`, or remove its rows.';
  return 'Remove the key, or change the table\'s kind.';
}

function suggest(word: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates);
  return distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function article(type: string): string {
  const words = type.split(',').map((t) => (t === 'array' ? 'a list' : t === 'object' ? 'a mapping' : `a ${t}`));
  return words.join(' or ');
}
