import { sampleValid } from '@fluid-droplet/schema-sampler';
import { definitions } from '@fluid-droplet/sdk';
import { toDefinitions } from './definitions/load-definitions.js';
import type { CallbackDefinition } from './definitions/types.js';
import type { RequestSampler } from './delivery/request-sampler.js';

let bundled: readonly CallbackDefinition[] | undefined;

/** The definitions an emulator serves when none are given: the ones bundled with `@fluid-droplet/sdk`. */
export function defaultDefinitions(): readonly CallbackDefinition[] {
  bundled ??= toDefinitions(definitions);
  return bundled;
}

/**
 * The sampler used when none is given: `sampleValid` from `@fluid-droplet/schema-sampler`, so edge values
 * (boundaries, empty and longest strings, optional keys absent and present) come first-class.
 */
export const defaultSampler: RequestSampler = sampleValid;
