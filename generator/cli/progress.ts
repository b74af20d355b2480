/**
 * Progress for long commands: on a terminal, one line rewritten in place; piped or in CI, nothing (the
 * commands' own line-oriented output is what logs want).
 */
import type { CliIo } from './io.js';

export interface Progress {
  update(text: string): void;
  /** Clears the line so the next output starts clean. */
  done(): void;
}

const SILENT: Progress = { update: () => {}, done: () => {} };
const MIN_INTERVAL_MS = 50;

export function createProgress(io: CliIo): Progress {
  if (!io.isTTY || io.env.CI || io.env.TERM === 'dumb') return SILENT;
  let shown = false;
  let last = 0;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < MIN_INTERVAL_MS) return;
      last = now;
      io.stdout(`\r\u001b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) io.stdout('\r\u001b[2K');
      shown = false;
    },
  };
}
