import type { CallbackDefinition } from './definitions/types.js';
import type { RequestSampler } from './delivery/request-sampler.js';
import { edgeSampler } from './sampling/edge-sampler.js';

/** The definitions an emulator serves when none are given. */
export function defaultDefinitions(): readonly CallbackDefinition[] {
  return [];
}

/** The sampler used when none is given. */
export const defaultSampler: RequestSampler = edgeSampler;
