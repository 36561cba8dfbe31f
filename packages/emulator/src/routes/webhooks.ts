import { ApiError, notFound, unprocessable } from '../server/api-error.js';
import { paginate } from '../server/envelopes.js';
import { queryParam, readBoolean, readPaging } from '../server/query.js';
import type { Route } from '../server/router.js';
import { isKnownTopic } from '../state/topics.js';
import type { WebhookHttpMethod } from '../state/types.js';
import {
  checkBoolean,
  checkRequiredString,
  checkUrl,
  FieldErrors,
  isRecord,
  nested,
  parseNumericId,
} from './input.js';

const HTTP_METHODS: readonly WebhookHttpMethod[] = ['post', 'put', 'get'];

/** `/api/company/webhooks`: list, create, show, update, delete, bulk delete, resources. */
export const webhookRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/company/webhooks',
    handle({ state, query }) {
      const { page, perPage } = readPaging(query, 'query');
      const active = readBoolean(query, 'active', 'query');
      const resource = queryParam(query, 'resource', 'query');
      const search = queryParam(query, 'search_query', 'query');
      const all = state.listWebhooks({
        ...(active === undefined ? {} : { active }),
        ...(resource === undefined ? {} : { resource }),
        ...(search === undefined ? {} : { search }),
      });
      const { items, pagination } = paginate(all, page, perPage);
      return { status: 200, json: { webhooks: items, meta: { pagination } } };
    },
  },
  {
    method: 'POST',
    path: '/api/company/webhooks',
    handle({ state, body, caller }) {
      const input = nested(body, 'webhook');
      const errors = new FieldErrors();
      const url = checkUrl(input.url, errors, true);
      const resource = checkRequiredString(input.resource, 'resource', errors);
      const event = checkRequiredString(input.event, 'event', errors);
      if (resource !== undefined && event !== undefined && !isKnownTopic(state.topics, resource, event)) {
        if (Object.hasOwn(state.topics, resource))
          errors.add('event', `is not a valid event for resource ${resource}`);
        else errors.add('resource', 'is not a valid resource');
      }
      const active = checkBoolean(input.active, 'active', errors);
      const httpMethod = checkHttpMethod(input.http_method, errors);
      const authToken = checkAuthToken(input.auth_token, errors);
      errors.throwIfAny();
      if (url === undefined || resource === undefined || event === undefined) throw unprocessable({});
      const webhook = state.createWebhook(caller, {
        url,
        resource,
        event,
        ...(active === undefined ? {} : { active }),
        ...(httpMethod === undefined ? {} : { http_method: httpMethod }),
        ...(authToken === undefined ? {} : { auth_token: authToken }),
      });
      return { status: 201, json: { webhook } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/company/webhooks/bulk_delete',
    handle({ state, body }) {
      const ids = isRecord(body) ? body.webhook_ids : undefined;
      if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id))) {
        throw unprocessable({ webhook_ids: ['must be an array of integer ids'] });
      }
      const deleted = state.deleteWebhooks(ids as number[]);
      return { status: 200, json: { webhooks: { webhook_ids: deleted, count: deleted.length } } };
    },
  },
  {
    method: 'GET',
    path: '/api/company/webhooks/resources',
    handle({ state }) {
      return { status: 200, json: { resources: state.topics, deprecated_resources: [] } };
    },
  },
  {
    method: 'GET',
    path: '/api/company/webhooks/resources/:resource',
    handle({ state, params }) {
      const resource = params.resource ?? '';
      const registered = state.listWebhooks({ resource }).length > 0;
      const envelope = registered ? state.lastEvent(resource) : undefined;
      if (envelope === undefined) {
        throw new ApiError(404, `No events found for resource ${resource}`, { form: 'legacy' });
      }
      return { status: 200, json: { ...envelope } };
    },
  },
  {
    method: 'GET',
    path: '/api/company/webhooks/:id',
    handle({ state, params }) {
      const webhook = state.getWebhook(parseNumericId(params.id, 'Webhook'));
      if (webhook === undefined) throw notFound('Webhook');
      return { status: 200, json: { webhook } };
    },
  },
  {
    method: 'PUT',
    path: '/api/company/webhooks/:id',
    handle({ state, params, body }) {
      const webhook = state.getWebhook(parseNumericId(params.id, 'Webhook'));
      if (webhook === undefined) throw notFound('Webhook');
      const input = nested(body, 'webhook');
      const errors = new FieldErrors();
      for (const field of ['resource', 'event'] as const) {
        if (input[field] !== undefined && input[field] !== webhook[field]) {
          errors.add(field, 'cannot be changed; delete the webhook and create a new one');
        }
      }
      const url = checkUrl(input.url, errors, false);
      const active = checkBoolean(input.active, 'active', errors);
      const httpMethod = checkHttpMethod(input.http_method, errors);
      const authToken = checkAuthToken(input.auth_token, errors);
      errors.throwIfAny();
      const updated = state.updateWebhook(webhook, {
        ...(url === undefined ? {} : { url }),
        ...(active === undefined ? {} : { active }),
        ...(httpMethod === undefined ? {} : { http_method: httpMethod }),
        ...(authToken === undefined ? {} : { auth_token: authToken }),
      });
      return { status: 200, json: { webhook: updated } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/company/webhooks/:id',
    handle({ state, params }) {
      const id = parseNumericId(params.id, 'Webhook');
      if (state.deleteWebhooks([id]).length === 0) throw notFound('Webhook');
      return { status: 200, json: { webhook: { id } } };
    },
  },
];

function checkHttpMethod(value: unknown, errors: FieldErrors): WebhookHttpMethod | undefined {
  if (value === undefined) return undefined;
  const method = typeof value === 'string' ? value.toLowerCase() : value;
  const found = HTTP_METHODS.find((candidate) => candidate === method);
  if (found === undefined) errors.add('http_method', 'is not included in the list (post, put, get)');
  return found;
}

function checkAuthToken(value: unknown, errors: FieldErrors): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') {
    errors.add('auth_token', 'must be a string');
    return undefined;
  }
  return value;
}
