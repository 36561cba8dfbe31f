import type { FluidEndpoint } from './response-validator.js';
import {
  arrayOf,
  boolean,
  int,
  nullable,
  object,
  oneOf,
  optional,
  record,
  type Shape,
  startsWith,
  string,
  unknown,
} from './shape.js';

// Loose objects throughout: new fields from Fluid are fine; a missing field or a changed type is drift.
const nullableString = nullable(string);
const nullableRecord = nullable(record);
const meta = { request_id: optional(nullableString), timestamp: optional(string) };
const paginatedMeta = object({
  ...meta,
  pagination: object({ current_page: int, total_pages: int, total_count: int, per_page: int }),
});
/** `{ [key]: value, meta }`. */
const single = (key: string, value: Shape): Shape => object({ [key]: value, meta: object(meta) });

const webhook = object({
  id: int,
  company_id: int,
  droplet_installation_uuid: nullableString,
  url: string,
  active: boolean,
  resource: nullableString,
  event: nullableString,
  event_identifier: nullableString,
  http_method: oneOf('post', 'put', 'get'),
  auth_token: nullableString,
  created_at: string,
  updated_at: string,
});

const callbackDefinition = object({
  name: string,
  description: nullableString,
  example_response: nullableRecord,
  request_schema: nullableRecord,
  response_schema: nullableRecord,
});

const callbackSchema = object({
  name: string,
  version: nullableString,
  schema_hash: nullableString,
  description: nullableString,
  request_schema: nullableRecord,
  response_schema: nullableRecord,
});

const registrationFields = {
  uuid: string,
  company_id: int,
  company_name: nullableString,
  definition_name: string,
  url: string,
  verification_token: nullableString,
  active: boolean,
  country_codes: arrayOf(string),
  timeout_in_seconds: optional(int),
  created_at: string,
  owner_type: nullableString,
  owner_id: nullable(int),
  owner_name: nullableString,
};

/** The shape of every success envelope the client reads. */
export const envelopes = {
  webhookList: object({ webhooks: arrayOf(webhook), meta: paginatedMeta }),
  webhook: single('webhook', webhook),
  webhookDeleted: single('webhook', object({ id: int })),
  webhookBulkDeleted: single('webhooks', object({ webhook_ids: arrayOf(int), count: int })),
  webhookResources: object({ resources: nullableRecord, deprecated_resources: arrayOf(string) }),
  definitionList: single('definitions', arrayOf(callbackDefinition)),
  schemaList: single('schemas', arrayOf(callbackSchema)),
  schema: single('schema', callbackSchema),
  registrationList: object({
    callback_registrations: arrayOf(object(registrationFields)),
    meta: paginatedMeta,
  }),
  registration: single('callback_registration', object(registrationFields)),
  registrationCreated: single(
    'callback_registration',
    object({ ...registrationFields, verification_token: startsWith('cvt_') }),
  ),
  registrationDeleted: single('callback_registration', object({ uuid: string })),
  callbackTest: unknown,
  exchange: object({
    droplet_installation: object({
      droplet_installation_uuid: string,
      droplet_uuid: string,
      fluid_company_id: int,
      fluid_shop: string,
    }),
    credentials: object({
      authentication_token: string,
      webhook_verification_token: string,
      issued_at: string,
      token_type: string,
    }),
    // integrations-v0 requires `meta`, but the token is spent by now: failing the call over a missing `meta`
    // (which the client does not read) would lose the credentials for good.
    meta: optional(object(meta)),
  }),
} satisfies Record<string, Shape>;

/** The envelope each endpoint answers with. */
export const endpointEnvelopes: Readonly<Record<FluidEndpoint, keyof typeof envelopes>> = {
  'GET /api/company/webhooks': 'webhookList',
  'GET /api/company/webhooks/{id}': 'webhook',
  'POST /api/company/webhooks': 'webhook',
  'PUT /api/company/webhooks/{id}': 'webhook',
  'DELETE /api/company/webhooks/{id}': 'webhookDeleted',
  'DELETE /api/company/webhooks/bulk_delete': 'webhookBulkDeleted',
  'GET /api/company/webhooks/resources': 'webhookResources',
  'GET /api/callback/definitions': 'definitionList',
  'GET /api/callback/schemas': 'schemaList',
  'GET /api/callback/schemas/{id}': 'schema',
  'GET /api/callback/registrations': 'registrationList',
  'GET /api/callback/registrations/{id}': 'registration',
  'POST /api/callback/registrations': 'registrationCreated',
  'PUT /api/callback/registrations/{id}': 'registration',
  'DELETE /api/callback/registrations/{id}': 'registrationDeleted',
  'POST /api/callback/test': 'callbackTest',
  'POST /api/droplet_installations/exchange': 'exchange',
};
