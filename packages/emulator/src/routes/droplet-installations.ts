import { ApiError } from '../server/api-error.js';
import type { Route } from '../server/router.js';
import { checkRequiredString, FieldErrors, isRecord } from './input.js';

/** `POST /api/droplet_installations/exchange`: unauthenticated, trades a single-use `dex_` token for credentials. */
export const dropletInstallationRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/api/droplet_installations/exchange',
    access: 'public',
    handle({ state, body }) {
      const errors = new FieldErrors();
      const token = checkRequiredString(
        isRecord(body) ? body.exchange_token : undefined,
        'exchange_token',
        errors,
      );
      errors.throwIfAny();
      const outcome = state.exchange(token ?? '');
      if (outcome.kind === 'unknown') throw new ApiError(404, 'Exchange token not found');
      if (outcome.kind === 'gone') {
        throw new ApiError(
          410,
          `Exchange token has ${outcome.reason === 'used' ? 'already been used' : 'expired'}`,
          {
            errors: { exchange_token: [outcome.reason === 'used' ? 'has already been used' : 'has expired'] },
          },
        );
      }
      const { installation, issuedAt } = outcome;
      return {
        status: 200,
        json: {
          droplet_installation: {
            droplet_installation_uuid: installation.uuid,
            droplet_uuid: installation.droplet_uuid,
            fluid_company_id: installation.company_id,
            fluid_shop: state.company.fluid_shop,
          },
          credentials: {
            authentication_token: installation.authentication_token,
            webhook_verification_token: installation.webhook_verification_token,
            issued_at: issuedAt,
            token_type: 'bearer',
          },
        },
      };
    },
  },
];
