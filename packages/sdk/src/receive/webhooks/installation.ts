import { isRecord } from '../../is-record.js';
import type { WebhookEvent } from './event-map.js';

/** Credentials as a v1 install delivers them, or as a v2 exchange returns them. */
export interface InstallationCredentials {
  /** `dit_…`: the Bearer token for API calls on behalf of the installation. */
  readonly authenticationToken: string;
  /** `wvt_…`: the key the company's webhooks are signed with; a v1 install may not carry it (null). */
  readonly webhookVerificationToken: string | null;
}

/** A `droplet_installed` event, v1 or v2, in one shape. */
export interface DropletInstallation {
  /** `v1`: credentials inline; `v2`: a one-time exchange token. */
  readonly contractVersion: 'v1' | 'v2';
  /** The installation (`dri_…`); a v1 install may not carry it (null). */
  readonly dropletInstallationUuid: string | null;
  readonly dropletUuid: string;
  /** `fluid_company_id`, a number (a numeric string is converted). */
  readonly companyId: number;
  readonly shop: string;
  readonly companyName: string | null;
  /** Present for v1 installs. */
  readonly credentials: InstallationCredentials | null;
  /** Present for v2 installs: exchange it within its lifetime (10 minutes) with {@link resolveInstallationCredentials}. */
  readonly exchange: {
    readonly token: string;
    readonly expiresAt: string | null;
    readonly endpoint: string | null;
  } | null;
}

/** The response of `POST /api/droplet_installations/exchange`. */
export interface DropletInstallationExchangeResponse {
  readonly droplet_installation: {
    readonly droplet_installation_uuid: string;
    readonly droplet_uuid: string;
    readonly fluid_company_id: number;
    readonly fluid_shop: string;
    readonly [key: string]: unknown;
  };
  readonly credentials: {
    readonly authentication_token: string;
    readonly webhook_verification_token: string;
    readonly issued_at?: string;
    readonly token_type?: string;
    readonly [key: string]: unknown;
  };
}

/**
 * Turns a v2 exchange token into credentials, e.g. `(token) => client.dropletInstallations.exchange(token)`:
 * any promise-like result will do, so the client's `FluidPromise` is accepted as it is.
 */
export type InstallationExchange = (
  exchangeToken: string,
) => PromiseLike<DropletInstallationExchangeResponse>;

/**
 * Normalizes a v1 (tokens inline) or v2 (exchange token) `droplet_installed` payload into one shape.
 * Throws a `TypeError` naming the `company` field that is missing or mistyped.
 *
 * @example
 * on: { droplet_installed: async (event) => { const installation = normalizeInstallation(event) } }
 */
export function normalizeInstallation(event: WebhookEvent<'droplet_installed'>): DropletInstallation {
  const company: unknown = event.payload.company;
  if (!isRecord(company)) throw new TypeError('droplet_installed payload: company is missing');
  const credentials = company.credentials;
  const v2 = isRecord(credentials) && typeof credentials.exchange_token === 'string';
  const base = {
    dropletInstallationUuid: v2
      ? stringField(company, 'droplet_installation_uuid')
      : optionalStringField(company, 'droplet_installation_uuid'),
    dropletUuid: stringField(company, 'droplet_uuid'),
    companyId: numberField(company, 'fluid_company_id'),
    shop: stringField(company, 'fluid_shop'),
    companyName: typeof company.name === 'string' ? company.name : null,
  };
  if (v2 && isRecord(credentials) && typeof credentials.exchange_token === 'string') {
    return {
      ...base,
      contractVersion: 'v2',
      credentials: null,
      exchange: {
        token: credentials.exchange_token,
        expiresAt:
          typeof credentials.exchange_token_expires_at === 'string'
            ? credentials.exchange_token_expires_at
            : null,
        endpoint: typeof credentials.exchange_endpoint === 'string' ? credentials.exchange_endpoint : null,
      },
    };
  }
  if (company.authentication_token !== undefined) {
    return {
      ...base,
      contractVersion: 'v1',
      credentials: {
        authenticationToken: stringField(company, 'authentication_token'),
        webhookVerificationToken: optionalStringField(company, 'webhook_verification_token'),
      },
      exchange: null,
    };
  }
  throw new TypeError(
    'droplet_installed payload: company.authentication_token (v1) and company.credentials.exchange_token (v2) are both missing',
  );
}

/**
 * The installation's credentials: inline for v1, exchanged once through `exchange` for v2.
 *
 * @example
 * const { authenticationToken } = await resolveInstallationCredentials(installation, {
 *   exchange: (token) => client.dropletInstallations.exchange(token),
 * })
 */
export async function resolveInstallationCredentials(
  installation: DropletInstallation,
  options: { readonly exchange: InstallationExchange },
): Promise<InstallationCredentials> {
  if (installation.credentials !== null) return installation.credentials;
  if (installation.exchange === null)
    throw new TypeError('the installation has neither credentials nor an exchange token');
  const response = await options.exchange(installation.exchange.token);
  return {
    authenticationToken: response.credentials.authentication_token,
    webhookVerificationToken: response.credentials.webhook_verification_token,
  };
}

function stringField(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (value === undefined || value === null)
    throw new TypeError(`droplet_installed payload: company.${key} is missing`);
  if (typeof value !== 'string')
    throw new TypeError(`droplet_installed payload: company.${key} must be a string`);
  return value;
}

function optionalStringField(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  return value === undefined || value === null ? null : stringField(record, key);
}

function numberField(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  if (value === undefined || value === null)
    throw new TypeError(`droplet_installed payload: company.${key} is missing`);
  throw new TypeError(`droplet_installed payload: company.${key} must be a whole number or a numeric string`);
}
