/**
 * A TypeScript definition's value as plain data, copied: what YAML can hold (strings, finite numbers,
 * booleans, null, arrays, plain objects). Anything else is refused with where it is, rather than changed by a
 * JSON round trip (a Map or Set to {}, a Date to a string, a class instance to its fields). The copy is made
 * without calling into the definition's code (no toJSON, no getters), under the runner's time limit.
 */
export type PlainData = { readonly value: unknown } | { readonly problem: string };

export function plainData(value: unknown, path: readonly (string | number)[] = []): PlainData {
  const where = path.length ? ` at ${path.join('.')}` : '';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { value };
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { problem: `${value}${where}` };
  if (typeof value !== 'object') return { problem: `a ${typeof value}${where}` };
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (Array.isArray(value) && prototype === Array.prototype) return plainArray(value, path, where);
  if (prototype !== Object.prototype && prototype !== null) {
    const name = (prototype as { constructor?: { name?: unknown } }).constructor?.name;
    return { problem: `${typeof name === 'string' && name ? `a ${name}` : 'an object that is not plain'}${where}` };
  }
  const copy: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'symbol') return { problem: `a symbol key${where}` };
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if (!descriptor.enumerable) continue;
    if (!('value' in descriptor)) return { problem: `a getter or setter at ${[...path, key].join('.')}` };
    if (descriptor.value === undefined) continue; // as an absent key, the way YAML has no undefined
    const child = plainData(descriptor.value, [...path, key]);
    if ('problem' in child) return child;
    // defineProperty, not assignment: a key named __proto__ stays a key
    Object.defineProperty(copy, key, { value: child.value, enumerable: true, writable: true, configurable: true });
  }
  return { value: copy };
}

function plainArray(value: readonly unknown[], path: readonly (string | number)[], where: string): PlainData {
  const copy: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    const descriptor = Object.getOwnPropertyDescriptor(value, i);
    if (descriptor === undefined || descriptor.value === undefined) {
      return { problem: descriptor && !('value' in descriptor) ? `a getter at ${[...path, i].join('.')}` : `undefined${where}.${i}` };
    }
    const child = plainData(descriptor.value, [...path, i]);
    if ('problem' in child) return child;
    copy.push(child.value);
  }
  return { value: copy };
}
