import type { CallbackReport } from '../delivery/types.js';
import { ApiError } from '../server/api-error.js';
import type { Route } from '../server/router.js';
import { isRecord } from './input.js';

const TEST_DEFINITION = 'test_callback_system';

/**
 * `POST /api/callback/test`: forwards the body to the company's `test_callback_system` registration, waits up to its
 * timeout and validates the reply against the definition's `response_schema`. A valid reply comes back as the body
 * (Fluid "returns the callback's response"); a failed call is a 422 whose `errors` map JSON pointers of the reply to
 * messages, or `callback` to the failure. Fluid documents this endpoint only in prose, so the failure shape is ours.
 */
export const callbackTestRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/api/callback/test',
    async handle({ state, trigger, body, caller }) {
      // The caller's own company: an installation token of another shop reaches that shop's registration.
      const company =
        caller.kind === 'installation' ? state.companyById(caller.installation.company_id) : state.company;
      if (!state.definitions.has(TEST_DEFINITION)) {
        throw new ApiError(422, `The ${TEST_DEFINITION} callback definition is not loaded`, {
          errors: { definition_name: ['is not a known callback definition'] },
        });
      }
      if (state.activeRegistration(TEST_DEFINITION, undefined, company) === undefined) {
        throw new ApiError(404, `No active ${TEST_DEFINITION} callback registration`, {
          errors: { definition_name: ['has no active registration'] },
        });
      }
      const report = await trigger.callback(TEST_DEFINITION, body ?? { message: 'Hello World' }, {
        shop: company.fluid_shop,
      });
      if (!report.ok) throw failure(report);
      const reply = report.body;
      return { status: 200, json: isRecord(reply) ? reply : { response: reply } };
    },
  },
];

function failure(report: CallbackReport): ApiError {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string): void => {
    const list = errors[key] ?? [];
    list.push(message);
    errors[key] = list;
  };
  for (const issue of report.issues) add(issue.pointer || '/', issue.message);
  if (report.error !== undefined) add('callback', report.error);
  if (report.status !== null && (report.status < 200 || report.status >= 300)) {
    add('callback', `replied HTTP ${report.status}`);
  }
  return new ApiError(422, `The ${TEST_DEFINITION} callback failed`, { errors });
}
