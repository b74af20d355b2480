import type { Catalog } from '../../model/catalog.js';
import type { Target, TargetOptions, TargetOutput } from '../target.js';
import { warehouseDiagnostics } from '../warehouse/columns.js';
import { SNOWFLAKE } from './dialect.js';
import { snowflakeDatabase } from './files.js';

export const snowflakeTarget: Target = {
  name: 'snowflake',
  description: 'Snowflake DDL in deploy order (informational keys), stream/task history for temporal tables, reference rows as MERGE, a portability report',
  generate(catalog: Catalog, options: TargetOptions): TargetOutput {
    const outputs = catalog.databases.map((database) => snowflakeDatabase(database, options.config));
    return { files: outputs.flatMap((o) => o.files), diagnostics: outputs.flatMap((o) => o.diagnostics) };
  },
  diagnose(catalog: Catalog) {
    return catalog.databases.flatMap((database) => warehouseDiagnostics(SNOWFLAKE, database));
  },
};
