import { loadDefinitionsDir } from '@fluid-droplet/emulator';
import { describe, expect, it } from 'vitest';
import { sampleRequests } from '../src/delivery/request-sampler.js';
import { createSchemaValidator } from '../src/delivery/schema-validator.js';
import { edgeSampler } from '../src/sampling/edge-sampler.js';
import { definitionsDir } from './support/emulator.js';

const validator = createSchemaValidator();

describe('edgeSampler', () => {
  it('is reproducible for a seed', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } };
    expect(edgeSampler(schema, { seed: 4, count: 10 })).toEqual(edgeSampler(schema, { seed: 4, count: 10 }));
    expect(edgeSampler(schema, { seed: 4, count: 10 })).not.toEqual(
      edgeSampler(schema, { seed: 5, count: 10 }),
    );
  });

  it.each([
    ['bounded integers', { type: 'integer', minimum: 3, exclusiveMaximum: 9 }],
    ['strings with lengths', { type: 'string', minLength: 2, maxLength: 5 }],
    ['formats', { type: 'string', format: 'date-time' }],
    ['multipleOf', { type: 'number', minimum: 0.5, maximum: 10, multipleOf: 0.25 }],
    ['arrays with bounds', { type: 'array', minItems: 1, maxItems: 3, items: { enum: ['a', 'b'] } }],
    [
      'oneOf of objects',
      {
        oneOf: [
          { type: 'object', maxProperties: 0 },
          { type: 'object', required: ['x'], properties: { x: { type: 'string' } } },
        ],
      },
    ],
    [
      'local refs and allOf',
      {
        $defs: { n: { type: 'number', minimum: 1 } },
        allOf: [{ type: 'object', required: ['n'] }, { properties: { n: { $ref: '#/$defs/n' } } }],
      },
    ],
    [
      'closed objects',
      {
        type: 'object',
        additionalProperties: false,
        required: ['a'],
        properties: { a: { type: 'string' }, b: {} },
      },
    ],
    ['nullable unions', { type: ['string', 'null'], maxLength: 3 }],
  ])('produces instances ajv accepts: %s', (_, schema) => {
    const samples = edgeSampler(schema, { seed: 1, count: 40 });
    const valid = samples.filter((sample) => validator.issues(schema, sample).length === 0);
    expect(valid.length).toBe(samples.length);
  });

  it('reaches the edges: the first sample is minimal, the second maximal', () => {
    const [min, max] = edgeSampler({ type: 'string', minLength: 1, maxLength: 7 }, { seed: 9, count: 2 });
    expect(min).toHaveLength(1);
    expect(max).toHaveLength(7);
    const [low, high] = edgeSampler({ type: 'integer', minimum: -4, maximum: 12 }, { seed: 9, count: 2 });
    expect([low, high]).toEqual([-4, 12]);
  });

  it('keeps __proto__ as an own property without touching the prototype', () => {
    const schema = {
      type: 'object',
      required: ['__proto__'],
      properties: { __proto__: { type: 'integer', minimum: 1 } },
    };
    const [sample] = edgeSampler(schema, { seed: 2, count: 1 }) as Record<string, unknown>[];
    expect(Object.getPrototypeOf(sample)).toBe(Object.prototype);
    expect(Object.hasOwn(sample ?? {}, '__proto__')).toBe(true);
  });

  it('samples valid requests for every repository definition, with Fluid fields where the schema allows', async () => {
    for (const definition of await loadDefinitionsDir(definitionsDir)) {
      const requests = sampleRequests(definition, { seed: 3, count: 20, sampler: edgeSampler, validator });
      expect(requests.length, definition.name).toBe(20);
      for (const request of requests)
        expect(validator.issues(definition.request_schema ?? {}, request)).toEqual([]);
    }
    const [shipping] = sampleRequests(
      {
        name: 'open',
        description: null,
        example_response: null,
        request_schema: { type: 'object' },
        response_schema: null,
      },
      { seed: 1, count: 1, sampler: edgeSampler, validator },
    );
    expect(shipping).toMatchObject({ callback_name: 'open', schema_version: '1' });
  });
});
