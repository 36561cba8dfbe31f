import { describe, expect, it } from 'vitest';
import { sampleInvalid, sampleValid } from '../src/index.js';
import { compile } from './support/ajv.js';
import { SCHEMA_CASES } from './support/schemas.js';

const share = (values: readonly unknown[], test: (value: unknown) => boolean): number =>
  values.length === 0 ? 0 : values.filter(test).length / values.length;

describe('samples agree with ajv', () => {
  it.each(SCHEMA_CASES)('$name', ({ schema, draft, hard }) => {
    const validate = compile(schema, draft);
    const valid = sampleValid(schema, { seed: 'agreement' });
    const invalid = sampleInvalid(schema, { seed: 'agreement' });
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
    const accepted = share(valid, validate);
    const rejected = share(invalid, (value) => !validate(value));
    if (hard) {
      expect(accepted).toBeGreaterThan(0);
    } else {
      expect({ accepted, rejectedValid: valid.filter((v) => !validate(v)) }).toEqual({
        accepted: 1,
        rejectedValid: [],
      });
    }
    expect({ rejected, acceptedInvalid: invalid.filter(validate) }).toEqual({
      rejected: 1,
      acceptedInvalid: [],
    });
  });
});
