// The temporary fallback emitters must agree with ajv (the JSON Schema oracle) wherever they emit a
// validator without a warning. Modules are generated, written and imported like real output.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { generate } from '../../src/generate.js';
import type { JsonSchemaInput } from '../../src/load/definition.js';
import { codegenRoot, sourced, tempDir } from '../helpers.js';

const cases: Array<{ name: string; schema: JsonSchemaInput; instances: unknown[] }> = [
  {
    name: 'object_semantics',
    schema: {
      type: 'object',
      required: ['id', 'any'],
      properties: {
        id: { type: 'integer', minimum: 1 },
        any: true,
        tag: { type: ['string', 'null'], maxLength: 2 },
      },
    },
    instances: [
      { id: 1, any: null },
      { id: 1 },
      { id: 1.5, any: 1 },
      { id: 0, any: 1 },
      { id: 2, any: 'x', tag: null },
      { id: 2, any: 'x', tag: '😀😀' },
      { id: 2, any: 'x', tag: 'abc' },
      { id: 2, any: 'x', extra: [1] },
      [],
      'x',
      null,
    ],
  },
  {
    name: 'closed_object',
    schema: {
      type: 'object',
      properties: { a: { type: 'string', pattern: '^a+$' } },
      additionalProperties: false,
    },
    instances: [{}, { a: 'aa' }, { a: 'ab' }, { b: 1 }, { a: 'a', b: 1 }],
  },
  {
    name: 'one_of',
    schema: {
      oneOf: [
        { type: 'object', maxProperties: 0 },
        { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } },
        {
          type: 'object',
          required: ['ok', 'n'],
          properties: { n: { type: 'number', exclusiveMaximum: 10 } },
        },
      ],
    },
    instances: [{}, { ok: true }, { ok: true, n: 1 }, { ok: 1, n: 1 }, { ok: true, n: 10 }, { n: 1 }, 5],
  },
  {
    name: 'enums_and_arrays',
    schema: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: { anyOf: [{ enum: ['a', 1, null, true] }, { const: 'b' }] },
    },
    instances: [[], ['a'], ['b', 1, null], [true, 'a', 'b', 1], ['c'], [false], [{}]],
  },
  {
    name: 'local_refs',
    schema: {
      type: 'object',
      properties: { line: { $ref: '#/$defs/a~1b' } },
      $defs: {
        'a/b': { type: 'object', required: ['sku'], properties: { sku: { type: 'string', minLength: 1 } } },
      },
    },
    instances: [{}, { line: { sku: 'x' } }, { line: { sku: '' } }, { line: {} }, { line: 1 }],
  },
];

describe('fallback emitters agree with ajv', () => {
  it.each(cases)('$name', async ({ name, schema, instances }) => {
    await mkdir(join(codegenRoot, 'test/.tmp'), { recursive: true });
    const dir = await tempDir(join(codegenRoot, 'test/.tmp/fallback-'));
    const result = await generate([sourced(name, { request_schema: schema })]);
    expect(result.diagnostics).toEqual([]);
    for (const file of result.files) await writeFile(join(dir, file.path), file.contents);
    const module: Record<string, unknown> = await import(
      pathToFileURL(join(dir, `${name.replaceAll('_', '-')}.ts`)).href
    );
    const validator = Object.entries(module).find(([key]) => key.endsWith('RequestSchema'))?.[1] as z.ZodType;
    const ajv = new Ajv2020({ strict: false }).compile(schema);
    for (const instance of instances) {
      expect([instance, validator.safeParse(instance).success]).toEqual([instance, ajv(instance)]);
    }
  });
});
