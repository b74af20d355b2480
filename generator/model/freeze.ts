/**
 * The Catalog is immutable after resolve; its types say so (readonly everywhere), and under the test suite it
 * is also frozen, so an accidental mutation in a check or a target fails loudly in a test. A normal run skips
 * the walk (~5% of validating 5,000 tables): the tests have already proved nothing writes to it.
 * LAKEGEN_FREEZE_CATALOG=1 freezes it in any run.
 */
import { LazySpan } from '../diagnostics/lazy-span.js';

export function freezeCatalogIfChecking<T>(value: T): T {
  return process.env.VITEST || process.env.LAKEGEN_FREEZE_CATALOG ? deepFreeze(value) : value;
}

export function deepFreeze<T>(value: T): T {
  if (value instanceof LazySpan) return value; // reading its fields would compute the position
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
