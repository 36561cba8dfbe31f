import { sampleValid } from '@fluid-droplet/schema-sampler';
import { definitions } from '@fluid-droplet/sdk';
import { readDefinitionData } from './definitions/read-definitions.js';
import type { CallbackDefinition } from './definitions/types.js';
import type { RequestSampler } from './delivery/request-sampler.js';

let bundled: readonly CallbackDefinition[] | undefined;

/** Fluid's definitions, as bundled with `@fluid-droplet/sdk`: what an emulator serves, plus any you add. */
export function defaultDefinitions(): readonly CallbackDefinition[] {
  bundled ??= readDefinitionData(definitions, '@fluid-droplet/sdk definitions');
  return bundled;
}

/**
 * The sampler used when none is given: `sampleValid` from `@fluid-droplet/schema-sampler`, so edge values
 * (boundaries, empty and longest strings, optional keys absent and present) come first-class.
 */
export const defaultSampler: RequestSampler = sampleValid;
