/**
 * Temporal tables on Databricks (DESIGN.md §8) as a Lakeflow Spark Declarative Pipelines source file: the
 * change data feed of the current-state table (https://docs.databricks.com/delta/delta-change-data-feed.html)
 * flows through AUTO CDC … STORED AS SCD TYPE 2
 * (https://docs.databricks.com/dlt-ref/dlt-sql-ref-apply-changes-into.html) into `<name>_hist`, sequenced by
 * the commit timestamp (strictly increasing per Delta table), so every commit that changes a key opens a
 * version. Two views map AUTO CDC's __START_AT/__END_AT to sys_start/sys_end: all versions, and the open
 * ones (`__END_AT IS NULL`) (https://docs.databricks.com/dlt-ref/dlt-sql-ref-create-view.html).
 */
import { tableId, type Table } from '../../model/catalog.js';
import { fileSafeName, warehouseTemporalNames } from '../../model/naming.js';
import { renderTemplate } from '../shared/render-template.js';
import { generatedHeader } from '../target.js';
import type { WarehouseContext } from '../warehouse/columns.js';
import { code } from '../warehouse/portability.js';
import { temporalShape } from '../warehouse/temporal.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './quote.js';

export function pipelineFileName(table: Table): string {
  return `pipeline/${fileSafeName(table.schema)}.${fileSafeName(table.name)}.sql`;
}

export function pipelineSource(context: WarehouseContext, catalog: string, table: Table): string {
  const shape = temporalShape(table);
  const name = (object: string) => qualifiedName(catalog, table.schema, object);
  const versions = warehouseTemporalNames(table.name).databricksVersions;
  // Flow and temporary view names are private to the pipeline, which may hold every temporal table's file.
  const local = `${table.schema}_${table.name}`;
  report(context, table, catalog, versions);
  return renderTemplate('databricks', 'pipeline.sql', {
    header: generatedHeader('--', `definitions/${table.source}`),
    tableId: tableId(table),
    current: name(shape.current),
    history: name(shape.history),
    changes: quoteIdent(`${local}_changes`),
    flow: quoteIdent(`${local}_flow`),
    keys: shape.key.map((c) => quoteIdent(c.name)),
    columns: shape.stateColumns.map((c) => quoteIdent(c.name)),
    versions: name(versions),
    openVersions: name(shape.openVersions),
    historyComment: quoteLiteral(`${table.description ? `${table.description}. ` : ''}Every version of ${shape.current} (SCD type 2): `
      + `__START_AT/__END_AT, read them through ${versions}.`),
    versionsComment: quoteLiteral(`Every version of ${tableId(table)}, with sys_start/sys_end; sys_end is NULL while the version is current.`),
    openComment: quoteLiteral(`Open versions of ${tableId(table)} (sys_end IS NULL), as of the pipeline's last update.`),
  });
}

function report(context: WarehouseContext, table: Table, catalog: string, versions: string): void {
  const shape = temporalShape(table);
  const add = (note: string) => context.notes.add(table, 'temporal', note);
  add(`History is kept by a pipeline, not by triggers: clients write the current-state table ${code(shape.current)} `
    + '(change data feed on); the pipeline file ' + code(pipelineFileName(table)) + ' feeds its change feed through AUTO CDC '
    + `(SCD type 2) into the streaming table ${code(`${catalog}.${table.schema}.${shape.history}`)}. There is no writable current view.`);
  add('History granularity is one Delta commit, not one transaction: each commit that changes a key opens a version, '
    + 'sys_start/sys_end are commit timestamps, and the history only moves when the pipeline updates (triggered or continuous).');
  add(`The history table has AUTO CDC's columns __START_AT/__END_AT: ${code(versions)} shows every version with `
    + `sys_start/sys_end and ${code(shape.openVersions)} the open ones (sys_end IS NULL, not 'infinity'); versions valid at t: `
    + `${code(`SELECT * FROM ${versions} WHERE sys_start <= t AND (sys_end IS NULL OR sys_end > t)`)}.`);
  add(`The business key (${shape.key.map((c) => c.name).join(', ')}) of ${code(shape.current)} is informational: `
    + 'rows sharing a key are taken by AUTO CDC as changes of one row, so their versions interleave in the history.');
  add('The change feed is kept only as long as the table\'s log retention (VACUUM removes older change files): a pipeline '
    + 'that does not run for longer loses those changes, and a full refresh rebuilds the history only from the feed still retained.');
  add(`Checks and foreign keys apply to ${code(shape.current)} only; the pipeline owns ${code(shape.history)}, and its `
    + 'primary key (key, sys_start) and period check are not declared.');
  add('Not carried from PostgreSQL (they need triggers): one version per transaction, writes through the view, the error on '
    + 'a period that would end before it starts, and the guard against two open versions of one key.');
}
