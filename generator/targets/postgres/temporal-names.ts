/**
 * Names of the objects a temporal table adds. PostgreSQL silently truncates identifiers to 63 bytes
 * (NAMEDATALEN - 1), which would make two long derived names collide; so a name that would not fit is
 * shortened here, deterministically: the base is cut on a UTF-8 character boundary and a short hash of the
 * full name keeps it unique.
 */
import { createHash } from 'node:crypto';

export const MAX_IDENTIFIER_BYTES = 63;
const HASH_LENGTH = 8;

/** `<base>_<suffix>`, or `<base cut>_<hash>_<suffix>` when that would exceed 63 bytes. */
export function derivedName(base: string, suffix: string): string {
  const full = `${base}_${suffix}`;
  if (Buffer.byteLength(full, 'utf8') <= MAX_IDENTIFIER_BYTES) return full;
  const hash = createHash('sha256').update(full, 'utf8').digest('hex').slice(0, HASH_LENGTH);
  const tail = `_${hash}_${suffix}`;
  const room = MAX_IDENTIFIER_BYTES - Buffer.byteLength(tail, 'utf8');
  if (room < 1) throw new Error(`suffix too long for a PostgreSQL identifier: ${suffix}`);
  return truncateUtf8(base, room) + tail;
}

/** The longest prefix of `text` that fits in `maxBytes` bytes without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/** The unique index of a temporal table's open versions (also checked by naming/derived-collision). */
export const openKeyIndexName = (table: string): string => derivedName(table, 'open_key');

export interface TemporalObjectNames {
  openKeyIndex: string;
  beforeInsertFunction: string;
  beforeUpdateFunction: string;
  afterUpdateFunction: string;
  afterDeleteFunction: string;
  beforeTruncateFunction: string;
  asOfFunction: string;
}

/**
 * Every schema-level name a temporal table adds, derived from the table and view names. Trigger names are
 * per table in PostgreSQL, so they are fixed (see TEMPORAL_TRIGGER_NAMES) and need no derivation.
 */
export function temporalObjectNames(table: string, view: string): TemporalObjectNames {
  return {
    openKeyIndex: openKeyIndexName(table),
    beforeInsertFunction: derivedName(table, 'before_insert'),
    beforeUpdateFunction: derivedName(table, 'before_update'),
    afterUpdateFunction: derivedName(table, 'after_update'),
    afterDeleteFunction: derivedName(table, 'after_delete'),
    beforeTruncateFunction: derivedName(table, 'before_truncate'),
    asOfFunction: derivedName(view, 'as_of'),
  };
}

/** Trigger names; they also fix the firing order among same-timing triggers (alphabetical in PostgreSQL). */
export const TEMPORAL_TRIGGER_NAMES = {
  beforeInsert: 'temporal_before_insert',
  beforeUpdate: 'temporal_before_update',
  afterUpdate: 'temporal_after_update',
  afterDelete: 'temporal_after_delete',
  beforeTruncate: 'temporal_before_truncate',
} as const;
