/**
 * YAML definition files. Values come from js-yaml (CORE schema, the same YAML 1.2 core types as `yaml`),
 * about three times faster than building `yaml`'s position-carrying Document; the Document, with its
 * LineCounter, is built only when a position is asked for (a diagnostic) or when js-yaml rejects the text,
 * so syntax errors are always reported by `yaml`. tests/load/yaml-reader.test.ts checks that both agree.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Document, LineCounter, Node } from 'yaml';
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';
import { LazySpan, type PositionSource } from '../diagnostics/lazy-span.js';
import type { PathSegment, SpanPart } from './source-document.js';
import { loadDiagnostic } from './load-diagnostic.js';
import type { ParseCache } from './parse-cache.js';
import { requireYaml } from '../util/optional-modules.js';

export interface ParsedYaml {
  value: unknown;
  /** The text's parse-cache key, when a cache was given: the loader keeps structure marks under it. */
  contentKey?: string;
  locate(path: readonly PathSegment[], part?: SpanPart): SourceSpan;
  /** A plain YAML number as written, when it has more digits than the parsed double holds (see writtenNumber). */
  writtenNumber?(path: readonly PathSegment[]): string | undefined;
}

interface PositionedDocument {
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export function readYaml(file: string, text: string, cache?: ParseCache): { parsed?: ParsedYaml; diagnostics: Diagnostic[] } {
  let value: unknown;
  const contentKey = cache?.key(text);
  const cached = cache?.lookup(text, 'yaml', contentKey);
  if (cached) {
    value = cached.value;
  } else {
    try {
      value = load(text, { schema: CORE_SCHEMA, json: false });
    } catch {
      return readYamlWithPositions(file, text);
    }
    cache?.remember(text, value, 'yaml', contentKey);
  }
  const positions = new YamlPositions(file, text);
  return {
    diagnostics: [],
    parsed: {
      value,
      contentKey,
      locate: (path, part = 'value') => new LazySpan(positions, path, part),
      writtenNumber: (path) => positions.writtenNumber(path),
    },
  };
}

/** A file's positions, from `yaml`'s Document, parsed when the first span is read. */
class YamlPositions implements PositionSource {
  private positioned: PositionedDocument | undefined = undefined;
  private mayHoldLongNumbers: boolean | undefined = undefined;
  constructor(readonly file: string, private readonly text: string) {}

  position(path: readonly PathSegment[], part: SpanPart): { line: number; column: number } {
    return offsetToPosition(this.document(), locateOffset(this.document().document.contents as Node, path, part));
  }

  writtenNumber(path: readonly PathSegment[]): string | undefined {
    // a double holds every decimal of up to 15 significant digits: a file without a longer one needs no parse
    this.mayHoldLongNumbers ??= LONG_NUMBER.test(this.text);
    return this.mayHoldLongNumbers ? numberSource(this.document(), path) : undefined;
  }

  private document(): PositionedDocument {
    this.positioned ??= parseWithPositions(this.text);
    return this.positioned;
  }
}

/**
 * A plain (unquoted) number of 16 digits or more: the only kind whose digits a double may lose. Digits inside a
 * quoted string or glued to letters (an id, a hash) do not count: those files need no positions parse.
 */
const LONG_NUMBER = /(?<![\w."'-])[-+]?\.?(?:\d[._]?){16}/;

/** The source of the plain scalar a path points at, when it is a number; undefined for anything else. */
function numberSource({ document }: PositionedDocument, path: readonly PathSegment[]): string | undefined {
  const node = document.getIn(path, true);
  const { isScalar } = yaml();
  if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.source !== 'string') return undefined;
  return node.source;
}

function readYamlWithPositions(file: string, text: string): { parsed?: ParsedYaml; diagnostics: Diagnostic[] } {
  const positioned = parseWithPositions(text);
  // the first error is the cause; the ones after it are mostly its echoes
  const diagnostics = positioned.document.errors.slice(0, 1).map((error) => {
    const at = positioned.lineCounter.linePos(unclosedQuoteStart(text, error) ?? skipSpaces(text, error.pos[0]));
    return loadDiagnostic('yaml-syntax', { file, line: at.line, column: at.col }, error.message.split('\n')[0],
      'Fix the YAML syntax at this position (indentation, quotes, a missing colon).');
  });
  if (diagnostics.length > 0) return { diagnostics };
  let value: unknown;
  try {
    value = positioned.document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // e.g. an alias whose anchor comes later: `yaml` finds it only while building the value
    return { diagnostics: [loadDiagnostic('yaml-syntax', { file, line: 1, column: 1 }, (error as Error).message.split('\n')[0],
      'Define an anchor (&name) before its alias (*name).')] };
  }
  return {
    diagnostics,
    parsed: {
      value,
      locate: (path, part = 'value') => {
        const at = offsetToPosition(positioned, locateOffset(positioned.document.contents as Node, path, part));
        return { file, ...at };
      },
      writtenNumber: (path) => numberSource(positioned, path),
    },
  };
}

/**
 * `yaml` reports a quote that is never closed at the end of the file; the mistake is where it opened: the last
 * quote of that kind before the end that opens a scalar (after `: `, `- `, `[`, `{`, `,` or indentation).
 */
function unclosedQuoteStart(text: string, error: { code: string; message: string; pos: [number, number] }): number | undefined {
  const quote = error.code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/.exec(error.message)?.[1] : undefined;
  if (quote === undefined) return undefined;
  for (let at = text.lastIndexOf(quote, error.pos[0]); at >= 0; at = text.lastIndexOf(quote, at - 1)) {
    const before = text.slice(text.lastIndexOf('\n', at - 1) + 1, at).trimEnd();
    if (before === '' || /(?:^|[\s])-$|[:[{,]$/.test(before)) return at;
  }
  return undefined;
}

/** `yaml` places indentation errors at the line's start; the first character after the spaces reads better. */
function skipSpaces(text: string, offset: number): number {
  let at = offset;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

/** `yaml` is loaded on first use: a valid project never needs it. */
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  yamlModule ??= requireYaml();
  return yamlModule;
}

function parseWithPositions(text: string): PositionedDocument {
  const lineCounter = new (yaml().LineCounter)();
  const document = yaml().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { document, lineCounter };
}

function offsetToPosition({ lineCounter }: PositionedDocument, offset: number): { line: number; column: number } {
  const at = lineCounter.linePos(offset);
  return { line: at.line, column: at.col };
}

/** The offset of the node a path points at; the closest existing ancestor when the path does not exist. */
function locateOffset(root: Node | null, path: readonly PathSegment[], part: SpanPart): number {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = root;
  let offset = rangeStart(root);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return offset;
      if (last && part === 'key') return rangeStart(pair.key as Node);
      node = pair.value;
      offset = pair.value ? rangeStart(pair.value as Node) : rangeStart(pair.key as Node);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return offset;
      node = item;
      offset = rangeStart(item as Node);
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}
