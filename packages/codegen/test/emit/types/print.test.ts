import { describe, expect, it } from 'vitest';
import { printBody } from '../../../src/emit/types/print.js';
import { KeyTable, tupleMarker } from '../../../src/emit/types/to-jstt.js';

const print = (source: string, keys = new KeyTable()): string => printBody(source, keys);

describe('printBody: re-printing jstt output made with format: false', () => {
  it('indents by bracket depth and ends members with `;`', () => {
    expect(print('{\na: string\nb?: {\nc: (number | null)\n}\n[k: string]: unknown | undefined\n}')).toBe(
      '{\n  a: string;\n  b?: {\n    c: number | null;\n  };\n  [k: string]: unknown;\n}',
    );
  });

  it('indents unions of object types by the line that opened them', () => {
    expect(print('{\nx?: ({\nk: "a"\n} | {\nk: "b"\n})\n}')).toBe(
      '{\n  x?: {\n    k: "a";\n  } | {\n    k: "b";\n  };\n}',
    );
  });

  it('ignores brackets, quotes and comment marks inside string literals and comments', () => {
    const source = '{\n/**\n * { [ ( " \' `\n */\na: "}{\\"]"\n}';
    expect(print(source)).toBe('{\n  /**\n   * { [ ( " \' `\n   */\n  a: "}{\\"]";\n}');
  });

  it('re-escapes string literals: line separators, bidi and invisible characters as \\u escapes', () => {
    const literal = JSON.stringify('a\u2028b\u202ec\u200bd"e\\f');
    expect(print(literal)).toBe('"a\\u2028b\\u202ec\\u200bd\\"e\\\\f"');
  });

  it('puts original keys back through propertyKey', () => {
    const keys = new KeyTable();
    const source = `{\n${keys.placeholder('__proto__')}: string\n${keys.placeholder('a b')}?: number\n${keys.placeholder('ok')}: null\n}`;
    expect(print(source, keys)).toBe('{\n  ["__proto__"]: string;\n  "a b"?: number;\n  ok: null;\n}');
  });

  it('leaves identifiers that are not placeholders alone', () => {
    expect(print('{\n$k0: $k1\n}')).toBe('{\n  $k0: $k1;\n}');
  });

  it('prints a marked tuple with optional elements after the required ones', () => {
    expect(print(`[${tupleMarker(1)}, string, number, ...(boolean)[]]`)).toBe(
      '[string, number?, ...boolean[]]',
    );
    expect(print(`[${tupleMarker(0)}, {\na: string\n}]`)).toBe('[{\n  a: string;\n}?]');
    expect(print(`[${tupleMarker(0)}]`)).toBe('[]');
    expect(print('[1, 2]')).toBe('[1, 2]');
  });

  it('spaces unions and JSON literals, and drops parentheses that change nothing', () => {
    expect(print('[]|[string]')).toBe('[] | [string]');
    expect(print('({"a":[1,"b:c"]} | (string)[] | ((number | null))[])')).toBe(
      '{"a": [1, "b:c"]} | string[] | (number | null)[]',
    );
    expect(print('(string | number)[]')).toBe('(string | number)[]');
  });

  it('prints an empty object type on one line', () => {
    expect(print('{\n\n}')).toBe('{}');
  });

  it('refuses anything but one balanced type expression', () => {
    expect(() => print('{\na: string\n}\nexport type Y = 1')).toThrow(/more than one top-level statement/);
    expect(() => print('{\na: string\n')).toThrow(/unbalanced/);
    expect(() => print('{\na: string)\n}')).toThrow(/unbalanced/);
    expect(() => print('"abc')).toThrow(/unterminated string/);
    expect(() => print('/** x')).toThrow(/unterminated comment/);
    expect(() => print('string // x')).toThrow(/unexpected `\/`/);
  });
});
