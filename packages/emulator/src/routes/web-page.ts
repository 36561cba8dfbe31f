import type { Route } from '../server/router.js';
import { renderPage } from '../web/render-page.js';

/** `GET /`: the status page for a person looking at the emulator while developing. */
export const webPageRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/',
    access: 'public',
    handle({ state, baseUrl }) {
      return {
        status: 200,
        html: renderPage({
          baseUrl,
          companyName: state.company.name,
          definitionCount: state.definitions.size,
          registrations: state.listRegistrations(),
          webhooks: state.listWebhooks(),
          deliveries: state.deliveries(),
        }),
      };
    },
  },
];
