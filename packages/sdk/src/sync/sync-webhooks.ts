import type { FluidClient } from '../client/fluid-client.js';
import type { Webhook, WebhookUpdateParams } from '../client/types.js';
import type { FluidLogger } from '../logger.js';
import { checkHttpUrl, checkKey } from '../stores/records.js';
import { StoreError } from '../stores/store-error.js';
import { applyPlan, listEveryPage, SYNC_PAGE_SIZE } from './list-every-page.js';

/** One webhook subscription the service wants. */
export interface DesiredWebhook {
  readonly resource: string;
  readonly event: string;
  /** The exact URL Fluid posts to; matched character for character. */
  readonly url: string;
  /** @default true */
  readonly active?: boolean;
  /** @default 'post' */
  readonly http_method?: 'post' | 'put' | 'get';
}

/** A webhook named in a plan: never its `auth_token`. */
export interface WebhookRef {
  readonly id: number;
  readonly resource: string | null;
  readonly event: string | null;
  readonly url: string;
}

/** What {@link WebhookSync.plan} found and {@link WebhookSync.apply} will do. */
export interface WebhookPlan {
  readonly create: readonly DesiredWebhook[];
  readonly update: readonly (WebhookRef & { readonly changes: WebhookUpdateParams })[];
  /** Ours (at one of our URLs, or owned by `installationUuid`) that are not desired, duplicates included. */
  readonly delete: readonly WebhookRef[];
  readonly unchanged: number;
  /** Others' webhooks: never touched. */
  readonly foreign: number;
}

/** What {@link WebhookSync.apply} did. */
export interface WebhookSyncResult {
  readonly plan: WebhookPlan;
  readonly created: readonly WebhookRef[];
  readonly replanned: boolean;
}

/** Options for {@link syncWebhooks}. */
export interface SyncWebhooksOptions {
  /** A client whose token may manage webhooks (a `dit_` token needs the `settings` scope). */
  readonly client: Pick<FluidClient, 'webhooks'>;
  readonly desired: readonly DesiredWebhook[];
  /** When given, webhooks this installation owns count as ours even at other URLs. */
  readonly installationUuid?: string;
  /** @default 100 */
  readonly maxPages?: number;
  readonly logger?: FluidLogger;
}

/** Plans and applies a service's webhook subscriptions. */
export interface WebhookSync {
  plan(): Promise<WebhookPlan>;
  apply(plan?: WebhookPlan): Promise<WebhookSyncResult>;
}

const tripleOf = (item: { resource: string | null; event: string | null; url: string }) =>
  JSON.stringify([item.resource, item.event, item.url]);

const ref = (webhook: Webhook): WebhookRef => ({
  id: webhook.id,
  resource: webhook.resource,
  event: webhook.event,
  url: webhook.url,
});

function checkDesired(desired: readonly DesiredWebhook[]): void {
  if (!Array.isArray(desired)) throw new StoreError('invalid-input', 'syncWebhooks: desired must be a list');
  const seen = new Set<string>();
  desired.forEach((entry, index) => {
    const where = `syncWebhooks: desired[${index}]`;
    checkKey(entry?.resource, 'resource', where);
    checkKey(entry.event, 'event', where);
    checkHttpUrl(entry.url, 'url', where);
    const triple = tripleOf(entry);
    if (seen.has(triple))
      throw new StoreError(
        'invalid-input',
        `${where}: ${entry.resource}.${entry.event} at this url is listed twice`,
      );
    seen.add(triple);
  });
}

/**
 * Keeps a service's webhook subscriptions in step with what it wants: creates what is missing, updates the active
 * flag or method where they differ (`resource` and `event` never change in place), and deletes ours that are not
 * wanted, duplicates included. Ours means at exactly one of the desired URLs, or owned by `installationUuid`.
 *
 * @example
 * await syncWebhooks({ client, installationUuid, desired: [
 *   { resource: 'order', event: 'created', url: 'https://droplet.example.com/webhooks' },
 * ] }).apply();
 */
export function syncWebhooks(options: SyncWebhooksOptions): WebhookSync {
  const { client, desired, logger } = options;
  checkDesired(desired);
  const installationUuid =
    options.installationUuid === undefined
      ? undefined
      : checkKey(options.installationUuid, 'installationUuid', 'syncWebhooks');
  const ourUrls = new Set(desired.map((entry) => entry.url));
  const maxPages = options.maxPages ?? 100;

  const plan = async (): Promise<WebhookPlan> => {
    const existing = await listEveryPage(
      (page) => client.webhooks.list({ page, per_page: SYNC_PAGE_SIZE }),
      (webhook) => webhook.id,
      maxPages,
    );
    existing.sort((a, b) => a.id - b.id);
    const ours = (webhook: Webhook) =>
      ourUrls.has(webhook.url) ||
      (installationUuid !== undefined && webhook.droplet_installation_uuid === installationUuid);
    const wanted = new Map(desired.map((entry) => [tripleOf(entry), entry]));
    const kept = new Set<string>();
    const create: DesiredWebhook[] = [];
    const update: (WebhookRef & { changes: WebhookUpdateParams })[] = [];
    const remove: WebhookRef[] = [];
    let unchanged = 0;
    let foreign = 0;
    for (const webhook of existing) {
      if (!ours(webhook)) {
        foreign += 1;
        continue;
      }
      const triple = tripleOf(webhook);
      const entry = wanted.get(triple);
      if (entry === undefined || kept.has(triple)) {
        remove.push(ref(webhook));
        continue;
      }
      kept.add(triple);
      const changes: { active?: boolean; http_method?: 'post' | 'put' | 'get' } = {};
      if ((entry.active ?? true) !== webhook.active) changes.active = entry.active ?? true;
      if ((entry.http_method ?? 'post') !== webhook.http_method)
        changes.http_method = entry.http_method ?? 'post';
      if (Object.keys(changes).length > 0) update.push({ ...ref(webhook), changes });
      else unchanged += 1;
    }
    for (const [triple, entry] of wanted) if (!kept.has(triple)) create.push(entry);
    return { create, update, delete: remove, unchanged, foreign };
  };

  const execute = async (current: WebhookPlan): Promise<WebhookRef[]> => {
    const created: WebhookRef[] = [];
    for (const entry of current.create) {
      const webhook = await client.webhooks.create({
        resource: entry.resource,
        event: entry.event,
        url: entry.url,
        active: entry.active ?? true,
        ...(entry.http_method === undefined ? {} : { http_method: entry.http_method }),
      });
      created.push(ref(webhook));
      logger?.info?.('webhook created', { id: webhook.id, resource: entry.resource, event: entry.event });
    }
    for (const change of current.update) {
      await client.webhooks.update(change.id, change.changes);
      logger?.info?.('webhook updated', { id: change.id, fields: Object.keys(change.changes) });
    }
    for (const gone of current.delete) {
      await client.webhooks.delete(gone.id, { ignoreNotFound: true });
      logger?.info?.('webhook deleted', { ...gone });
    }
    return created;
  };

  return {
    plan,
    apply: (given) =>
      applyPlan(given, plan, execute, () => logger?.info?.('webhook sync met a conflict; planning again')),
  };
}
