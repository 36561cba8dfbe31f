import { describe, expect, it } from 'vitest';
import { readDefinitions } from '../../src/load/read-definitions.js';

const read = (value: unknown) => readDefinitions(value, 'in.json', 512);

describe('readDefinitions', () => {
  it('reads one definition, an array of them and the API list response', () => {
    const one = { name: 'a', request_schema: true, response_schema: { type: 'object' } };
    expect(read(one).definitions.map((item) => item.source)).toEqual(['in.json']);
    expect(read([one, { ...one, name: 'b' }]).definitions.map((item) => item.source)).toEqual([
      'in.json#/0',
      'in.json#/1',
    ]);
    const list = read({ definitions: [one], meta: { request_id: 'r' } });
    expect(list.definitions.map((item) => item.source)).toEqual(['in.json#/definitions/0']);
    expect(list.diagnostics).toEqual([]);
  });

  it.each([
    ['"hello"', 'hello'],
    ['42', 42],
    ['null', null],
    ['true', true],
  ])('rejects a top level of %s (B1.2)', (_label, value) => {
    const result = read(value);
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics).toMatchObject([
      {
        severity: 'error',
        pointer: '',
        message: expect.stringContaining('expected callback definition object or array of them at /'),
      },
    ]);
  });

  it('defaults a missing or null schema to any JSON object, with a warning', () => {
    const result = read({ name: 'a', request_schema: null });
    expect(result.definitions[0]?.definition).toEqual({
      name: 'a',
      description: null,
      example_response: null,
      request_schema: { type: 'object' },
      response_schema: { type: 'object' },
    });
    expect(result.diagnostics.map((item) => [item.severity, item.pointer, item.code])).toEqual([
      ['warning', '/request_schema', 'missing-schema'],
      ['warning', '/response_schema', 'missing-schema'],
    ]);
  });

  it('rejects a missing name, naming the field and the file (B1.3)', () => {
    const result = read({ request_schema: {}, response_schema: {} });
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics).toMatchObject([
      { severity: 'error', pointer: '/name', file: 'in.json', message: 'missing required field name' },
    ]);
  });

  it.each([
    [{ name: 123 }, '/name'],
    [{ name: 'a', request_schema: 'string' }, '/request_schema'],
    [{ name: 'a', response_schema: [] }, '/response_schema'],
    [{ name: 'a', response_schema: 5 }, '/response_schema'],
    [{ name: 'a', description: 7 }, '/description'],
  ])('rejects wrong field types with the pointer (B1.4): %j', (value, pointer) => {
    const result = read(value);
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics.filter((item) => item.severity === 'error')).toMatchObject([{ pointer }]);
  });

  it('accepts boolean schemas (B2.14)', () => {
    const result = read({ name: 'a', request_schema: true, response_schema: false });
    expect(result.definitions[0]?.definition.response_schema).toBe(false);
  });

  it('warns about unknown fields and keeps the definition (B1.5)', () => {
    const result = read({ name: 'a', request_schema: {}, response_schema: {}, timeout: 5, 'x-foo': 1 });
    expect(result.definitions).toHaveLength(1);
    expect(result.diagnostics).toMatchObject([
      { severity: 'warning', code: 'unknown-field', pointer: '/timeout', definition: 'a' },
      { severity: 'warning', code: 'unknown-field', pointer: '/x-foo', definition: 'a' },
    ]);
  });

  it('rejects a list response whose definitions is not an array', () => {
    expect(read({ definitions: 'x' }).diagnostics).toMatchObject([
      { severity: 'error', pointer: '/definitions' },
    ]);
  });

  it('bounds nesting depth without recursion (B1.11)', () => {
    let deep: unknown = {};
    for (let level = 0; level < 100_000; level += 1) deep = { a: deep };
    const result = readDefinitions({ name: 'a', request_schema: deep }, 'in.json', 512);
    expect(result.diagnostics).toMatchObject([{ severity: 'error', code: 'too-deep' }]);
  });
});
