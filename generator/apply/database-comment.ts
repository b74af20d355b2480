/**
 * The database's own comment, from its description. Only the database's owner may comment on it, and apply may
 * well run as a role that only owns what it creates: so the comment is written only when it differs from the
 * description, and a role that may not write it gets a note, not a failure.
 */
import type { DatabasePlan } from '../targets/postgres/plan.js';
import type { DatabaseSession } from './connection.js';

export type DatabaseCommentOutcome = 'unchanged' | 'updated' | 'not-owner';

export async function syncDatabaseComment(session: DatabaseSession, plan: DatabasePlan): Promise<DatabaseCommentOutcome> {
  const wanted = plan.database.description || null; // an empty description clears the comment, as in the deploy
  const { rows } = await session.query(`SELECT shobj_description(d.oid, 'pg_database') AS comment,
      pg_has_role(d.datdba, 'USAGE') AS owner FROM pg_database d WHERE d.datname = current_database()`);
  const live = (rows[0]?.comment as string | null | undefined) || null;
  if (live === wanted) return 'unchanged';
  if (!rows[0]?.owner) return 'not-owner';
  await session.exec(plan.currentDatabaseComment);
  return 'updated';
}
