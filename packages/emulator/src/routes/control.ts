import type { ServerResponse } from 'node:http';
import { INSTALL_VERSIONS } from '../delivery/lifecycle-payload.js';
import { NoRegistrationError } from '../errors/emulator-error.js';
import type { EmulatorEvent } from '../events/event-hub.js';
import { ApiError } from '../server/api-error.js';
import type { Route } from '../server/router.js';
import type { EmulatorState } from '../state/store.js';
import { eventIdentifier } from '../state/topics.js';
import { maskSecrets, maskToken } from '../util/mask-secrets.js';
import { pageScript } from '../web/page-script.js';
import { checkRequiredString, checkUrl, FieldErrors, isRecord } from './input.js';

/** How often the event stream sends a comment, so proxies and browsers keep an idle stream open. */
const HEARTBEAT_MS = 15_000;

/**
 * The control API under `/_emulator/`: what the page and `fluid-emulator --emulator <url>` use to drive a running
 * emulator. Unlike the REST API it needs no token, and it answers only the emulator's own origin.
 */
export const controlRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/_emulator/state',
    access: 'control',
    handle({ state }) {
      return { status: 200, json: describeState(state) };
    },
  },
  {
    method: 'GET',
    path: '/_emulator/callbacks/sample',
    access: 'control',
    handle({ trigger, query }) {
      const name = query.get('name') ?? '';
      return { status: 200, json: { name, request: trigger.sample(name) } };
    },
  },
  {
    method: 'POST',
    path: '/_emulator/installations',
    access: 'control',
    async handle({ trigger, body }) {
      const input = objectBody(body);
      const errors = new FieldErrors();
      const url = checkUrl(input.url, errors, true);
      const version = input.version ?? 'v2';
      if (!INSTALL_VERSIONS.some((known) => known === version)) errors.add('version', 'must be v1 or v2');
      const shop = optionalShop(input.shop, errors);
      errors.throwIfAny();
      const result = await trigger.install({
        url: url ?? '',
        version: version === 'v1' ? 'v1' : 'v2',
        ...(shop === undefined ? {} : { shop }),
      });
      const { installation } = result;
      return {
        status: 201,
        json: {
          installation: {
            uuid: installation.uuid,
            droplet_uuid: installation.droplet_uuid,
            company_id: installation.company_id,
            fluid_shop: result.company.fluid_shop,
            active: installation.active,
            created_at: installation.created_at,
          },
          version: result.version,
          tokens: {
            authentication_token: installation.authentication_token,
            webhook_verification_token: installation.webhook_verification_token,
            exchange_token: result.exchangeToken,
          },
          envelope: maskSecrets(result.envelope),
          delivery: maskSecrets(result.delivery),
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/_emulator/webhooks/trigger',
    access: 'control',
    async handle({ trigger, body }) {
      const input = objectBody(body);
      const errors = new FieldErrors();
      const event = checkRequiredString(input.event, 'event', errors);
      const shop = optionalShop(input.shop, errors);
      if (input.payload !== undefined && !isRecord(input.payload)) {
        errors.add('payload', 'must be an object (fields of the envelope payload)');
      }
      errors.throwIfAny();
      const payload = isRecord(input.payload) ? input.payload : undefined;
      const result = await trigger.webhook(event ?? '', payload, shop === undefined ? {} : { shop });
      return {
        status: 200,
        json: { envelope: maskSecrets(result.envelope), deliveries: maskSecrets(result.deliveries) },
      };
    },
  },
  {
    method: 'POST',
    path: '/_emulator/callbacks/trigger',
    access: 'control',
    async handle({ trigger, state, body }) {
      const input = objectBody(body);
      const errors = new FieldErrors();
      const name = checkRequiredString(input.name, 'name', errors) ?? '';
      const shop = optionalShop(input.shop, errors);
      const country = optionalCountry(input.country, errors);
      errors.throwIfAny();
      // As Fluid does: each company's own registration is called; a shop narrows it to that company.
      const shops =
        shop === undefined
          ? state
              .companies()
              .filter((company) => state.activeRegistration(name, country, company) !== undefined)
              .map((company) => company.fluid_shop)
          : [shop];
      if (shops.length === 0) throw new NoRegistrationError(name, country);
      const reports = [];
      for (const target of shops) {
        reports.push(
          await trigger.callback(name, input.request, {
            shop: target,
            ...(country === undefined ? {} : { country }),
          }),
        );
      }
      return { status: 200, json: { reports: maskSecrets(reports) } };
    },
  },
  {
    method: 'POST',
    path: '/_emulator/callbacks/fuzz',
    access: 'control',
    async handle({ trigger, body }) {
      const input = objectBody(body);
      const errors = new FieldErrors();
      const name = checkRequiredString(input.name, 'name', errors) ?? '';
      const count = optionalInteger(input.count, 'count', 1, 1000, errors);
      const seed = optionalInteger(input.seed, 'seed', 0, 2 ** 31, errors);
      const shop = optionalShop(input.shop, errors);
      const country = optionalCountry(input.country, errors);
      errors.throwIfAny();
      const report = await trigger.fuzz(name, {
        ...(count === undefined ? {} : { count }),
        ...(seed === undefined ? {} : { seed }),
        ...(shop === undefined ? {} : { shop }),
        ...(country === undefined ? {} : { country }),
        ...(input.neutral === undefined ? {} : { neutral: input.neutral }),
      });
      return { status: 200, json: { report: maskSecrets(report) as Record<string, unknown> } };
    },
  },
  {
    method: 'GET',
    path: '/_emulator/events',
    access: 'control',
    handle({ state }) {
      return { stream: (response) => streamEvents(state, response) };
    },
  },
  {
    method: 'GET',
    path: '/_emulator/page.js',
    access: 'public',
    handle() {
      return { status: 200, text: pageScript(), contentType: 'text/javascript; charset=utf-8' };
    },
  },
];

/** What the page needs to draw itself; every credential masked. */
function describeState(state: EmulatorState): Record<string, unknown> {
  return {
    company: state.company,
    companies: state.companies(),
    definitions: [...state.definitions.values()].map((definition) => ({
      name: definition.name,
      description: definition.description,
    })),
    events: Object.entries(state.topics).flatMap(([resource, events]) =>
      events.map((event) => eventIdentifier(resource, event)),
    ),
    topics: state.topics,
    installations: state.installations().map((installation) => ({
      ...installation,
      authentication_token: maskToken(installation.authentication_token),
      webhook_verification_token: maskToken(installation.webhook_verification_token),
    })),
    registrations: state.listRegistrations().map((registration) => ({
      ...registration,
      verification_token: maskToken(registration.verification_token),
    })),
    webhooks: state.listWebhooks().map((webhook) => ({
      ...webhook,
      auth_token: webhook.auth_token === null ? null : maskToken(webhook.auth_token),
    })),
    deliveries: state.deliveries(),
  };
}

function streamEvents(state: EmulatorState, response: ServerResponse): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write('retry: 2000\n: connected\n\n');
  const write = (event: EmulatorEvent) => {
    response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  };
  const unsubscribe = state.events.subscribe(write);
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  response.once('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isRecord(body)) throw new ApiError(422, 'The body must be a JSON object', { errors: null });
  return body;
}

function optionalShop(value: unknown, errors: FieldErrors): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9.-]{0,62}$/i.test(value)) {
    errors.add('shop', 'must be a shop slug such as acme');
    return undefined;
  }
  return value;
}

function optionalCountry(value: unknown, errors: FieldErrors): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[A-Za-z]{2}$/.test(value)) {
    errors.add('country', 'must be a two-letter ISO country code');
    return undefined;
  }
  return value.toUpperCase();
}

function optionalInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
  errors: FieldErrors,
): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    errors.add(field, `must be a whole number from ${min} to ${max}`);
    return undefined;
  }
  return value as number;
}
