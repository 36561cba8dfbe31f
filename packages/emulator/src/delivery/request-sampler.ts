import { createRandom } from '@fluid-droplet/schema-sampler';
import type { CallbackDefinition, JsonSchemaInput } from '../definitions/types.js';
import type { SchemaValidator } from './schema-validator.js';

/** Produces schema-valid instances of a JSON Schema, reproducibly for a seed. */
export type RequestSampler = (
  schema: JsonSchemaInput,
  options: { readonly seed: number; readonly count: number },
) => readonly unknown[];

/**
 * Samples `count` callback requests for a definition: instances of its `request_schema` that ajv accepts, each
 * carrying the `callback_name`/`schema_version`/`schema_hash` fields Fluid adds where the schema allows them.
 *
 * @example
 * const [request] = sampleRequests(definition, { seed: 1, count: 1, sampler: sampleValid, validator })
 */
export function sampleRequests(
  definition: CallbackDefinition,
  options: { seed: number; count: number; sampler: RequestSampler; validator: SchemaValidator },
): unknown[] {
  const schema = definition.request_schema;
  const out: unknown[] = [];
  // Later rounds draw their seeds from the first, so every round is as reproducible as the first.
  const seeds = createRandom(options.seed);
  // The sampler promises valid instances; ajv is the oracle, so anything it rejects is dropped, and a few extra
  // rounds make up for drops without looping forever on a schema nothing satisfies.
  for (let round = 0; round < 4 && out.length < options.count; round++) {
    const batch = options.sampler(schema, {
      seed: round === 0 ? options.seed : seeds.int(0, 2 ** 31 - 1),
      count: options.count - out.length,
    });
    for (const instance of batch) {
      if (options.validator.issues(schema, instance).length > 0) continue;
      out.push(withFluidFields(definition, instance, schema, options.validator));
    }
  }
  return out;
}

function withFluidFields(
  definition: CallbackDefinition,
  instance: unknown,
  schema: JsonSchemaInput,
  validator: SchemaValidator,
): unknown {
  if (typeof instance !== 'object' || instance === null || Array.isArray(instance)) return instance;
  const enriched = { callback_name: definition.name, schema_version: '1', ...instance };
  return validator.issues(schema, enriched).length === 0 ? enriched : instance;
}
