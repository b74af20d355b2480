/** Type spellings: parsed once and shared, compared by value. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLogicalType, LOGICAL_TYPE_NAMES, parseTypeSpec, sameLogicalType, type LogicalType } from '../../generator/model/logical-type.js';

const spelling = fc.oneof(
  fc.constantFrom(...LOGICAL_TYPE_NAMES.filter((name) => name !== 'varchar' && name !== 'char')),
  fc.tuple(fc.constantFrom('varchar', 'char'), fc.integer({ min: 1, max: 300 })).map(([n, l]) => `${n}(${l})`),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([p, s]) => `numeric(${p},${Math.min(s, p)})`),
  fc.integer({ min: 1, max: 40 }).map((p) => `numeric(${p})`),
).chain((base) => fc.constantFrom(base, `${base}?`, ` ${base} `));

const typeOf = (text: string): LogicalType => {
  const parsed = parseTypeSpec(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.type;
};

describe('logical types', () => {
  it('one spelling parses to one frozen object, the same each time', () => {
    const first = parseTypeSpec('numeric(18,4)?');
    expect(parseTypeSpec('numeric(18,4)?')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen((first as { type: LogicalType }).type)).toBe(true);
    expect(parseTypeSpec('numeric(18,4)')).not.toBe(first);
  });

  it('are the same exactly when they print the same (property)', () => {
    fc.assert(fc.property(spelling, spelling, (a, b) => {
      const [x, y] = [typeOf(a), typeOf(b)];
      expect(sameLogicalType(x, y)).toBe(formatLogicalType(x) === formatLogicalType(y));
      // a type built by hand (the kinds' added columns) compares by value too
      expect(sameLogicalType({ ...x }, y)).toBe(formatLogicalType(x) === formatLogicalType(y));
    }), { numRuns: 500 });
  });

  it('numeric without precision differs from numeric with it', () => {
    expect(sameLogicalType(typeOf('numeric'), typeOf('numeric(10)'))).toBe(false);
    expect(sameLogicalType(typeOf('numeric(10)'), typeOf('numeric(10,0)'))).toBe(true);
  });
});
