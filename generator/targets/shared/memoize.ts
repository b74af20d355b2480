/**
 * A string function remembered per argument. Targets quote the same few thousand names (tables, columns)
 * again in every statement that mentions them; quoting is pure, so each name is quoted once per process.
 * Bounded, so a long `compile --watch` of ever-new names cannot grow it without end.
 */
export function memoizeString(fn: (text: string) => string, limit = 100_000): (text: string) => string {
  const remembered = new Map<string, string>();
  return (text) => {
    let result = remembered.get(text);
    if (result === undefined) {
      result = fn(text);
      if (remembered.size >= limit) remembered.clear();
      remembered.set(text, result);
    }
    return result;
  };
}
