import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import { ruleDiagnostic, type RuleMeta } from './rule.js';

/** What a rule family sees: the frozen Catalog, and a way to report. */
export interface CheckContext {
  readonly catalog: Catalog;
  report(rule: RuleMeta, at: SourceSpan, message: string, hint?: string): void;
}

export function createCheckContext(catalog: Catalog, diagnostics: Diagnostic[]): CheckContext {
  return {
    catalog,
    report: (rule, at, message, hint) => diagnostics.push(ruleDiagnostic(rule, at, message, hint)),
  };
}

export type RuleFamilyCheck = (context: CheckContext) => void;
