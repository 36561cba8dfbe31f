import * as z from 'zod';

// Loose objects throughout: new fields from Fluid are fine; a missing field or a changed type is drift.
const nullableString = z.string().nullable();
const jsonObject = z.record(z.string(), z.unknown());
const meta = z.looseObject({ request_id: nullableString.optional(), timestamp: z.string().optional() });
const paginatedMeta = meta.extend({
  pagination: z.looseObject({
    current_page: z.number().int(),
    total_pages: z.number().int(),
    total_count: z.number().int(),
    per_page: z.number().int(),
  }),
});

const webhook = z.looseObject({
  id: z.number().int(),
  company_id: z.number().int(),
  droplet_installation_uuid: nullableString,
  url: z.string(),
  active: z.boolean(),
  resource: nullableString,
  event: nullableString,
  event_identifier: nullableString,
  http_method: z.enum(['post', 'put', 'get']),
  auth_token: nullableString,
  created_at: z.string(),
  updated_at: z.string(),
});

const callbackDefinition = z.looseObject({
  name: z.string(),
  description: nullableString,
  example_response: jsonObject.nullable(),
  request_schema: jsonObject.nullable(),
  response_schema: jsonObject.nullable(),
});

const callbackSchema = z.looseObject({
  name: z.string(),
  version: nullableString,
  schema_hash: nullableString,
  description: nullableString,
  request_schema: jsonObject.nullable(),
  response_schema: jsonObject.nullable(),
});

const callbackRegistration = z.looseObject({
  uuid: z.string(),
  company_id: z.number().int(),
  company_name: nullableString,
  definition_name: z.string(),
  url: z.string(),
  verification_token: nullableString,
  active: z.boolean(),
  country_codes: z.array(z.string()),
  timeout_in_seconds: z.number().int().optional(),
  created_at: z.string(),
  owner_type: nullableString,
  owner_id: z.number().int().nullable(),
  owner_name: nullableString,
});

/** Zod schemas of every success envelope the client reads, used when `validateResponses` is on. */
export const envelopes = {
  webhookList: z.looseObject({ webhooks: z.array(webhook), meta: paginatedMeta }),
  webhook: z.looseObject({ webhook, meta }),
  webhookDeleted: z.looseObject({ webhook: z.looseObject({ id: z.number().int() }), meta }),
  webhookBulkDeleted: z.looseObject({
    webhooks: z.looseObject({ webhook_ids: z.array(z.number().int()), count: z.number().int() }),
    meta,
  }),
  webhookResources: z.looseObject({
    resources: jsonObject.nullable(),
    deprecated_resources: z.array(z.string()),
  }),
  definitionList: z.looseObject({ definitions: z.array(callbackDefinition), meta }),
  schemaList: z.looseObject({ schemas: z.array(callbackSchema), meta }),
  schema: z.looseObject({ schema: callbackSchema, meta }),
  registrationList: z.looseObject({
    callback_registrations: z.array(callbackRegistration),
    meta: paginatedMeta,
  }),
  registration: z.looseObject({ callback_registration: callbackRegistration, meta }),
  registrationCreated: z.looseObject({
    callback_registration: callbackRegistration.extend({ verification_token: z.string().startsWith('cvt_') }),
    meta,
  }),
  registrationDeleted: z.looseObject({ callback_registration: z.looseObject({ uuid: z.string() }), meta }),
  callbackTest: z.unknown(),
  exchange: z.looseObject({
    droplet_installation: z.looseObject({
      droplet_installation_uuid: z.string(),
      droplet_uuid: z.string(),
      fluid_company_id: z.number().int(),
      fluid_shop: z.string(),
    }),
    credentials: z.looseObject({
      authentication_token: z.string(),
      webhook_verification_token: z.string(),
      issued_at: z.string(),
      token_type: z.string(),
    }),
    // integrations-v0 requires `meta`, but the token is spent by now: failing the call over a missing `meta`
    // (which the client does not read) would lose the credentials for good.
    meta: meta.optional(),
  }),
} satisfies Record<string, z.ZodType>;

/** The name of one envelope schema. */
export type EnvelopeName = keyof typeof envelopes;
