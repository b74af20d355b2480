/**
 * Modules that lakegen loads only when a run needs them: `yaml` (positions, for a diagnostic), csv-parse (a
 * reference table with a CSV) and ajv's runtime helpers (the precompiled validators). Here they are required
 * from node_modules; the CLI bundle swaps this file for optional-modules.bundle.cjs (generator/cli/bundle.mjs),
 * whose plain require() calls esbuild bundles, so that they are covered by the V8 code cache and still
 * evaluated only on first use.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export const requireYaml = (): typeof import('yaml') => load('yaml') as typeof import('yaml');
export const requireCsvParse = (): typeof import('csv-parse/sync') => load('csv-parse/sync') as typeof import('csv-parse/sync');
export const requireAjvEqual = (): unknown => (load('ajv/dist/runtime/equal') as { default: unknown }).default;
export const requireAjvUcs2length = (): unknown => (load('ajv/dist/runtime/ucs2length') as { default: unknown }).default;
