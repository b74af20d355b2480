/** Catalog → generated files of the chosen targets, with the targets' own diagnostics. Pure. */
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import { applySeverities, type ProjectConfig, type TargetName } from '../project/config.js';
import { loadTarget } from '../targets/registry.js';
import type { GeneratedFile } from '../targets/target.js';

export interface CompileResult {
  readonly files: GeneratedFile[];
  readonly diagnostics: Diagnostic[];
  readonly ok: boolean;
}

export async function compileCatalog(
  catalog: Catalog, targets: readonly TargetName[], config: ProjectConfig,
  onTarget?: (name: TargetName, index: number, total: number) => void,
): Promise<CompileResult> {
  const files: GeneratedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [index, name] of targets.entries()) {
    onTarget?.(name, index + 1, targets.length);
    const target = await loadTarget(name);
    const output = target.generate(catalog, { config });
    files.push(...output.files);
    diagnostics.push(...output.diagnostics);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const configured = sortDiagnostics(applySeverities(diagnostics, config));
  return { files, diagnostics: configured, ok: !hasErrors(configured) };
}

/**
 * The diagnostics compile would add for these targets, without generating: validate reports them too, so that
 * what compile refuses (numeric(50,2) on a warehouse, LG801) a pre-commit hook refuses as well.
 */
export async function targetDiagnostics(catalog: Catalog, targets: readonly TargetName[], config: ProjectConfig): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const name of targets) {
    const target = await loadTarget(name);
    if (target.diagnose) diagnostics.push(...target.diagnose(catalog, { config }));
  }
  return applySeverities(diagnostics, config);
}
