import { ApiError } from '../server/api-error.js';
import type { Route } from '../server/router.js';

const TEST_DEFINITION = 'test_callback_system';

/**
 * `POST /api/callback/test`: forwards the body to the company's `test_callback_system` registration, waits up to
 * its timeout, validates the reply against the definition's `response_schema`, and returns the reply with the
 * validation report. Fluid documents this endpoint only in prose, so the report fields are the emulator's own.
 */
export const callbackTestRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/api/callback/test',
    async handle({ state, trigger, body }) {
      if (!state.definitions.has(TEST_DEFINITION)) {
        throw new ApiError(422, `The ${TEST_DEFINITION} callback definition is not loaded`, {
          errors: { definition_name: ['is not a known callback definition'] },
        });
      }
      if (state.activeRegistration(TEST_DEFINITION) === undefined) {
        throw new ApiError(404, `No active ${TEST_DEFINITION} callback registration`, {
          errors: { definition_name: ['has no active registration'] },
        });
      }
      const report = await trigger.callback(TEST_DEFINITION, body ?? { message: 'Hello World' });
      return {
        status: 200,
        json: {
          callback_test: {
            definition_name: TEST_DEFINITION,
            url: report.url,
            status: report.status,
            ok: report.ok,
            latency_ms: report.latencyMs,
            issues: report.issues,
            response: report.body ?? null,
            ...(report.error === undefined ? {} : { error: report.error }),
          },
        },
      };
    },
  },
];
