import type { PlanEntry } from '../targets/postgres/plan.js';

/** The steps of apply, in order; `--only` picks some of them. */
export const APPLY_ONLY_STEPS = ['databases', 'schemas', 'tables', 'temporal', 'views', 'data'] as const;
export type ApplyOnlyStep = (typeof APPLY_ONLY_STEPS)[number];

export function entryMatchesStep(entry: PlanEntry, step: ApplyOnlyStep): boolean {
  return entry.step === step;
}
