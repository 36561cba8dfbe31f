// Declarative sync of callback registrations and webhook subscriptions: plan (read only), then apply.
export type {
  DesiredRegistration,
  RegistrationPlan,
  RegistrationRef,
  RegistrationSync,
  RegistrationSyncResult,
  SyncRegistrationsOptions,
} from './sync-registrations.js';
export { syncRegistrations } from './sync-registrations.js';
export type {
  DesiredWebhook,
  SyncWebhooksOptions,
  WebhookPlan,
  WebhookRef,
  WebhookSync,
  WebhookSyncResult,
} from './sync-webhooks.js';
export { syncWebhooks } from './sync-webhooks.js';
