/** Webhook resources and the events on each, as `GET /api/company/webhooks/resources` lists them. */
export type TopicCatalog = Readonly<Record<string, readonly string[]>>;

/**
 * The resource/event pairs seen in Fluid's documentation and droplet code (fluid/API.md §4). Fluid's live list is
 * longer; pass `topics` to `startEmulator` to add more. There is no `droplet_reinstalled`: Fluid's topic registry has
 * none, a reinstall arrives as a fresh `droplet_installed`.
 */
export const DEFAULT_TOPICS: TopicCatalog = {
  cart: ['updated'],
  droplet: ['installed', 'uninstalled'],
  order: ['created', 'updated', 'cancelled', 'refunded', 'shipped', 'external_id_synced'],
  product: ['created'],
  subscription: [
    'started',
    'paused',
    'cancelled',
    'billed',
    'declined',
    'resumed',
    'resumed_after_payment_fix',
    'reactivated',
    'skipped',
    'updated',
  ],
};

/** Internal class names Fluid puts in `payload.resource_name`, where they differ from the capitalized resource. */
const RESOURCE_NAMES: Readonly<Record<string, string>> = {
  droplet: 'DropletInstallation',
  subscription: 'Commerce::Subscription',
};

/** The `event_identifier` of a pair, e.g. `order` + `created` → `order_created`. */
export function eventIdentifier(resource: string, event: string): string {
  return `${resource}_${event}`;
}

/** Splits an event identifier back into its pair using the catalog, or `undefined` when it names no known topic. */
export function findTopic(
  catalog: TopicCatalog,
  identifier: string,
): { resource: string; event: string } | undefined {
  for (const [resource, events] of Object.entries(catalog)) {
    for (const event of events) {
      if (eventIdentifier(resource, event) === identifier) return { resource, event };
    }
  }
  return undefined;
}

/** Whether `resource`/`event` is a pair the catalog allows. */
export function isKnownTopic(catalog: TopicCatalog, resource: string, event: string): boolean {
  return Object.hasOwn(catalog, resource) && (catalog[resource] ?? []).includes(event);
}

/** The `resource_name` Fluid sends for a resource. */
export function resourceClassName(resource: string): string {
  return RESOURCE_NAMES[resource] ?? resource.charAt(0).toUpperCase() + resource.slice(1);
}
