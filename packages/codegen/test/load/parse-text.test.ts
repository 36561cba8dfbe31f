import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem } from '../../src/load/json-syntax.js';
import { parseJsonFile } from '../../src/load/parse-text.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseJsonFile (RELIABILITY B1.1)', () => {
  it.each([
    ['trailing comma', '{\n  "name": "a",\n}', 'a.json:3:1', 'expected a property name'],
    ['truncated', '{\n  "name": "a",\n  "description": ', 'a.json:3:18', 'unexpected end of input'],
    ['unquoted value', '{"name": abc}', 'a.json:1:10', 'unexpected "a"'],
    ['two values', '{} {}', 'a.json:1:4', 'after the JSON value'],
  ])('reports %s with file:line:col', (_label, text, where, message) => {
    const parsed = parseJsonFile('a.json', bytes(text));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]?.file).toBe(where);
    expect(parsed.diagnostics[0]?.code).toBe('invalid-json');
    expect(parsed.diagnostics[0]?.message).toContain(message);
  });

  it('tolerates a UTF-8 byte order mark', () => {
    const parsed = parseJsonFile('a.json', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"name":"a"}')]));
    expect(parsed).toEqual({ ok: true, value: { name: 'a' } });
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty-file'],
    ['whitespace only', bytes(' \n\t'), 'empty-file'],
    ['binary', new Uint8Array([0x7b, 0x00, 0x01, 0x7d]), 'binary-file'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'invalid-utf8'],
  ])('rejects %s clearly', (_label, input, code) => {
    const parsed = parseJsonFile('a.json', input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.diagnostics.map((item) => item.code)).toEqual([code]);
  });
});

describe('findJsonSyntaxProblem', () => {
  it('accepts every valid JSON text JSON.parse accepts', () => {
    for (const text of ['{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"]}', ' [] ', '"s"', '0']) {
      expect(JSON.parse(text)).toBeDefined();
      expect(findJsonSyntaxProblem(text)).toBeUndefined();
    }
  });

  it('locates errors on later lines, after multi-line strings and escapes', () => {
    expect(findJsonSyntaxProblem('[\n"a\\"b",\n 01]')).toMatchObject({ line: 3, column: 3 });
    expect(findJsonSyntaxProblem('{"a": "\\x"}')).toMatchObject({
      line: 1,
      column: 8,
      message: 'invalid escape in string',
    });
  });

  it('does not overflow the stack on deep nesting', () => {
    expect(findJsonSyntaxProblem('['.repeat(100_000))?.message).toContain('nesting too deep');
  });
});
