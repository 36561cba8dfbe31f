import type { IdSource } from '../util/random.js';
import type { EmulatorData } from './types.js';

/** Bearer tokens the emulator accepts; unset ones are generated (reproducibly when a seed is given). */
export interface EmulatorTokens {
  /** The company API token, `C-…`. */
  readonly company?: string;
  /** The seeded droplet installation's token, `dit_…`. */
  readonly installation?: string;
}

/**
 * Builds fresh state: one company, one droplet, and one seeded installation whose `dit_` token the API accepts.
 *
 * @example
 * const data = createInitialData(createIdSource(1), { company: 'C-test' }, new Date())
 */
export function createInitialData(ids: IdSource, tokens: EmulatorTokens, now: Date): EmulatorData {
  const dropletUuid = `drp_${ids.token(24)}`;
  const company = { id: 1, name: 'Emulated Company', fluid_shop: 'emulated' };
  return {
    version: 1,
    company,
    companies: [company],
    next_company_id: 2,
    droplet: { uuid: dropletUuid, name: 'Emulated Droplet', webhook_secret: `dws_${ids.token(32)}` },
    company_token: tokens.company ?? `C-${ids.token(32)}`,
    installations: [
      {
        id: 1,
        uuid: `dri_${ids.token(24)}`,
        droplet_uuid: dropletUuid,
        company_id: 1,
        authentication_token: tokens.installation ?? `dit_${ids.token(32)}`,
        webhook_verification_token: `wvt_${ids.token(32)}`,
        active: true,
        created_at: now.toISOString(),
      },
    ],
    exchange_tokens: [],
    webhooks: [],
    registrations: [],
    last_events: {},
    next_webhook_id: 1,
    next_event_id: 1,
    next_installation_id: 2,
  };
}

/** Makes loaded data honour explicitly configured tokens (the seeded installation is the first one). */
export function applyTokens(data: EmulatorData, tokens: EmulatorTokens): EmulatorData {
  if (tokens.company !== undefined) data.company_token = tokens.company;
  const first = data.installations[0];
  if (tokens.installation !== undefined && first !== undefined) {
    data.installations[0] = { ...first, authentication_token: tokens.installation };
  }
  return data;
}
