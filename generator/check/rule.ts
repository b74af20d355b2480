import type { Diagnostic, Severity, SourceSpan } from '../diagnostics/diagnostic.js';

/** A rule's stable identity. Codes never change meaning; names read `family/what`. */
export interface RuleMeta {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  /** One sentence for the README's rule list. */
  readonly description: string;
  /** The default fix, shown under every diagnostic of the rule. */
  readonly hint: string;
}

export function ruleDiagnostic(rule: RuleMeta, at: SourceSpan, message: string, hint?: string): Diagnostic {
  return {
    code: rule.code,
    rule: rule.name,
    severity: rule.severity,
    message,
    file: at.file,
    line: at.line,
    column: at.column,
    hint: hint ?? rule.hint,
  };
}

export function defineRules<const T extends Record<string, Omit<RuleMeta, 'name'>>>(
  family: string,
  rules: T,
): { readonly [K in keyof T]: RuleMeta } {
  const out: Record<string, RuleMeta> = {};
  for (const [short, meta] of Object.entries(rules)) out[short] = { ...meta, name: `${family}/${short}` };
  return out as { readonly [K in keyof T]: RuleMeta };
}
