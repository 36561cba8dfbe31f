import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { emitZod } from '../../../src/emit/zod/index.js';
import type { JsonSchema } from '../../../src/schema/prepared.js';
import { prepared } from '../../differential/prepared.js';
import { importModule, type WrittenModule, writeModule } from './load.js';

const SCHEMA: JsonSchema = {
  type: ['object'],
  properties: {
    price: { type: ['number'], multipleOf: 0.01 },
    code: { type: ['string'], maxLength: 2 },
    when: { type: ['string'], format: 'date-time' },
    lines: { type: ['array'], items: { type: ['object'], required: ['sku'] }, uniqueItems: true },
    kind: { oneOf: [{ type: ['string'] }, { type: ['integer'] }] },
    extra: {
      type: ['object'],
      patternProperties: { '^x-': { type: ['integer'] } },
      additionalProperties: false,
    },
  },
};

let written: WrittenModule;
let validator: z.ZodType;

beforeAll(async () => {
  const emitted = emitZod(prepared(SCHEMA), { constName: 'orderSchema', typeName: 'Order', pointer: '' });
  written = await writeModule(['type Order = unknown;', emitted.code], emitted.runtime);
  validator = (await importModule(written)).orderSchema as z.ZodType;
});

afterAll(async () => {
  await written?.dispose();
});

function issues(value: unknown): Array<{ path: PropertyKey[]; message: string }> {
  const result = validator.safeParse(value);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path, message: issue.message }));
}

describe('issues from emitted validators', () => {
  it.each<[string, unknown, PropertyKey[], RegExp]>([
    ['multipleOf', { price: 1.001 }, ['price'], /^multipleOf: must be a multiple of 0.01$/],
    ['maxLength in code points', { code: '😀😀😀' }, ['code'], /^maxLength: must have at most 2 characters$/],
    ['format', { when: '2024-02-30T00:00:00Z' }, ['when'], /^format: must be a valid date-time$/],
    [
      'required inside items',
      { lines: [{ sku: 1 }, {}] },
      ['lines', 1, 'sku'],
      /^required: missing property "sku"$/,
    ],
    ['uniqueItems', { lines: [{ sku: 1 }, { sku: 1 }] }, ['lines'], /^uniqueItems: items 0 and 1 are equal$/],
    ['oneOf', { kind: null }, ['kind'], /^oneOf: must match exactly one schema, matched 0$/],
    [
      'additionalProperties',
      { extra: { y: 1 } },
      ['extra', 'y'],
      /^additionalProperties: unexpected property "y"$/,
    ],
    ['patternProperties (a Zod issue, kept)', { extra: { 'x-a': 's' } }, ['extra', 'x-a'], /expected number/],
  ])('%s names the keyword and the path', (_name, value, path, message) => {
    const found = issues(value);
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.some((issue) => issue.message.match(message) !== null && issue.path.join('/') === path.join('/')),
    ).toBe(true);
  });

  it('accepts a valid value and returns it unchanged', () => {
    const value = JSON.parse(
      '{"price": 12.5, "lines": [{"sku": 1}], "__proto__": {"a": 1}, "extra": {"x-1": 2}}',
    );
    const result = validator.safeParse(value);
    expect(result.success).toBe(true);
    expect(result.data).toBe(value);
  });
});
