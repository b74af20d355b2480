/**
 * Temporal tables on Snowflake (DESIGN.md §8). Snowflake has no triggers, so the history is derived:
 * clients write the current-state table (CHANGE_TRACKING = TRUE); a stream
 * (https://docs.snowflake.com/en/sql-reference/sql/create-stream) collects its net changes; a task
 * (https://docs.snowflake.com/en/sql-reference/sql/create-task, created suspended, then
 * https://docs.snowflake.com/en/sql-reference/sql/alter-task RESUME) runs one MERGE per schedule that closes
 * the open version of every changed or deleted key and opens the new one. Open versions have
 * `sys_end IS NULL` (as dbt snapshots do), since Snowflake has no 'infinity'.
 *
 * The MERGE's source has, per key the stream touched, one row matched against the key's open version (close
 * it when the row is gone or its values changed; insert when there was none), plus one never-matching row
 * per changed key that has an open version, to insert the new version beside the one it closes. Both use one
 * CURRENT_TIMESTAMP(), so consecutive versions touch exactly. Idempotence: CREATE STREAM IF NOT EXISTS (a
 * replaced stream would lose its offset, and with it the changes not yet recorded); tasks, views and
 * functions hold no data and are replaced.
 */
import { warehouseTemporalNames } from '../../model/naming.js';
import { platformType } from '../warehouse/dialect.js';
import { tableId, type Table } from '../../model/catalog.js';
import type { ProjectConfig } from '../../project/config.js';
import { renderTemplate } from '../shared/render-template.js';
import type { WarehouseContext } from '../warehouse/columns.js';
import { code } from '../warehouse/portability.js';
import { freeName, temporalShape, type TemporalShape } from '../warehouse/temporal.js';
import { configIdentifier, dollarBody, qualifiedName, quoteIdent, quoteLiteral } from './quote.js';

export interface SnowflakeTemporalNames {
  readonly stream: string;
  readonly task: string;
}

export function snowflakeTemporalNames(table: Table): SnowflakeTemporalNames {
  const names = warehouseTemporalNames(table.name);
  return { stream: names.snowflakeStream, task: names.snowflakeTask };
}

export function temporalStatements(context: WarehouseContext, databaseName: string, table: Table, config: ProjectConfig): string[] {
  const shape = temporalShape(table);
  const names = snowflakeTemporalNames(table);
  const name = (object: string) => qualifiedName(databaseName, table.schema, object);
  const stream = name(names.stream);
  const task = name(names.task);
  reportTemporal(context, table, shape, config);
  return [
    renderTemplate('snowflake', 'stream.sql', {
      stream,
      current: name(shape.current),
      comment: quoteLiteral(`Changes of ${tableId({ schema: table.schema, name: shape.current })} not yet recorded in ${shape.history}.`),
    }).trimEnd(),
    historyTask(context, table, shape, { stream, task, history: name(shape.history) }, config),
    `ALTER TASK ${task} RESUME;`,
    renderTemplate('snowflake', 'open-versions-view.sql', {
      view: name(shape.openVersions),
      comment: quoteLiteral(`Open versions of ${tableId(table)} (sys_end IS NULL), as of the task's last run.`),
      columns: table.columns.map((c) => quoteIdent(c.name)),
      history: name(shape.history),
    }).trimEnd(),
    asOfFunction(context, table, shape, name),
  ];
}

function historyTask(
  context: WarehouseContext, table: Table, shape: TemporalShape,
  objects: { stream: string; task: string; history: string }, config: ProjectConfig,
): string {
  const isNew = freeName('lakegen_is_new', table.columns);
  return renderTemplate('snowflake', 'history-task.sql', {
    task: objects.task,
    warehouse: configIdentifier(config.snowflake.warehouse),
    schedule: quoteLiteral(config.snowflake.schedule),
    comment: quoteLiteral(`Records the changes of ${shape.current} in ${shape.history}: closes changed versions, opens new ones.`),
    streamLiteral: quoteLiteral(objects.stream),
    stream: objects.stream,
    history: objects.history,
    key: shape.key.map((c, i) => ({ name: quoteIdent(c.name), alias: quoteIdent(freeName(`lakegen_key_${i + 1}`, table.columns)) })),
    state: shape.stateColumns.map((c) => quoteIdent(c.name)),
    values: shape.valueColumns.map((c) => quoteIdent(c.name)),
    isNew: quoteIdent(isNew),
    now: context.dialect.now,
  }).trimEnd();
}

/** `<current view>_as_of(t)`: the versions valid at t, as a SQL table function (UDTF). */
function asOfFunction(context: WarehouseContext, table: Table, shape: TemporalShape, name: (object: string) => string): string {
  const argument = quoteIdent(freeName('as_of_time', table.columns));
  const body = renderTemplate('snowflake', 'as-of-body.sql', {
    columns: table.columns.map((c) => quoteIdent(c.name)),
    history: name(shape.history),
    argument,
  }).trimEnd();
  return renderTemplate('snowflake', 'as-of-function.sql', {
    function: name(shape.asOf),
    argument,
    returns: table.columns.map((c) => `${quoteIdent(c.name)} ${platformType(context.dialect, c.type).sql}`),
    comment: quoteLiteral(`Versions of ${tableId(table)} valid at the given time: sys_start <= t AND (sys_end IS NULL OR sys_end > t).`),
    body: dollarBody(body),
  }).trimEnd();
}

function reportTemporal(context: WarehouseContext, table: Table, shape: TemporalShape, config: ProjectConfig): void {
  const { notes } = context;
  const names = snowflakeTemporalNames(table);
  const add = (note: string) => notes.add(table, 'temporal', note);
  add(`History is kept by a scheduled task, not by triggers: clients write the current-state table ${code(shape.current)} `
    + `(CHANGE_TRACKING = TRUE); the stream ${code(names.stream)} collects its changes and the task ${code(names.task)} `
    + `(warehouse ${code(config.snowflake.warehouse)}, schedule ${code(config.snowflake.schedule)}; created suspended, then resumed) `
    + `merges them into ${code(shape.history)}. There is no writable current view.`);
  add('History granularity is one task run, not one transaction: all changes to a row between two runs collapse into one '
    + 'version (a row inserted and deleted in between leaves no trace), and sys_start/sys_end are the time of the run, '
    + 'up to one schedule interval after the change.');
  add(`Open versions have sys_end NULL, not 'infinity': ${code(shape.openVersions)} shows them; ${code(`${shape.asOf}(t)`)} `
    + 'returns the versions valid at t (sys_start <= t AND (sys_end IS NULL OR sys_end > t)).');
  add(`The business key (${shape.key.map((c) => c.name).join(', ')}) of ${code(shape.current)} is informational: duplicate keys `
    + 'make the task\'s MERGE fail (nondeterministic) until they are removed.');
  add('If the task does not run within the current table\'s data retention period (extended up to 14 days for streams), '
    + 'the stream goes stale and the changes in between never reach the history.');
  add(`Checks, unique and foreign keys apply to ${code(shape.current)} only; ${code(shape.history)} has its primary key `
    + '(key, sys_start) and the period check. Nothing stops an UPDATE or DELETE of the history: grant writes on it to the task\'s owner only.');
  add('Not carried from PostgreSQL (they need triggers): one version per transaction, writes through the view, the error on '
    + 'a period that would end before it starts, and the guard against two open versions of one key.');
}
