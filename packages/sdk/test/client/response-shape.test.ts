// The client checks response envelopes with its own small interpreter (src/client/validation/shape.ts) so that
// the client bundle has no zod. Here zod 4 is the reference: every envelope, translated to the zod schema it
// stands for, must report the same JSON pointers and messages on the same bodies, valid and broken.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { envelopes } from '../../src/client/validation/envelopes.js';
import { type Shape, shapeIssues } from '../../src/client/validation/shape.js';

function toZod(shape: Shape): z.ZodType {
  let schema: z.ZodType;
  switch (shape.type) {
    case 'string':
      schema = shape.prefix === undefined ? z.string() : z.string().startsWith(shape.prefix);
      break;
    case 'int':
      schema = z.number().int();
      break;
    case 'boolean':
      schema = z.boolean();
      break;
    case 'unknown':
      schema = z.unknown();
      break;
    case 'record':
      schema = z.record(z.string(), z.unknown());
      break;
    case 'enum':
      schema = z.enum(shape.values as [string, ...string[]]);
      break;
    case 'array':
      schema = z.array(toZod(shape.items));
      break;
    case 'object':
      schema = z.looseObject(Object.fromEntries(Object.entries(shape.fields).map(([k, v]) => [k, toZod(v)])));
      break;
  }
  if (shape.nullable) schema = schema.nullable();
  if (shape.optional) schema = schema.optional();
  return schema;
}

/** A body that matches `shape`: arrays with two items so that indexes show in pointers. */
function sample(shape: Shape): unknown {
  switch (shape.type) {
    case 'string':
      return `${shape.prefix ?? ''}text`;
    case 'int':
      return 7;
    case 'boolean':
      return true;
    case 'unknown':
    case 'record':
      return { any: ['thing'] };
    case 'enum':
      return shape.values.at(-1);
    case 'array':
      return [sample(shape.items), sample(shape.items)];
    case 'object':
      return {
        ...Object.fromEntries(Object.entries(shape.fields).map(([k, v]) => [k, sample(v)])),
        extra: 1,
      };
  }
}

// Every JSON kind, the edges of each check, and what JSON.parse makes of `1e400`.
const REPLACEMENTS: readonly unknown[] = [
  undefined,
  null,
  '',
  'text',
  'cvt_x',
  'post',
  true,
  0,
  1.5,
  2 ** 60,
  -(2 ** 60),
  Number.MAX_SAFE_INTEGER,
  JSON.parse('1e400'),
  JSON.parse('-1e400'),
  [],
  [1, 'a'],
  {},
  { nested: null },
];

/** Copies of `value` with one place replaced (or removed, for undefined), at every depth of `shape`. */
function* variants(shape: Shape, value: unknown): Generator<unknown> {
  for (const replacement of REPLACEMENTS) yield replacement;
  if (shape.type === 'array' && Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      for (const changed of variants(shape.items, item)) yield value.with(index, changed);
    }
  }
  if (shape.type === 'object' && typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(shape.fields)) {
      const { [key]: current, ...rest } = value as Record<string, unknown>;
      for (const changed of variants(field, current))
        yield changed === undefined ? rest : { ...rest, [key]: changed };
    }
  }
}

function zodIssues(schema: z.ZodType, value: unknown): { pointer: string; message: string }[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    pointer: issue.path
      .map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`)
      .join(''),
    message: issue.message,
  }));
}

describe('response envelope shapes', () => {
  it.each(Object.entries(envelopes))('%s: a documented body passes', (_name, shape) => {
    expect(shapeIssues(shape, sample(shape))).toEqual([]);
  });

  it.each(Object.entries(envelopes))(
    '%s: same pointers and messages as zod on every broken body',
    (_name, shape) => {
      const schema = toZod(shape);
      let compared = 0;
      for (const body of variants(shape, sample(shape))) {
        expect(shapeIssues(shape, body), JSON.stringify(body)).toEqual(zodIssues(schema, body));
        compared += 1;
      }
      expect(compared).toBeGreaterThanOrEqual(REPLACEMENTS.length);
    },
  );

  it('reports every difference in document order, escaping pointer tokens', () => {
    const shape: Shape = {
      type: 'object',
      fields: {
        'a/b~c': { type: 'int' },
        list: { type: 'array', items: { type: 'enum', values: ['x', 'y'] } },
      },
    };
    expect(shapeIssues(shape, { 'a/b~c': 1.5, list: ['x', 'z', 'y', 3] })).toEqual([
      { pointer: '/a~1b~0c', message: 'Invalid input: expected int, received number' },
      { pointer: '/list/1', message: 'Invalid option: expected one of "x"|"y"' },
      { pointer: '/list/3', message: 'Invalid option: expected one of "x"|"y"' },
    ]);
    expect(shapeIssues(shape, { 'a/b~c': 1.5, list: ['x', 'z', 'y', 3] })).toEqual(
      zodIssues(toZod(shape), { 'a/b~c': 1.5, list: ['x', 'z', 'y', 3] }),
    );
  });
});
