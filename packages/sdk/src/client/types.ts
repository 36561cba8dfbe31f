// The client's public types, derived from the openapi-typescript output of definitions/openapi/fluid-api.yaml.
import type { components, operations } from '../../../../generated/openapi/fluid-api.js';
import type { CallbackName } from '../registry/index.js';
import type { CallbackRegistry } from '../registry/types.js';

type Schemas = components['schemas'];
type Query<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>;

/** A webhook subscription. */
export type Webhook = Schemas['Webhook'];
/** The body of `webhooks.create`. */
export type WebhookCreateParams = Schemas['WebhookCreate'];
/** The body of `webhooks.update`; `resource` and `event` cannot change. */
export type WebhookUpdateParams = Schemas['WebhookUpdate'];
/** Filters and page of `webhooks.list`. */
export type WebhookListParams = Query<'listWebhooks'>;
/** What `webhooks.delete` returns: the deleted id. */
export type DeletedWebhook = { readonly id: number };
/** What `webhooks.bulkDelete` returns. */
export type BulkDeletedWebhooks = { readonly webhook_ids: number[]; readonly count: number };
/** The subscribable resources and their events, plus the deprecated ones. */
export type WebhookResources = Omit<Schemas['WebhookResources'], 'meta'>;
/** A callback definition: its name, description, example and JSON Schemas. */
export type CallbackDefinition = Schemas['CallbackDefinition'];
/** A versioned view of a callback definition's schemas. */
export type CallbackSchema = Schemas['CallbackSchema'];
/** A callback registration as `get`, `list` and `update` return it. */
export type CallbackRegistration = Schemas['CallbackRegistration'];
/** A definition name: one the SDK knows, or any other string for definitions newer than this release. */
export type CallbackDefinitionName = CallbackName | (string & {});
/**
 * The definition names a client typed by `Registry` accepts: the registry's keys, or any
 * {@link CallbackDefinitionName} for a client without a registry of its own.
 */
export type DefinitionNameOf<Registry extends CallbackRegistry> = string extends keyof Registry
  ? CallbackDefinitionName
  : keyof Registry & string;
/** The body of `callbackRegistrations.create`; `Name` is narrowed by the client's registry. */
export type CallbackRegistrationCreateParams<Name extends string = CallbackDefinitionName> = Omit<
  Schemas['CallbackRegistrationCreate'],
  'definition_name'
> & {
  readonly definition_name: Name;
};
/** The body of `callbackRegistrations.update`; `definition_name` cannot change. */
export type CallbackRegistrationUpdateParams = Schemas['CallbackRegistrationUpdate'];
/** Filters and page of `callbackRegistrations.list`; `Name` is narrowed by the client's registry. */
export type CallbackRegistrationListParams<Name extends string = CallbackDefinitionName> = Omit<
  Query<'listCallbackRegistrations'>,
  'definition_name'
> & {
  readonly definition_name?: Name;
};
/**
 * What `callbackRegistrations.create` returns. `verification_token` is the `cvt_…` key Fluid signs this
 * callback's calls with: store it now, it cannot be read back reliably later.
 */
export type CreatedCallbackRegistration = Omit<CallbackRegistration, 'verification_token'> & {
  readonly verification_token: `cvt_${string}`;
};
/** What `callbackRegistrations.delete` returns: the deleted uuid. */
export type DeletedCallbackRegistration = { readonly uuid: string };
/** The body of `callbacks.test`: any JSON object, forwarded to your `test_callback_system` registration. */
export type CallbackTestBody = Schemas['JsonObject'];
/** Any JSON value. */
export type JsonValue = Schemas['JsonValue'];
/** The installation and its credentials, from `dropletInstallations.exchange` (the body without `meta`). */
export type DropletInstallationExchangeResult = Omit<Schemas['DropletInstallationExchange'], 'meta'>;
