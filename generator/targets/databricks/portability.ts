/** The database-wide part of Databricks's portability report: what holds for every table. */
import type { Database, Table } from '../../model/catalog.js';
import type { PortabilityNotes } from '../warehouse/portability.js';
import { classifyDefault, usedDefaultTranslations } from '../warehouse/values.js';

export function addGeneralNotes(notes: PortabilityNotes, database: Database, catalog: string, tables: readonly Table[]): void {
  notes.addGeneral(`Names: the database \`${database.name}\` is not a Databricks object: its schemas live in the Unity Catalog `
    + `catalog \`${catalog}\` (lakegen.config.yaml, databricks.catalog), so two databases in one catalog must not share a `
    + 'schema name. Names are case-insensitive; reserved words and other names that need it are back-ticked.');
  notes.addGeneral('Enforcement: NOT NULL and CHECK constraints are enforced; PRIMARY KEY and FOREIGN KEY constraints are '
    + 'informational only, and there are no UNIQUE constraints.');
  notes.addGeneral('Deploys are re-runnable: CREATE … IF NOT EXISTS never alters an existing schema or table, so a changed '
    + 'column, type or key needs a migration of its own. Checks are dropped and re-added, comments re-set and reference '
    + 'rows merged on every deploy.');
  const used = usedDefaultTranslations(tables);
  if (tables.some((t) => t.columns.some((c) => ['literal', 'now'].includes(classifyDefault(c).kind)))) {
    notes.addGeneral('Column defaults turn on the Delta table feature `allowColumnDefaults` (a protocol upgrade older '
      + 'Delta readers and writers do not support).');
  }
  if (used.has('now')) {
    notes.addGeneral('Default `now()` becomes `current_timestamp()`: the time of the query, not of a transaction.');
  }
  if (used.has('uuid')) {
    notes.addGeneral('Default `gen_random_uuid()` is not carried (LG804): a Databricks column default must be a constant, '
      + 'so writers supply uuid keys themselves, e.g. with `uuid()` in the INSERT.');
  }
  if (tables.some((t) => t.temporal)) {
    notes.addGeneral('Temporal tables become a pipeline over a change data feed: see each one\'s "Temporal behaviour".');
  }
}
