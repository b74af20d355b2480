/**
 * Targets by name, loaded on demand: compiling one target does not load the others (nor, for validate,
 * any of them). A Record, so a target named in the config schema cannot lack an implementation.
 */
import type { TargetName } from '../project/config.js';
import type { Target } from './target.js';

const LOADERS: Record<TargetName, () => Promise<Target>> = {
  postgres: async () => (await import('./postgres/index.js')).postgresTarget,
  snowflake: async () => (await import('./snowflake/index.js')).snowflakeTarget,
  databricks: async () => (await import('./databricks/index.js')).databricksTarget,
  typescript: async () => (await import('./typescript/index.js')).typescriptTarget,
  docs: async () => (await import('./docs/index.js')).docsTarget,
};

export function loadTarget(name: TargetName): Promise<Target> {
  return LOADERS[name]();
}

export const AVAILABLE_TARGETS = Object.keys(LOADERS) as TargetName[];
