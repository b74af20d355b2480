/**
 * Parsed YAML (and TypeScript with its types stripped) by content hash, kept between runs in .lakegen/cache/ (git-ignored, like ESLint's --cache or
 * TypeScript's .tsbuildinfo): a pre-commit run after a one-file change parses one file. Parsing is the
 * largest part of loading (~100 ms of a cold process per 1,000 files); reading, hashing and deserializing
 * the cache costs a quarter of that. Keyed by the text's hash, never by path or mtime, so an entry cannot be
 * stale; the header names lakegen's and js-yaml's versions, so an upgrade starts the cache over. A cache
 * that cannot be read or written is ignored: it only ever saves time. LAKEGEN_NO_CACHE=1 turns it off.
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deserialize, serialize } from 'node:v8';
import { writeAtomically } from '../write/output-folder.js';
import { packageVersion } from '../util/package-root.js';

const FORMAT = 3;

/** What an entry holds: a YAML file's value, or a TypeScript file's code with the types stripped. */
export type CacheKind = 'yaml' | 'typescript';

interface CacheFile {
  readonly header: string;
  /**
   * Content hash → value, all deserialized in one call when the cache opens: one call for 1,000 entries
   * takes half the time of one per entry.
   */
  readonly entries: Map<string, unknown>;
}

export class ParseCache {
  /** Entries handed out (or parsed) by this run: what save() keeps. */
  private readonly used = new Map<string, unknown>();
  private misses = 0;

  private constructor(private readonly path: string, private readonly stored: Map<string, unknown>) {}

  /** The cache at `path`; empty when it is missing, unreadable or from another version. */
  static open(path: string): ParseCache {
    try {
      const file = deserialize(readFileSync(path)) as CacheFile;
      if (file.header === cacheHeader() && file.entries instanceof Map) return new ParseCache(path, file.entries);
    } catch {
      // missing or damaged: start over
    }
    return new ParseCache(path, new Map());
  }

  /**
   * The value parsed earlier from exactly this text, if any. Each call gets its own objects: a second file
   * with the same text (or a second lookup) gets a copy, so no two documents share a value.
   */
  lookup(text: string, kind: CacheKind = 'yaml'): { value: unknown } | undefined {
    const key = keyOf(text, kind);
    if (this.used.has(key)) return { value: structuredClone(this.used.get(key)) };
    if (!this.stored.has(key)) return undefined;
    const value = this.stored.get(key);
    this.used.set(key, value);
    return { value };
  }

  /** A value just parsed; it is serialized by save(), which the loader calls before anything else sees it. */
  remember(text: string, value: unknown, kind: CacheKind = 'yaml'): void {
    const key = keyOf(text, kind);
    if (this.used.has(key)) return;
    this.misses++;
    this.used.set(key, value);
  }

  /** Writes the entries this run used (so the cache follows the definitions), when anything changed. */
  save(): void {
    if (this.misses === 0 && this.used.size === this.stored.size) return;
    try {
      writeAtomically(this.path, serialize({ header: cacheHeader(), entries: this.used } satisfies CacheFile));
    } catch {
      // a read-only checkout: no cache, same results
    }
  }
}

function keyOf(text: string, kind: CacheKind): string {
  return `${kind === 'yaml' ? '' : 't'}${hash('sha1', text, 'base64')}`;
}

let header: string | undefined;
function cacheHeader(): string {
  header ??= `lakegen ${packageVersion()} js-yaml ${(createRequire(import.meta.url)('js-yaml/package.json') as { version: string }).version} format ${FORMAT}`;
  return header;
}
