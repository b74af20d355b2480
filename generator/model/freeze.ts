/** The Catalog is immutable after resolve: freezing makes an accidental mutation in a target fail loudly. */
import { LazySpan } from '../diagnostics/lazy-span.js';

export function deepFreeze<T>(value: T): T {
  if (value instanceof LazySpan) return value; // reading its fields would compute the position
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
