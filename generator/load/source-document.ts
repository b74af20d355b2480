import type { SourceSpan } from '../diagnostics/diagnostic.js';

export type PathSegment = string | number;
export type DocumentRole = 'database' | 'schema' | 'table';

/** Where a path points: at the key of a mapping entry, or at its value. */
export type SpanPart = 'key' | 'value';

/** A parsed definition file: its plain value plus a way back to source positions. */
export interface SourceDocument {
  readonly file: string;
  /**
   * Path relative to the definitions folder, with `/` and without extension: the same on every machine and
   * whether the definition is written in YAML or TypeScript (generated headers use it).
   */
  readonly source: string;
  readonly role: DocumentRole;
  /** The object name the file's name promises (`trade.yaml` → `trade`). */
  readonly fileStem: string;
  readonly database: string;
  /** The schema folder a table file lives in. */
  readonly schemaFolder?: string;
  readonly value: unknown;
  /** The nearest position for a path into `value`; falls back to the closest ancestor that exists. */
  locate(path: readonly PathSegment[], part?: SpanPart): SourceSpan;
  /**
   * A YAML number as written in the file, for the values whose digits a double cannot all hold (an unquoted
   * `0.123456789012345678`): numeric columns keep what was written. Undefined where the text is not needed.
   */
  writtenNumber?(path: readonly PathSegment[]): string | undefined;
  /**
   * Known to match the DSL schema: validated by the loader, in this run or (through the parse cache) in an
   * earlier one with the same text. resolve() validates every other document.
   */
  readonly structureValid?: boolean;
  /** Rows from a sibling `<table>.csv`, if any. */
  readonly csv?: CsvRows;
}

export interface CsvRows {
  readonly file: string;
  readonly records: readonly { readonly values: Record<string, string>; readonly line: number }[];
}
