import { createHash, timingSafeEqual } from 'node:crypto';
import type { CallbackDefinition } from '../definitions/types.js';
import type { DeliveryLogEntry } from '../delivery/types.js';
import { EventHub } from '../events/event-hub.js';
import { maskSecrets } from '../util/mask-secrets.js';
import type { IdSource } from '../util/random.js';
import type { CreatedInstallation, ExchangeOutcome, NewRegistration, NewWebhook } from './inputs.js';
import { eventIdentifier, type TopicCatalog } from './topics.js';
import type {
  Caller,
  CompanyRecord,
  EmulatorData,
  ExchangeTokenRecord,
  InstallationRecord,
  RegistrationRecord,
  WebhookEnvelope,
  WebhookHttpMethod,
  WebhookRecord,
} from './types.js';

/** How long a `dex_` exchange token stays valid, as Fluid documents: ten minutes. */
export const EXCHANGE_TOKEN_TTL_MS = 10 * 60 * 1000;

/** Fluid's ceiling for a callback registration's timeout. */
export const MAX_CALLBACK_TIMEOUT_SECONDS = 20;

const DELIVERY_LOG_SIZE = 50;

/**
 * The emulator's state: one company, its droplet, installations, webhooks and callback registrations, in memory.
 * Every mutation calls `onChange`, which persists the data when a data file is configured.
 */
export class EmulatorState {
  readonly #data: EmulatorData;
  readonly #ids: IdSource;
  readonly #now: () => Date;
  readonly #onChange: () => void;
  readonly #deliveries: DeliveryLogEntry[] = [];
  #nextDeliveryId = 1;
  /** Every API call and delivery, as they happen (what `GET /_emulator/events` streams). */
  readonly events = new EventHub();
  /** Webhook resources and events the API accepts. */
  readonly topics: TopicCatalog;
  /** Callback definitions by name. */
  readonly definitions: ReadonlyMap<string, CallbackDefinition>;

  constructor(options: {
    data: EmulatorData;
    ids: IdSource;
    topics: TopicCatalog;
    definitions: readonly CallbackDefinition[];
    now?: () => Date;
    onChange?: () => void;
  }) {
    this.#data = options.data;
    this.#ids = options.ids;
    this.#now = options.now ?? (() => new Date());
    this.#onChange = options.onChange ?? (() => {});
    this.topics = options.topics;
    this.definitions = new Map(options.definitions.map((definition) => [definition.name, definition]));
  }

  /** The company the company token belongs to. */
  get company(): CompanyRecord {
    return this.#data.company;
  }

  /** Every company, the first one included. */
  companies(): readonly CompanyRecord[] {
    return this.#data.companies;
  }

  /** The company with `fluid_shop` equal to `shop`, if any. */
  companyByShop(shop: string): CompanyRecord | undefined {
    return this.#data.companies.find((company) => company.fluid_shop === shop);
  }

  /** The company with `id`; the first company for an id the emulator does not know. */
  companyById(id: number): CompanyRecord {
    return this.#data.companies.find((company) => company.id === id) ?? this.#data.company;
  }

  /** The company with this shop, created (named after the shop) when it does not exist yet. */
  ensureCompany(shop: string): CompanyRecord {
    const found = this.companyByShop(shop);
    if (found !== undefined) return found;
    const company: CompanyRecord = { id: this.#data.next_company_id++, name: shop, fluid_shop: shop };
    this.#data.companies.push(company);
    this.#onChange();
    return company;
  }

  /** The droplet; its `webhook_secret` (`dws_`) signs install and uninstall webhooks. */
  get droplet(): EmulatorData['droplet'] {
    return this.#data.droplet;
  }

  /** The company bearer token (`C-…`) the API accepts. */
  get companyToken(): string {
    return this.#data.company_token;
  }

  /** A snapshot of everything persisted, for the data file. */
  snapshot(): EmulatorData {
    return structuredClone(this.#data);
  }

  /** Resolves a bearer token to its caller, or `undefined` when the API must answer 401. */
  authenticate(token: string): Caller | undefined {
    if (token === '') return undefined;
    if (sameToken(token, this.#data.company_token)) return { kind: 'company' };
    const installation = this.#data.installations.find(
      (candidate) => candidate.active && sameToken(token, candidate.authentication_token),
    );
    return installation === undefined ? undefined : { kind: 'installation', installation };
  }

  // --- installations ---

  /** Every installation, oldest first. */
  installations(): readonly InstallationRecord[] {
    return this.#data.installations;
  }

  /**
   * Creates an installation of the droplet in a company (the first one by default) with fresh `dit_`/`wvt_`
   * credentials and a ten-minute exchange token.
   *
   * @example
   * const { installation, exchangeToken } = emulator.state.createInstallation()
   */
  createInstallation(company: CompanyRecord = this.#data.company): CreatedInstallation {
    const now = this.#now();
    const installation: InstallationRecord = {
      id: this.#data.next_installation_id++,
      uuid: `dri_${this.#ids.token(24)}`,
      droplet_uuid: this.#data.droplet.uuid,
      company_id: company.id,
      authentication_token: `dit_${this.#ids.token(32)}`,
      webhook_verification_token: `wvt_${this.#ids.token(32)}`,
      active: true,
      created_at: now.toISOString(),
    };
    this.#data.installations.push(installation);
    const exchange = this.issueExchangeToken(installation);
    return { installation, exchangeToken: exchange.token, exchangeTokenExpiresAt: exchange.expires_at };
  }

  /** Issues a fresh single-use exchange token for an installation, valid for ten minutes (a v2 install or reinstall). */
  issueExchangeToken(installation: InstallationRecord): ExchangeTokenRecord {
    const exchange: ExchangeTokenRecord = {
      token: `dex_${this.#ids.token(32)}`,
      installation_uuid: installation.uuid,
      expires_at: new Date(this.#now().getTime() + EXCHANGE_TOKEN_TTL_MS).toISOString(),
      used_at: null,
    };
    this.#data.exchange_tokens.push(exchange);
    this.#onChange();
    return exchange;
  }

  /** The newest active installation in a company, if any. */
  latestInstallation(company: CompanyRecord): InstallationRecord | undefined {
    return this.#data.installations.findLast((item) => item.active && item.company_id === company.id);
  }

  /** Marks an installation inactive: its `dit_` token stops working, as after an uninstall. */
  deactivateInstallation(uuid: string): boolean {
    const installation = this.#data.installations.find((item) => item.uuid === uuid);
    if (installation === undefined) return false;
    installation.active = false;
    this.#onChange();
    return true;
  }

  /** Redeems a `dex_` token once; reuse and expiry are `gone` (Fluid answers 410), anything else `unknown` (404). */
  exchange(token: string): ExchangeOutcome {
    const record = this.#data.exchange_tokens.find((candidate) => candidate.token === token);
    const installation = this.#data.installations.find((item) => item.uuid === record?.installation_uuid);
    if (record === undefined || installation === undefined) return { kind: 'unknown' };
    if (record.used_at !== null) return { kind: 'gone', reason: 'used' };
    const now = this.#now();
    if (now.getTime() >= Date.parse(record.expires_at)) return { kind: 'gone', reason: 'expired' };
    record.used_at = now.toISOString();
    this.#onChange();
    return { kind: 'ok', installation, issuedAt: record.used_at };
  }

  // --- webhooks ---

  /** Webhooks of the company, by ascending id, narrowed by the list endpoint's filters. */
  listWebhooks(filter: { active?: boolean; resource?: string; search?: string } = {}): WebhookRecord[] {
    const search = filter.search?.toLowerCase();
    return this.#data.webhooks.filter(
      (webhook) =>
        (filter.active === undefined || webhook.active === filter.active) &&
        (filter.resource === undefined || webhook.resource === filter.resource) &&
        (search === undefined ||
          webhook.url.toLowerCase().includes(search) ||
          webhook.event_identifier.includes(search)),
    );
  }

  /** The webhook with `id`, if the company has it. */
  getWebhook(id: number): WebhookRecord | undefined {
    return this.#data.webhooks.find((webhook) => webhook.id === id);
  }

  /** Creates a webhook owned by the caller (an installation-owned one is signed with the installation's `wvt_`). */
  createWebhook(caller: Caller, input: NewWebhook): WebhookRecord {
    const now = this.#now().toISOString();
    const webhook: WebhookRecord = {
      id: this.#data.next_webhook_id++,
      company_id: callerCompanyId(caller, this.#data.company.id),
      droplet_installation_uuid: caller.kind === 'installation' ? caller.installation.uuid : null,
      url: input.url,
      active: input.active ?? true,
      resource: input.resource,
      event: input.event,
      event_identifier: eventIdentifier(input.resource, input.event),
      http_method: input.http_method ?? 'post',
      auth_token: input.auth_token ?? null,
      created_at: now,
      updated_at: now,
    };
    this.#data.webhooks.push(webhook);
    this.#onChange();
    return webhook;
  }

  /** Applies an update to the mutable fields of a webhook. */
  updateWebhook(
    webhook: WebhookRecord,
    patch: { url?: string; active?: boolean; http_method?: WebhookHttpMethod; auth_token?: string | null },
  ): WebhookRecord {
    if (patch.url !== undefined) webhook.url = patch.url;
    if (patch.active !== undefined) webhook.active = patch.active;
    if (patch.http_method !== undefined) webhook.http_method = patch.http_method;
    if (patch.auth_token !== undefined) webhook.auth_token = patch.auth_token;
    webhook.updated_at = this.#now().toISOString();
    this.#onChange();
    return webhook;
  }

  /** Deletes the webhooks with these ids and returns the ids that existed. */
  deleteWebhooks(ids: readonly number[]): number[] {
    const wanted = new Set(ids);
    const deleted = this.#data.webhooks
      .filter((webhook) => wanted.has(webhook.id))
      .map((webhook) => webhook.id);
    if (deleted.length > 0) {
      this.#data.webhooks = this.#data.webhooks.filter((webhook) => !wanted.has(webhook.id));
      this.#onChange();
    }
    return deleted;
  }

  /** The key Fluid signs a webhook's deliveries with: the owning installation's `wvt_`, else its `auth_token`. */
  webhookSigningKey(webhook: WebhookRecord): string | null {
    if (webhook.droplet_installation_uuid !== null) {
      const owner = this.#data.installations.find((item) => item.uuid === webhook.droplet_installation_uuid);
      if (owner !== undefined) return owner.webhook_verification_token;
    }
    return webhook.auth_token;
  }

  /** Allocates the next envelope id. */
  nextEventId(): number {
    const id = this.#data.next_event_id++;
    this.#onChange();
    return id;
  }

  /** Remembers the latest envelope delivered for a resource. */
  recordEvent(resource: string, envelope: WebhookEnvelope): void {
    this.#data.last_events[resource] = envelope;
    this.#onChange();
  }

  /** The latest envelope delivered for a resource, if any. */
  lastEvent(resource: string): WebhookEnvelope | undefined {
    return Object.hasOwn(this.#data.last_events, resource) ? this.#data.last_events[resource] : undefined;
  }

  // --- callback registrations ---

  /** Registrations of the company, oldest first, narrowed by the list endpoint's filters. */
  listRegistrations(filter: { definition_name?: string; active?: boolean; company_id?: number } = {}) {
    return this.#data.registrations.filter(
      (registration) =>
        (filter.definition_name === undefined || registration.definition_name === filter.definition_name) &&
        (filter.active === undefined || registration.active === filter.active) &&
        (filter.company_id === undefined || registration.company_id === filter.company_id),
    );
  }

  /** The registration with `uuid`, if the company has it. */
  getRegistration(uuid: string): RegistrationRecord | undefined {
    return this.#data.registrations.find((registration) => registration.uuid === uuid);
  }

  /** The caller's existing registration for a definition: Fluid allows one per definition per owner (409). */
  findOwnedRegistration(caller: Caller, definitionName: string): RegistrationRecord | undefined {
    const owner = ownerOf(caller, this.#data.company.id);
    return this.#data.registrations.find(
      (registration) =>
        registration.definition_name === definitionName &&
        registration.owner_type === owner.type &&
        registration.owner_id === owner.id,
    );
  }

  /** Creates a registration owned by the caller, with a fresh `cbr_` uuid and `cvt_` verification token. */
  createRegistration(caller: Caller, input: NewRegistration): RegistrationRecord {
    const owner = ownerOf(caller, this.#data.company.id);
    const company = this.companyById(callerCompanyId(caller, this.#data.company.id));
    const registration: RegistrationRecord = {
      uuid: `cbr_${this.#ids.uuid()}`,
      company_id: company.id,
      company_name: company.name,
      definition_name: input.definition_name,
      url: input.url,
      verification_token: `cvt_${this.#ids.token(32)}`,
      active: input.active ?? true,
      country_codes: [...(input.country_codes ?? [])],
      timeout_in_seconds: input.timeout_in_seconds ?? MAX_CALLBACK_TIMEOUT_SECONDS,
      created_at: this.#now().toISOString(),
      owner_type: owner.type,
      owner_id: owner.id,
      owner_name: owner.type === 'Company' ? this.#data.company.name : this.#data.droplet.name,
    };
    this.#data.registrations.push(registration);
    this.#onChange();
    return registration;
  }

  /** Applies an update to the mutable fields of a registration. */
  updateRegistration(
    registration: RegistrationRecord,
    patch: { url?: string; active?: boolean; country_codes?: readonly string[]; timeout_in_seconds?: number },
  ): RegistrationRecord {
    if (patch.url !== undefined) registration.url = patch.url;
    if (patch.active !== undefined) registration.active = patch.active;
    if (patch.country_codes !== undefined) registration.country_codes = [...patch.country_codes];
    if (patch.timeout_in_seconds !== undefined) registration.timeout_in_seconds = patch.timeout_in_seconds;
    this.#onChange();
    return registration;
  }

  /** Deletes a registration. */
  deleteRegistration(uuid: string): boolean {
    const before = this.#data.registrations.length;
    this.#data.registrations = this.#data.registrations.filter((registration) => registration.uuid !== uuid);
    const deleted = this.#data.registrations.length !== before;
    if (deleted) this.#onChange();
    return deleted;
  }

  /**
   * The registration a callback goes to: the most recently created active one for the definition whose
   * `country_codes` admit the dispatch. Fluid's filter is inverted for a dispatch without a country: it only
   * reaches registrations with an empty `country_codes` (fluid/API.md §3.3).
   */
  activeRegistration(
    definitionName: string,
    country?: string,
    company: CompanyRecord = this.#data.company,
  ): RegistrationRecord | undefined {
    const wanted = country?.toUpperCase();
    return this.#data.registrations.findLast(
      (registration) =>
        registration.active &&
        registration.definition_name === definitionName &&
        registration.company_id === company.id &&
        (registration.country_codes.length === 0 ||
          (wanted !== undefined && registration.country_codes.includes(wanted))),
    );
  }

  // --- delivery log ---

  /**
   * Adds a delivery to the log shown on the web page (the last 50 are kept, in memory only), with its bodies'
   * credentials masked, and publishes it on the event stream.
   */
  logDelivery(entry: Omit<DeliveryLogEntry, 'id'>): DeliveryLogEntry {
    const logged: DeliveryLogEntry = {
      ...entry,
      id: this.#nextDeliveryId++,
      request: maskSecrets(entry.request),
      reply: maskSecrets(entry.reply),
    };
    this.#deliveries.unshift(logged);
    this.#deliveries.length = Math.min(this.#deliveries.length, DELIVERY_LOG_SIZE);
    this.events.publish({ type: 'delivery', delivery: logged });
    return logged;
  }

  /** Recent deliveries, newest first. */
  deliveries(): readonly DeliveryLogEntry[] {
    return this.#deliveries;
  }
}

/** Compares tokens in constant time; hashing first makes the lengths equal, so the length does not leak either. */
function sameToken(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return expected !== '' && timingSafeEqual(digest(presented), digest(expected));
}

function callerCompanyId(caller: Caller, fallback: number): number {
  return caller.kind === 'installation' ? caller.installation.company_id : fallback;
}

function ownerOf(caller: Caller, companyId: number): { type: 'Company' | 'DropletInstallation'; id: number } {
  return caller.kind === 'company'
    ? { type: 'Company', id: companyId }
    : { type: 'DropletInstallation', id: caller.installation.id };
}
