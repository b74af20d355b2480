/** The front half of the pipeline: config → load → validate structure → resolve → check conventions. */
import { join, resolve as resolvePath } from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkConventions } from '../check/registry.js';
import { loadProject } from '../load/load-project.js';
import type { Catalog } from '../model/catalog.js';
import { resolve } from '../model/resolve.js';
import { applySeverities, readConfig, type ProjectConfig, type TargetName } from './config.js';
import type { ProjectLocation } from './locate.js';

export const PARSE_CACHE_FILE = join('.lakegen', 'cache', 'definitions.bin');

export interface AnalyzedProject {
  readonly root: string;
  readonly definitionsDir: string;
  readonly config: ProjectConfig;
  /** Present even when diagnostics have errors: it holds what could be resolved. */
  readonly catalog: Catalog;
  readonly diagnostics: readonly Diagnostic[];
  readonly files: readonly string[];
  readonly ok: boolean;
}

export interface AnalyzeOptions {
  /** Keep parsed YAML in <root>/.lakegen/cache/ between runs (not for a bare definitions folder). */
  readonly cache?: boolean;
  /** The targets being compiled when not the config's (compile --target): rules about their objects follow. */
  readonly targets?: readonly TargetName[];
}

export async function analyzeProject(
  location: ProjectLocation, displayBase = process.cwd(), options: AnalyzeOptions = {},
): Promise<AnalyzedProject> {
  const { config, diagnostics: configDiagnostics } = readConfig(location.root, displayBase);
  const definitionsDir = location.definitionsOverride ?? resolvePath(join(location.root, config.definitions));
  const cacheFile = options.cache && !location.definitionsOverride ? join(location.root, PARSE_CACHE_FILE) : undefined;
  const loaded = await loadProject(definitionsDir, { displayBase, cacheFile });
  const resolved = resolve(loaded.documents, loaded.unreadable);
  const conventions = checkConventions(resolved.catalog, options.targets ?? config.targets);
  const diagnostics = sortDiagnostics(
    applySeverities([...configDiagnostics, ...loaded.diagnostics, ...resolved.diagnostics, ...conventions], config),
  );
  return {
    root: location.root,
    definitionsDir,
    config,
    catalog: resolved.catalog,
    diagnostics,
    files: loaded.files,
    ok: !hasErrors(diagnostics),
  };
}
