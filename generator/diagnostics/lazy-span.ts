import type { SourceSpan } from './diagnostic.js';

/** Where one file's positions come from, parsed at most once and only when a position is read. */
export interface PositionSource {
  readonly file: string;
  position(path: readonly (string | number)[], part: 'key' | 'value'): { line: number; column: number };
}

/**
 * A position computed only when read. Parsing for positions costs more than parsing for values, and a
 * valid project never reads one: spans in the Catalog stay unresolved until a diagnostic needs them.
 * A span holds its file's PositionSource and its path, no closure: a Catalog of 1,000 tables holds ~20,000
 * spans, and a closure with its context per span was a third of the Catalog's memory and of resolve's garbage
 * collection.
 */
export class LazySpan implements SourceSpan {
  private resolved: { line: number; column: number } | undefined = undefined;
  constructor(
    private readonly source: PositionSource,
    private readonly path: readonly (string | number)[],
    private readonly part: 'key' | 'value',
  ) {}

  get file(): string {
    return this.source.file;
  }

  get line(): number {
    return this.position().line;
  }

  get column(): number {
    return this.position().column;
  }

  private position() {
    this.resolved ??= this.source.position(this.path, this.part);
    return this.resolved;
  }

  toJSON(): SourceSpan {
    return { file: this.file, line: this.line, column: this.column };
  }
}
