export { matches } from './check/matches.js';
export { sample, sampleInvalid, sampleValid } from './generate/sample.js';
export type { SampleOptions } from './generate/sample-options.js';
export { createRandom, type Random } from './random/create-random.js';
