/** lakegen.config.yaml: read, validated by its own JSON Schema, defaults filled in. */
import type { ValidateFunction } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { loadDiagnostic } from '../load/load-diagnostic.js';
import { readYaml } from '../load/yaml-reader.js';
import { findRule } from '../check/registry.js';
import { config as validateConfig } from '../dsl/dsl-validators.generated.js';

import { TARGET_NAMES, type TargetName } from './target-names.js';

export { TARGET_NAMES, type TargetName };
export const CONFIG_FILE = 'lakegen.config.yaml';

export interface ProjectConfig {
  readonly definitions: string;
  readonly output: string;
  readonly targets: readonly TargetName[];
  /** By rule code. */
  readonly severities: ReadonlyMap<string, Severity | 'off'>;
  readonly snowflake: { readonly warehouse: string; readonly schedule: string };
  readonly databricks: { readonly catalog: string };
  readonly apply: { readonly url?: string };
}

export const DEFAULT_CONFIG: ProjectConfig = {
  definitions: 'definitions',
  output: 'generated',
  targets: TARGET_NAMES,
  severities: new Map(),
  snowflake: { warehouse: 'COMPUTE_WH', schedule: '1 MINUTE' },
  databricks: { catalog: 'main' },
  apply: {},
};

interface RawConfig {
  definitions?: string;
  output?: string;
  targets?: TargetName[];
  rules?: Record<string, Severity | 'off'>;
  snowflake?: { warehouse?: string; schedule?: string };
  databricks?: { catalog?: string };
  apply?: { url?: string };
}

export function readConfig(root: string, displayBase: string): { config: ProjectConfig; diagnostics: Diagnostic[] } {
  const path = join(root, CONFIG_FILE);
  if (!existsSync(path)) return { config: DEFAULT_CONFIG, diagnostics: [] };
  const file = relative(displayBase, path) || path;
  const { parsed, diagnostics } = readYaml(file, readFileSync(path, 'utf8'));
  if (!parsed) return { config: DEFAULT_CONFIG, diagnostics };
  const raw = (parsed.value ?? {}) as RawConfig;
  const validate = validateConfig as ValidateFunction;
  if (!validate(raw)) {
    for (const error of validate.errors ?? []) {
      const path = error.instancePath.split('/').filter(Boolean);
      if (error.keyword === 'additionalProperties') {
        const key = String(error.params.additionalProperty);
        const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {}).filter((k) => k !== '$schema');
        const best = allowed.length ? closest(key, allowed) : undefined;
        const suggestion = best && distance(key, best) <= 3 ? ` — did you mean \`${best}\`?` : '';
        diagnostics.push(loadDiagnostic('config', parsed.locate([...path, key], 'key'), `unknown key \`${key}\`${suggestion}`,
          `Allowed keys here: ${allowed.join(', ')}.`));
      } else {
        diagnostics.push(loadDiagnostic('config', parsed.locate(path), `\`${path.join('.') || 'config'}\` ${error.message}`));
      }
    }
    return { config: DEFAULT_CONFIG, diagnostics };
  }
  const severities = new Map<string, Severity | 'off'>();
  for (const [key, severity] of Object.entries(raw.rules ?? {})) {
    const rule = findRule(key);
    if (!rule) {
      diagnostics.push(loadDiagnostic('config', parsed.locate(['rules', key], 'key'), `unknown rule \`${key}\``,
        'Name a rule by code (LG104) or name (naming/reserved-word); `lakegen rules` lists them.'));
      continue;
    }
    severities.set(rule.code, severity);
  }
  return {
    diagnostics,
    config: {
      definitions: raw.definitions ?? DEFAULT_CONFIG.definitions,
      output: raw.output ?? DEFAULT_CONFIG.output,
      targets: raw.targets ?? DEFAULT_CONFIG.targets,
      severities,
      snowflake: { ...DEFAULT_CONFIG.snowflake, ...raw.snowflake },
      databricks: { ...DEFAULT_CONFIG.databricks, ...raw.databricks },
      apply: { ...raw.apply },
    },
  };
}

/** Applies the configured severities: a rule may be made a warning, an error, or turned off. */
export function applySeverities(diagnostics: readonly Diagnostic[], config: ProjectConfig): Diagnostic[] {
  if (config.severities.size === 0) return [...diagnostics];
  return diagnostics.flatMap((d) => {
    const severity = config.severities.get(d.code);
    if (severity === undefined) return [d];
    return severity === 'off' ? [] : [{ ...d, severity }];
  });
}
