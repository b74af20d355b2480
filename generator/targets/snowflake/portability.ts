/** The database-wide part of Snowflake's portability report: what holds for every table. */
import type { Table } from '../../model/catalog.js';
import { PortabilityNotes } from '../warehouse/portability.js';
import { usedDefaultTranslations } from '../warehouse/values.js';

export function addGeneralNotes(notes: PortabilityNotes, tables: readonly Table[]): void {
  notes.addGeneral('Names: lakegen writes snake_case names unquoted, so Snowflake stores them upper-cased '
    + '(`trade_id` is `TRADE_ID`) and queries may name them unquoted in any case. A reserved word is quoted in that '
    + 'same upper-case form (`"SELECT"`); a name with no unquoted spelling (upper-case or non-ASCII letters, spaces, '
    + 'quotes) is quoted as written and is case-sensitive (`"größe"`).');
  notes.addGeneral('Enforcement: NOT NULL and CHECK constraints are enforced; PRIMARY KEY, UNIQUE and FOREIGN KEY '
    + 'constraints are informational only (Snowflake never rejects a row for them). CHECK constraints are recent on '
    + 'Snowflake: an account without them rejects a CREATE TABLE that declares one.');
  notes.addGeneral('Deploys are re-runnable: CREATE … IF NOT EXISTS never alters an existing database, schema, table or '
    + 'stream, so a changed column, type or constraint needs a migration of its own. Comments, views, functions and '
    + 'tasks are replaced on every deploy; reference rows are merged.');
  const used = usedDefaultTranslations(tables);
  if (used.has('now')) {
    notes.addGeneral('Default `now()` becomes `CURRENT_TIMESTAMP()`: the time of the statement, not of the transaction.');
  }
  if (used.has('uuid')) {
    notes.addGeneral('Default `gen_random_uuid()` becomes `UUID_STRING()`: a random (version 4) UUID, as text.');
  }
  if (tables.some((t) => t.temporal)) {
    notes.addGeneral('Temporal tables become a stream and a scheduled task: see each one\'s "Temporal behaviour".');
  }
}
