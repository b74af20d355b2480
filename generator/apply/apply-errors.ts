import type { TableDrift } from './drift.js';

/** A statement failed: which object, which file, which statement, and what the server said. */
export class StatementFailure extends Error {
  constructor(
    readonly object: string,
    readonly file: string,
    readonly statement: string,
    readonly serverMessage: string,
    readonly sqlstate: string | undefined,
    /** What the failure means for definitions, when lakegen knows. */
    readonly hint?: string,
  ) {
    super(`${object}: ${serverMessage}`);
  }
}

/**
 * An error the server raised outside a plan's statements (creating the database, reading its catalog) as a
 * StatementFailure: the report names the object and the SQLSTATE instead of calling it an internal error.
 */
export async function asServerFailure<T>(object: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const { message, code } = error as { message?: string; code?: unknown };
    if (error instanceof Error && !(error instanceof StatementFailure) && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      throw new StatementFailure(object, '', '', message ?? String(error), code, SQLSTATE_HINTS[code]);
    }
    throw error;
  }
}

const SQLSTATE_HINTS: Record<string, string> = {
  '42501': 'the role lakegen connects as lacks a privilege: CREATEDB to create a database, ownership or CREATE and USAGE on its schemas to change them',
};

/**
 * A reference table's rows are upserted one after the other, and rows removed from the definitions are kept
 * (deactivated): a unique value two rows exchange, or a removed row's value given to a new row, conflicts.
 */
export const REFERENCE_UNIQUE_HINT = 'a reference table\'s unique columns stay unique across all its rows, including rows '
  + 'removed from the definitions (kept, deactivated); rows take their new values one after the other, so two rows '
  + 'exchanging values conflict too. Keep the value on its old key, or change it in two applies (first to a value '
  + 'no row has).';

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
