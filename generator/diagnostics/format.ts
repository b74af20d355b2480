/** Diagnostics for people (pretty), for tools (json) and for GitHub Actions (workflow annotations). */
import pc from 'picocolors';
import type { Diagnostic } from './diagnostic.js';

export const DIAGNOSTIC_FORMATS = ['pretty', 'json', 'github'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

export interface FormatOptions {
  readonly color: boolean;
  /** Files read, for the closing summary. */
  readonly fileCount: number;
  /** For GitHub annotations: a displayed path as GitHub wants it, relative to the repository root. */
  readonly repositoryPath?: (file: string) => string;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, options: FormatOptions): string {
  if (format === 'json') return `${JSON.stringify({ diagnostics, summary: summarize(diagnostics, options.fileCount) }, null, 2)}\n`;
  if (format === 'github') return diagnostics.map((d) => githubAnnotation(d, options.repositoryPath ?? ((file) => file))).join('');
  return formatPretty(diagnostics, options);
}

function summarize(diagnostics: readonly Diagnostic[], files: number) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors, files };
}

function formatPretty(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const colors = pc.createColors(options.color);
  const lines: string[] = [];
  for (const d of diagnostics) {
    const severity = d.severity === 'error' ? colors.red('error') : colors.yellow('warning');
    lines.push(`${colors.bold(`${d.file}:${d.line}:${d.column}`)}  ${severity}  ${colors.dim(`${d.code} ${d.rule}`)}  ${d.message}`);
    if (d.hint) lines.push(`    ${colors.cyan('hint:')} ${d.hint}`);
  }
  const { errors, warnings, files } = summarize(diagnostics, options.fileCount);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (diagnostics.length === 0) lines.push(colors.green(`✔ ${plural(files, 'file')} checked, no problems`));
  else {
    const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
    lines.push(errors > 0 ? colors.red(`✖ ${summary}`) : colors.yellow(`⚠ ${summary}`));
  }
  return `${lines.join('\n')}\n`;
}

/** https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message */
function githubAnnotation(d: Diagnostic, repositoryPath: (file: string) => string): string {
  const properties = `file=${escapeProperty(repositoryPath(d.file))},line=${d.line},col=${d.column},title=${escapeProperty(`${d.code} ${d.rule}`)}`;
  const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
  return `::${d.severity} ${properties}::${escapeData(message)}\n`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
