/**
 * Definition files are UTF-8. Node decodes invalid bytes as U+FFFD without a word, which would carry a
 * Latin-1 `Café` into every target as `Caf�`: a file that is not UTF-8 is a diagnostic instead.
 */
import { readFileSync } from 'node:fs';

export type TextFile = { readonly text: string } | { readonly notUtf8: { readonly line: number; readonly column: number } };

// ignoreBOM: keep a BOM in the text, as Buffer#toString does, so both paths give the same text
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readUtf8(path: string): TextFile {
  // 'utf8' takes Node's fast path (no Buffer); only a text with U+FFFD is read again, as bytes, to judge it
  const text = readFileSync(path, 'utf8');
  if (!text.includes('\uFFFD')) return { text };
  try {
    return { text: strictUtf8.decode(readFileSync(path)) }; // a real U+FFFD, written as such
  } catch {
    const at = text.indexOf('\uFFFD');
    const lineStart = text.lastIndexOf('\n', at) + 1;
    return { notUtf8: { line: text.slice(0, at).split('\n').length, column: at - lineStart + 1 } };
  }
}

export const NOT_UTF8_HINT = 'Save the file as UTF-8 (lakegen reads definitions and CSV files as UTF-8 only).';
