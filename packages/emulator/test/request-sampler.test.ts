import { loadDefinitionsDir } from '@fluid-droplet/emulator';
import { describe, expect, it } from 'vitest';
import { defaultSampler } from '../src/defaults.js';
import type { CallbackDefinition } from '../src/definitions/types.js';
import { type RequestSampler, sampleRequests } from '../src/delivery/request-sampler.js';
import { createSchemaValidator } from '../src/delivery/schema-validator.js';
import { definitionsDir } from './support/emulator.js';

const validator = createSchemaValidator();
const open: CallbackDefinition = {
  name: 'open',
  description: null,
  example_response: null,
  request_schema: { type: 'object' },
  response_schema: { type: 'object' },
};

describe('the default sampler (schema-sampler sampleValid)', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } };
    expect(defaultSampler(schema, { seed: 4, count: 10 })).toEqual(
      defaultSampler(schema, { seed: 4, count: 10 }),
    );
    expect(defaultSampler(schema, { seed: 4, count: 10 })).not.toEqual(
      defaultSampler(schema, { seed: 5, count: 10 }),
    );
  });

  it('reaches the edges of bounded strings and integers', () => {
    const strings = defaultSampler({ type: 'string', minLength: 1, maxLength: 7 }, { seed: 9, count: 50 });
    expect(strings.map((value) => [...String(value)].length)).toEqual(expect.arrayContaining([1, 7]));
    const integers = defaultSampler({ type: 'integer', minimum: -4, maximum: 12 }, { seed: 9, count: 50 });
    expect(integers).toEqual(expect.arrayContaining([-4, 12]));
  });
});

describe('sampleRequests', () => {
  it('samples valid requests for every repository definition, reproducibly, with Fluid fields where allowed', async () => {
    for (const definition of await loadDefinitionsDir(definitionsDir)) {
      const options = { seed: 3, count: 20, sampler: defaultSampler, validator };
      const requests = sampleRequests(definition, options);
      expect(requests.length, definition.name).toBe(20);
      for (const request of requests)
        expect(validator.issues(definition.request_schema ?? {}, request)).toEqual([]);
      expect(sampleRequests(definition, options), definition.name).toEqual(requests);
    }
    const [request] = sampleRequests(open, { seed: 1, count: 1, sampler: defaultSampler, validator });
    expect(request).toMatchObject({ callback_name: 'open', schema_version: '1' });
  });

  it('drops what ajv rejects and tops up with further rounds, seeded from the first', () => {
    const run = () => {
      const seeds: number[] = [];
      // Only instances from odd seeds are objects: the first round (seed 2) is all dropped.
      const picky: RequestSampler = (_schema, { seed, count }) => {
        seeds.push(seed);
        return Array.from({ length: count }, (_, index) => (seed % 2 === 1 ? { n: index } : 'not an object'));
      };
      const requests = sampleRequests(open, { seed: 2, count: 3, sampler: picky, validator });
      return { requests, seeds };
    };
    const first = run();
    expect(first.requests).toEqual([
      { callback_name: 'open', schema_version: '1', n: 0 },
      { callback_name: 'open', schema_version: '1', n: 1 },
      { callback_name: 'open', schema_version: '1', n: 2 },
    ]);
    expect(first.seeds[0]).toBe(2);
    expect(first.seeds.length).toBeGreaterThan(1);
    expect(run().seeds).toEqual(first.seeds);
  });
});
