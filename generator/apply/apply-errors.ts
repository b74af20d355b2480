import type { TableDrift } from './drift.js';

/** A statement failed: which object, which file, which statement, and what the server said. */
export class StatementFailure extends Error {
  constructor(
    readonly object: string,
    readonly file: string,
    readonly statement: string,
    readonly serverMessage: string,
    readonly sqlstate: string | undefined,
  ) {
    super(`${object}: ${serverMessage}`);
  }
}

/** Existing tables differ from their definitions: nothing was changed. */
export class DriftFailure extends Error {
  constructor(readonly drift: TableDrift[]) {
    super(`${drift.length} table(s) differ from their definitions`);
  }
}

/** After applying, the database did not hold what the definitions say: rolled back. */
export class ValidationFailure extends Error {
  constructor(readonly problems: string[]) {
    super(`post-apply validation found ${problems.length} problem(s)`);
  }
}

/** The statement of a multi-statement text that contains a server error's position (1-based). */
export function statementAt(sql: string, position: number | undefined): string {
  if (!position) return sql.length > 600 ? `${sql.slice(0, 600)}…` : sql;
  const offset = position - 1;
  const start = sql.lastIndexOf(';\n', offset) + 1;
  const end = sql.indexOf(';\n', offset);
  return sql.slice(start, end === -1 ? undefined : end + 1).trim();
}
