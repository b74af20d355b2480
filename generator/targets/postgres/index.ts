import type { Catalog } from '../../model/catalog.js';
import type { Target, TargetOutput } from '../target.js';
import { planFiles } from './files.js';
import { planDatabase } from './plan.js';

export const postgresTarget: Target = {
  name: 'postgres',
  description: 'PostgreSQL 15 DDL in deploy order, temporal history triggers, current-state views, reference rows',
  generate(catalog: Catalog): TargetOutput {
    return { files: catalog.databases.flatMap((database) => planFiles(planDatabase(database))), diagnostics: [] };
  },
};
