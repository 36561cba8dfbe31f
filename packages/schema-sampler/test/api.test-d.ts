import { describe, expectTypeOf, it } from 'vitest';
import { createRandom, type SampleOptions, sample, sampleInvalid, sampleValid } from '../src/index.js';

describe('public types', () => {
  it('takes any schema and returns unknown instances', () => {
    expectTypeOf(sampleValid).parameters.toEqualTypeOf<[unknown, SampleOptions?]>();
    expectTypeOf(sampleInvalid({ type: 'string' })).toEqualTypeOf<unknown[]>();
    expectTypeOf(sample(true, { seed: 'x', count: 3, maxDepth: 2 })).toEqualTypeOf<unknown[]>();
    // @ts-expect-error seeds are numbers or strings
    sampleValid({}, { seed: {} });
  });

  it('types pick by its input', () => {
    expectTypeOf(createRandom(1).pick(['a', 'b'] as const)).toEqualTypeOf<'a' | 'b'>();
    expectTypeOf(createRandom('s').int(0, 1)).toEqualTypeOf<number>();
  });
});
