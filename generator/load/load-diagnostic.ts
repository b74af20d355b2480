import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';
import { LOAD_RULES, type LoadRuleName } from '../check/load-rules.js';

export function loadDiagnostic(name: LoadRuleName, at: SourceSpan, message: string, hint?: string): Diagnostic {
  const rule = LOAD_RULES[name];
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
