import { definitions } from '@fluid-droplet/sdk';
import { toDefinitions } from './definitions/load-definitions.js';
import type { CallbackDefinition } from './definitions/types.js';
import type { RequestSampler } from './delivery/request-sampler.js';
import { edgeSampler } from './sampling/edge-sampler.js';

let bundled: readonly CallbackDefinition[] | undefined;

/** The definitions an emulator serves when none are given: the ones bundled with `@fluid-droplet/sdk`. */
export function defaultDefinitions(): readonly CallbackDefinition[] {
  bundled ??= toDefinitions(definitions);
  return bundled;
}

/** The sampler used when none is given. */
export const defaultSampler: RequestSampler = edgeSampler;
