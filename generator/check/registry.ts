/**
 * Every rule lakegen knows, in code order: the README's rule list and the config's severity overrides are
 * read from here, so neither can drift from the checks themselves.
 */
import type { Catalog } from '../model/catalog.js';
import type { TargetName } from '../project/target-names.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createCheckContext, type RuleFamilyCheck } from './context.js';
import { checkDefaults, DEFAULT_RULES } from './defaults.js';
import { checkKinds, REFERENCE_RULES, TEMPORAL_RULES, TRANSACTIONAL_RULES } from './kinds.js';
import { checkLayers, LAYER_RULES } from './layer.js';
import { LOAD_RULES } from './load-rules.js';
import { MODEL_RULES, ROWS_RULES } from './model-rules.js';
import { checkNaming, NAMING_RULES } from './naming.js';
import { checkNameCollisions, COLLISION_RULES } from './name-collisions.js';
import { checkReferences } from './references.js';
import { REFERENCES_RULES } from './references-rules.js';
import { checkRows } from './rows.js';
import type { RuleMeta } from './rule.js';
import { PORTABILITY_RULES } from './portability-rules.js';

export const ALL_RULES: readonly RuleMeta[] = [
  LOAD_RULES, MODEL_RULES, DEFAULT_RULES, NAMING_RULES, COLLISION_RULES, REFERENCE_RULES, TRANSACTIONAL_RULES, TEMPORAL_RULES,
  REFERENCES_RULES, LAYER_RULES, ROWS_RULES, PORTABILITY_RULES,
].flatMap((family) => Object.values(family)).sort((a, b) => (a.code < b.code ? -1 : 1));

const FAMILY_CHECKS: readonly RuleFamilyCheck[] = [
  checkNaming, checkNameCollisions, checkKinds, checkReferences, checkLayers, checkRows, checkDefaults,
];

/** Runs every convention rule family over the Catalog. */
export function checkConventions(catalog: Catalog, targets?: readonly TargetName[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const context = createCheckContext(catalog, diagnostics, targets);
  for (const check of FAMILY_CHECKS) check(context);
  return diagnostics;
}

export function findRule(codeOrName: string): RuleMeta | undefined {
  return ALL_RULES.find((r) => r.code === codeOrName || r.name === codeOrName);
}
