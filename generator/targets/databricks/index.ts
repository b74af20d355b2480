import type { Catalog } from '../../model/catalog.js';
import type { Target, TargetOptions, TargetOutput } from '../target.js';
import { warehouseDiagnostics } from '../warehouse/columns.js';
import { DATABRICKS } from './dialect.js';
import { databricksDatabase } from './files.js';

export const databricksTarget: Target = {
  name: 'databricks',
  description: 'Databricks Delta tables in deploy order (informational keys, CHECK constraints), reference rows as MERGE, a Lakeflow pipeline for temporal history, a portability report',
  generate(catalog: Catalog, options: TargetOptions): TargetOutput {
    const outputs = catalog.databases.map((database) => databricksDatabase(database, options.config));
    return { files: outputs.flatMap((o) => o.files), diagnostics: outputs.flatMap((o) => o.diagnostics) };
  },
  diagnose(catalog: Catalog) {
    return catalog.databases.flatMap((database) => warehouseDiagnostics(DATABRICKS, database));
  },
};
