/** A company the emulator plays: the first one owns the company token; installs can add more by shop. */
export interface CompanyRecord {
  readonly id: number;
  readonly name: string;
  /** Sent as `X-Fluid-Shop`. */
  readonly fluid_shop: string;
}

/** The droplet whose installations the emulator creates; its `webhook_secret` (`dws_`) signs lifecycle webhooks. */
export interface DropletRecord {
  readonly uuid: string;
  readonly name: string;
  readonly webhook_secret: string;
}

/** A droplet installation with its credentials (`dit_` bearer token, `wvt_` webhook signing key). */
export interface InstallationRecord {
  readonly id: number;
  readonly uuid: string;
  readonly droplet_uuid: string;
  readonly company_id: number;
  readonly authentication_token: string;
  readonly webhook_verification_token: string;
  active: boolean;
  readonly created_at: string;
}

/** A one-time `dex_` token that trades for an installation's credentials within its lifetime. */
export interface ExchangeTokenRecord {
  readonly token: string;
  readonly installation_uuid: string;
  readonly expires_at: string;
  used_at: string | null;
}

/** HTTP methods a webhook may be delivered with. */
export type WebhookHttpMethod = 'post' | 'put' | 'get';

/** A webhook subscription, serialized exactly as Fluid's `WebhookSummary`. */
export interface WebhookRecord {
  readonly id: number;
  readonly company_id: number;
  readonly droplet_installation_uuid: string | null;
  url: string;
  active: boolean;
  readonly resource: string;
  readonly event: string;
  readonly event_identifier: string;
  http_method: WebhookHttpMethod;
  auth_token: string | null;
  readonly created_at: string;
  updated_at: string;
}

/** A callback registration, serialized as Fluid's `CallbackRegistrationSummary` plus `timeout_in_seconds`. */
export interface RegistrationRecord {
  readonly uuid: string;
  readonly company_id: number;
  readonly company_name: string | null;
  readonly definition_name: string;
  url: string;
  readonly verification_token: string;
  active: boolean;
  country_codes: string[];
  timeout_in_seconds: number;
  readonly created_at: string;
  readonly owner_type: 'Company' | 'DropletInstallation';
  readonly owner_id: number;
  readonly owner_name: string | null;
}

/** A delivered webhook envelope, as Fluid POSTs it and as `resources/{name}` returns the latest one. */
export interface WebhookEnvelope {
  readonly id: number;
  readonly identifier: string;
  readonly name: string;
  readonly timestamp: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Everything the emulator persists to its data file. */
export interface EmulatorData {
  readonly version: 1;
  /** The company the company token belongs to (also the first entry of `companies`). */
  readonly company: CompanyRecord;
  /** Every company, the first one included; installs for a new shop add one. */
  companies: CompanyRecord[];
  next_company_id: number;
  readonly droplet: DropletRecord;
  company_token: string;
  installations: InstallationRecord[];
  exchange_tokens: ExchangeTokenRecord[];
  webhooks: WebhookRecord[];
  registrations: RegistrationRecord[];
  /** The latest envelope delivered per resource, for `GET /api/company/webhooks/resources/{name}`. */
  last_events: Record<string, WebhookEnvelope>;
  next_webhook_id: number;
  next_event_id: number;
  next_installation_id: number;
}

/** Who made an API call: the company token, or an installation's `dit_` token. */
export type Caller =
  | { readonly kind: 'company' }
  | { readonly kind: 'installation'; readonly installation: InstallationRecord };
