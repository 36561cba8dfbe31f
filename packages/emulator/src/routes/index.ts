import type { Route } from '../server/router.js';
import { callbackDefinitionRoutes } from './callback-definitions.js';
import { callbackRegistrationRoutes } from './callback-registrations.js';
import { callbackTestRoutes } from './callback-test.js';
import { controlRoutes } from './control.js';
import { dropletInstallationRoutes } from './droplet-installations.js';
import { webPageRoutes } from './web-page.js';
import { webhookRoutes } from './webhooks.js';

/** Every endpoint the emulator serves. */
export const routes: readonly Route[] = [
  ...webhookRoutes,
  ...callbackDefinitionRoutes,
  ...callbackRegistrationRoutes,
  ...callbackTestRoutes,
  ...dropletInstallationRoutes,
  ...webPageRoutes,
  ...controlRoutes,
];
