import type { SourceSpan } from './diagnostic.js';

/**
 * A position computed only when read. Parsing for positions costs more than parsing for values, and a
 * valid project never reads one: spans in the Catalog stay unresolved until a diagnostic needs them.
 */
export class LazySpan implements SourceSpan {
  #resolved: { line: number; column: number } | undefined;
  constructor(
    readonly file: string,
    private readonly compute: () => { line: number; column: number },
  ) {}

  get line(): number {
    return this.#position().line;
  }

  get column(): number {
    return this.#position().column;
  }

  #position() {
    this.#resolved ??= this.compute();
    return this.#resolved;
  }

  toJSON(): SourceSpan {
    return { file: this.file, line: this.line, column: this.column };
  }
}
