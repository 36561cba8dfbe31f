import type { InstallationRecord, WebhookHttpMethod } from './types.js';

/** Fields accepted when creating a webhook; validated by the route before they get here. */
export interface NewWebhook {
  readonly url: string;
  readonly resource: string;
  readonly event: string;
  readonly active?: boolean;
  readonly http_method?: WebhookHttpMethod;
  readonly auth_token?: string | null;
}

/** Fields accepted when creating a callback registration. */
export interface NewRegistration {
  readonly definition_name: string;
  readonly url: string;
  readonly active?: boolean;
  readonly country_codes?: readonly string[];
  readonly timeout_in_seconds?: number;
}

/** A fresh installation and the one-time token that trades for its credentials. */
export interface CreatedInstallation {
  readonly installation: InstallationRecord;
  readonly exchangeToken: string;
  readonly exchangeTokenExpiresAt: string;
}

/** The outcome of redeeming an exchange token. */
export type ExchangeOutcome =
  | { readonly kind: 'ok'; readonly installation: InstallationRecord; readonly issuedAt: string }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'gone'; readonly reason: 'used' | 'expired' };
