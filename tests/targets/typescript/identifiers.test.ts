/**
 * Everything from the definitions reaches TypeScript source through identifiers.ts: string literals must
 * evaluate to exactly the input, names must be valid where they are used, comments must not end early.
 * Property tests over arbitrary Unicode, plus the awkward values of the quoting fixture.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bindingName, docComment, lineCommentText, NameAllocator, pascalCase, propertyKey, tsSqlString, tsString,
} from '../../../generator/targets/typescript/identifiers.js';

const AWKWARD = [
  '', "O'Brien", 'a;b', 'Zürich ☃', '$lakegen$ end', 'C:\\temp\\new', "'; DROP TABLE x; --", 'line\nbreak\ttab',
  '`${x}`', '\\`', '$${a}', '\r\n', '\u2028\u2029', '\u0000\u007f', '*/ /*', '😀 astral', 'we"ird',
  '__proto__', 'constructor', 'hasOwnProperty', '𐡘', '²',
];

const evaluate = (literal: string): unknown => new Function(`return ${literal};`)();
const strings = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom(...AWKWARD));

describe('TypeScript spelling of names and values', () => {
  it('string literals evaluate to exactly their text, single-quoted or template', () => {
    fc.assert(fc.property(strings, (text) => {
      expect(evaluate(tsString(text))).toBe(text);
      expect(evaluate(tsSqlString(text))).toBe(text);
    }));
    expect(tsSqlString("to_char(x, 'YYYY')")).toBe("`to_char(x, 'YYYY')`");
    expect(tsSqlString('"select"')).toBe('\'"select"\'');
  });

  it('property keys are bare identifier names or literals that read back the same', () => {
    fc.assert(fc.property(strings, (name) => {
      const object = evaluate(`{ ${propertyKey(name)}: 1 }`) as Record<string, number>;
      expect(Object.keys(object)).toEqual([name]);
    }));
    expect(propertyKey('select')).toBe('select');
    expect(propertyKey('größe')).toBe('größe');
    expect(propertyKey('Mixed Case')).toBe("'Mixed Case'");
  });

  it('type and binding names are always valid bindings', () => {
    fc.assert(fc.property(strings, (name) => {
      for (const binding of [`${pascalCase(name)}Row`, pascalCase(name), bindingName(name)]) {
        expect(() => new Function(`"use strict"; let ${binding} = 1; return ${binding};`), binding).not.toThrow();
      }
    }));
    expect(pascalCase('trade_status_type')).toBe('TradeStatusType');
    expect(bindingName('user')).toBe('user');
    expect(bindingName('class')).toBe('_class');
  });

  it('hands out each name once', () => {
    const names = new NameAllocator(['Client']);
    expect([names.claim('Foo1'), names.claim('Foo1'), names.claim('Client')]).toEqual(['Foo1', 'Foo1_2', 'Client_2']);
  });

  it('comments cannot be ended or broken by a description', () => {
    fc.assert(fc.property(strings, (text) => {
      const block = docComment([text]).join('\n');
      expect(block.slice(3, -2)).not.toContain('*/');
      expect(lineCommentText(text)).not.toMatch(/[\r\n\u2028\u2029]/);
    }));
  });
});
