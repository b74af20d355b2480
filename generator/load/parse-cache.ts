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
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { deserialize, serialize } from 'node:v8';
import { writeAtomically } from '../write/output-folder.js';
import { packageRoot, packageVersion } from '../util/package-root.js';

const FORMAT = 4;

/** What an entry holds: a YAML file's value, or a TypeScript file's code with the types stripped. */
export type CacheKind = 'yaml' | 'typescript';

interface CacheFile {
  readonly header: string;
  /** `<role>:<content key>` of YAML texts that passed the DSL schema named in the header. */
  readonly validStructure: Set<string>;
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
  private newlyValid = 0;

  private constructor(
    private readonly path: string,
    private readonly stored: Map<string, unknown>,
    private readonly validStructure: Set<string>,
  ) {}

  /** The cache at `path`; empty when it is missing, unreadable or from another version. */
  static open(path: string): ParseCache {
    try {
      const file = deserialize(readFileSync(path)) as CacheFile;
      if (file.header === cacheHeader() && file.entries instanceof Map && file.validStructure instanceof Set) {
        return new ParseCache(path, file.entries, file.validStructure);
      }
    } catch {
      // missing or damaged: start over
    }
    return new ParseCache(path, new Map(), new Set());
  }

  /** The key of a text: lookup, remember and the structure marks take it, so a text is hashed once. */
  key(text: string, kind: CacheKind = 'yaml'): string {
    return `${kind === 'yaml' ? '' : 't'}${hash('sha1', text, 'base64')}`;
  }

  /** Whether this YAML text, as a definition of this role, passed the DSL schema before. */
  hasValidStructure(key: string, role: string): boolean {
    return this.validStructure.has(`${role}:${key}`);
  }

  rememberValidStructure(key: string, role: string): void {
    const mark = `${role}:${key}`;
    if (this.validStructure.has(mark)) return;
    this.validStructure.add(mark);
    this.newlyValid++;
  }

  /**
   * The value parsed earlier from exactly this text, if any. Each call gets its own objects: a second file
   * with the same text (or a second lookup) gets a copy, so no two documents share a value.
   */
  lookup(text: string, kind: CacheKind = 'yaml', key = this.key(text, kind)): { value: unknown } | undefined {
    if (this.used.has(key)) return { value: structuredClone(this.used.get(key)) };
    if (!this.stored.has(key)) return undefined;
    const value = this.stored.get(key);
    this.used.set(key, value);
    return { value };
  }

  /** A value just parsed; it is serialized by save(), which the loader calls before anything else sees it. */
  remember(text: string, value: unknown, kind: CacheKind = 'yaml', key = this.key(text, kind)): void {
    if (this.used.has(key)) return;
    this.misses++;
    this.used.set(key, value);
  }

  /** Writes the entries this run used (so the cache follows the definitions), when anything changed. */
  save(): void {
    if (this.misses === 0 && this.newlyValid === 0 && this.used.size === this.stored.size) return;
    const validStructure = new Set([...this.validStructure].filter((mark) => this.used.has(mark.slice(mark.indexOf(':') + 1))));
    try {
      writeAtomically(this.path, serialize({ header: cacheHeader(), entries: this.used, validStructure } satisfies CacheFile));
    } catch {
      // a read-only checkout: no cache, same results
    }
  }
}

let header: string | undefined;
/** What the entries depend on: lakegen's and js-yaml's versions, and the DSL schema the structure marks passed. */
function cacheHeader(): string {
  if (header === undefined) {
    const jsYaml = (createRequire(import.meta.url)('js-yaml/package.json') as { version: string }).version;
    const schema = hash('sha1', readFileSync(join(packageRoot(), 'generator', 'dsl', 'dsl.schema.json')), 'base64');
    header = `lakegen ${packageVersion()} js-yaml ${jsYaml} schema ${schema} format ${FORMAT}`;
  }
  return header;
}
