import { ApiError, notFound } from '../server/api-error.js';
import { paginate, REGISTRATIONS_PER_PAGE } from '../server/envelopes.js';
import { queryParam, readBoolean, readPaging, readPositiveInt } from '../server/query.js';
import type { Route } from '../server/router.js';
import { MAX_CALLBACK_TIMEOUT_SECONDS } from '../state/store.js';
import { checkBoolean, checkRequiredString, checkUrl, FieldErrors, nested } from './input.js';

/** `/api/callback/registrations`: list, create, show, update, delete. */
export const callbackRegistrationRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/callback/registrations',
    handle({ state, query }) {
      const { page, perPage } = readPaging(query, 'filters', REGISTRATIONS_PER_PAGE);
      const active = readBoolean(query, 'active', 'filters');
      const definitionName = queryParam(query, 'definition_name', 'filters');
      const companyId = readPositiveInt(query, 'company_id', 'filters');
      const all = state.listRegistrations({
        ...(active === undefined ? {} : { active }),
        ...(definitionName === undefined ? {} : { definition_name: definitionName }),
        ...(companyId === undefined ? {} : { company_id: companyId }),
      });
      const { items, pagination } = paginate(all, page, perPage);
      return { status: 200, json: { callback_registrations: items, meta: { pagination } } };
    },
  },
  {
    method: 'POST',
    path: '/api/callback/registrations',
    handle({ state, body, caller }) {
      const input = nested(body, 'callback_registration');
      const errors = new FieldErrors();
      const definitionName = checkRequiredString(input.definition_name, 'definition_name', errors);
      if (definitionName !== undefined && !state.definitions.has(definitionName)) {
        errors.add('definition_name', 'is not a known callback definition');
      }
      const url = checkUrl(input.url, errors, true);
      const active = checkBoolean(input.active, 'active', errors);
      const countryCodes = checkCountryCodes(input.country_codes, errors);
      const timeout = checkTimeout(input.timeout_in_seconds, errors);
      errors.throwIfAny();
      if (definitionName === undefined || url === undefined) throw new ApiError(422, 'Validation failed');
      if (state.findOwnedRegistration(caller, definitionName) !== undefined) {
        throw new ApiError(409, `A callback registration for ${definitionName} already exists`, {
          errors: { definition_name: ['has already been registered for this owner'] },
        });
      }
      const registration = state.createRegistration(caller, {
        definition_name: definitionName,
        url,
        ...(active === undefined ? {} : { active }),
        ...(countryCodes === undefined ? {} : { country_codes: countryCodes }),
        ...(timeout === undefined ? {} : { timeout_in_seconds: timeout }),
      });
      return { status: 201, json: { callback_registration: registration } };
    },
  },
  {
    method: 'GET',
    path: '/api/callback/registrations/:uuid',
    handle({ state, params }) {
      const registration = state.getRegistration(params.uuid ?? '');
      if (registration === undefined) throw notFound('Callback registration');
      return { status: 200, json: { callback_registration: registration } };
    },
  },
  {
    method: 'PUT',
    path: '/api/callback/registrations/:uuid',
    handle({ state, params, body }) {
      const registration = state.getRegistration(params.uuid ?? '');
      if (registration === undefined) throw notFound('Callback registration');
      const input = nested(body, 'callback_registration');
      const errors = new FieldErrors();
      if (input.definition_name !== undefined && input.definition_name !== registration.definition_name) {
        errors.add('definition_name', 'cannot be changed; delete the registration and create a new one');
      }
      const url = checkUrl(input.url, errors, false);
      const active = checkBoolean(input.active, 'active', errors);
      const countryCodes = checkCountryCodes(input.country_codes, errors);
      const timeout = checkTimeout(input.timeout_in_seconds, errors);
      errors.throwIfAny();
      const updated = state.updateRegistration(registration, {
        ...(url === undefined ? {} : { url }),
        ...(active === undefined ? {} : { active }),
        ...(countryCodes === undefined ? {} : { country_codes: countryCodes }),
        ...(timeout === undefined ? {} : { timeout_in_seconds: timeout }),
      });
      return { status: 200, json: { callback_registration: updated } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/callback/registrations/:uuid',
    handle({ state, params }) {
      const uuid = params.uuid ?? '';
      if (!state.deleteRegistration(uuid)) throw notFound('Callback registration');
      return { status: 200, json: { callback_registration: { uuid } } };
    },
  },
];

function checkCountryCodes(value: unknown, errors: FieldErrors): string[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    !value.every((code) => typeof code === 'string' && /^[A-Za-z]{2}$/.test(code))
  ) {
    errors.add('country_codes', 'must be a list of two-letter ISO country codes');
    return undefined;
  }
  return value.map((code: string) => code.toUpperCase());
}

function checkTimeout(value: unknown, errors: FieldErrors): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_CALLBACK_TIMEOUT_SECONDS) {
    errors.add('timeout_in_seconds', `must be a whole number from 1 to ${MAX_CALLBACK_TIMEOUT_SECONDS}`);
    return undefined;
  }
  return value as number;
}
