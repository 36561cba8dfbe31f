import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sampleInvalid, sampleValid } from '../src/index.js';
import { compile } from './support/ajv.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const callbacksDir = join(repoRoot, 'definitions/callbacks');
const openApiFile = join(repoRoot, '../shared/fluid/data/openapi/company-v0.yaml');

/** Samples a schema and reports what ajv thinks of the samples. */
function judge(schema: unknown): { valid: number; accepted: number; invalid: number; rejected: number } {
  const validate = compile(schema);
  const valid = sampleValid(schema, { seed: 'real', count: 20 });
  const invalid = sampleInvalid(schema, { seed: 'real', count: 20 });
  return {
    valid: valid.length,
    accepted: valid.filter(validate).length,
    invalid: invalid.length,
    rejected: invalid.filter((value) => !validate(value)).length,
  };
}

describe.skipIf(!existsSync(callbacksDir))('callback definitions in definitions/callbacks', () => {
  const files = existsSync(callbacksDir) ? readdirSync(callbacksDir).filter((f) => f.endsWith('.json')) : [];
  it.each(files)('%s: request and response samples agree with ajv', (file) => {
    const definition = JSON.parse(readFileSync(join(callbacksDir, file), 'utf8')) as Record<string, unknown>;
    for (const key of ['request_schema', 'response_schema']) {
      if (definition[key] === undefined) continue;
      const result = judge(definition[key]);
      expect(result.valid).toBeGreaterThan(0);
      expect(result.accepted).toBe(result.valid);
      expect(result.rejected).toBe(result.invalid);
    }
  });
});

describe.skipIf(!existsSync(openApiFile))("Fluid's OpenAPI component schemas (../shared)", () => {
  it('samples a spread of components that ajv accepts and rejects as intended', () => {
    const doc = parse(readFileSync(openApiFile, 'utf8')) as {
      components: { schemas: Record<string, unknown> };
    };
    // Every 40th component keeps the suite fast while still covering nullable unions, recursion and allOf.
    const names = Object.keys(doc.components.schemas).filter((_, i) => i % 40 === 0);
    const failures: string[] = [];
    for (const name of names) {
      const result = judge({ components: doc.components, $ref: `#/components/schemas/${name}` });
      if (result.valid === 0 || result.accepted !== result.valid || result.rejected !== result.invalid) {
        failures.push(`${name}: ${JSON.stringify(result)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
