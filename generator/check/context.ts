import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import { ruleDiagnostic, type RuleMeta } from './rule.js';
import { TARGET_NAMES, type TargetName } from '../project/target-names.js';

/** What a rule family sees: the frozen Catalog, the targets the project compiles, and a way to report. */
export interface CheckContext {
  readonly catalog: Catalog;
  /** From lakegen.config.yaml: rules about what a target creates apply when it is compiled. */
  readonly targets: readonly TargetName[];
  report(rule: RuleMeta, at: SourceSpan, message: string, hint?: string): void;
}

export function createCheckContext(catalog: Catalog, diagnostics: Diagnostic[], targets: readonly TargetName[] = TARGET_NAMES): CheckContext {
  return {
    catalog,
    targets,
    report: (rule, at, message, hint) => diagnostics.push(ruleDiagnostic(rule, at, message, hint)),
  };
}

export type RuleFamilyCheck = (context: CheckContext) => void;
