import {
  AuthenticationError,
  ConnectionError,
  FluidApiError,
  FluidClient,
  FluidError,
  PaginationError,
  PermissionDeniedError,
  ResponseParseError,
  ResponseValidationError,
  TimeoutError,
} from '@fluid-droplet/sdk/client';
import type { Diagnostic } from '../diagnostics.js';
import { DEFAULT_LIMITS, type LoadLimits } from './limits.js';
import { type ReadResult, readDefinitions } from './read-definitions.js';

/** Where `--from-api` reads from when no base URL is given. */
const DEFAULT_BASE_URL = 'https://api.fluid.app';

/** The label diagnostics carry for definitions pulled from the API. */
export const API_SOURCE = 'GET /api/callback/definitions';

/** Options for {@link loadDefinitionsFromApi}. */
export interface ApiLoadOptions {
  /** A company (`C-…`) or installation (`dit_…`) token; the CLI reads it from `FLUID_API_TOKEN`. */
  readonly token: string;
  /** @default 'https://api.fluid.app' */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Total time for the pull in ms. @default 60000 */
  readonly timeout?: number;
  /** Pages read at most before giving up on a listing that never ends. @default 100 */
  readonly maxPages?: number;
  readonly limits?: Partial<LoadLimits>;
}

/** The loaded definitions and diagnostics, plus each definition exactly as the API sent it (for saving). */
export interface ApiLoadResult extends ReadResult {
  readonly pulled: unknown[];
}

/** The host a request went to, for messages: `api.fluid.app` or `127.0.0.1:4010`. */
function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

function withRequestId(message: string, requestId: string | undefined): string {
  return requestId === undefined ? message : `${message} (request id ${requestId})`;
}

/**
 * One diagnostic per failure kind, so the CLI can say what went wrong: `api-network` (the host was not
 * reached, named), `api-auth` (the token was refused), `api-response` (a reply that is not the API's
 * JSON), `api-shape` (JSON that does not match the documented shape), `api-pagination`, `api-error`.
 */
function diagnosticFor(error: FluidError, baseUrl: string): Diagnostic {
  const base = { severity: 'error' as const, file: API_SOURCE, pointer: '' };
  const host = hostOf(baseUrl);
  if (error instanceof ConnectionError) {
    const why = error.code === undefined ? error.message : error.code;
    return { ...base, code: 'api-network', message: `network failure: cannot reach ${host} (${why})` };
  }
  if (error instanceof TimeoutError) {
    return {
      ...base,
      code: 'api-network',
      message: `network failure: ${host} did not answer in time (${error.message})`,
    };
  }
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    const message = `${host} refused the token with HTTP ${error.status} (check FLUID_API_TOKEN)`;
    return { ...base, code: 'api-auth', message: withRequestId(message, error.requestId) };
  }
  if (error instanceof ResponseParseError) {
    const message = `bad response from ${host}: HTTP ${error.status} with ${error.contentType ?? 'no content type'}, not JSON`;
    return { ...base, code: 'api-response', message: withRequestId(message, error.requestId) };
  }
  if (error instanceof ResponseValidationError) {
    return {
      ...base,
      code: 'api-shape',
      pointer: error.pointer,
      message: `bad response from ${host}: ${error.message}`,
    };
  }
  if (error instanceof PaginationError) return { ...base, code: 'api-pagination', message: error.message };
  if (error instanceof FluidApiError) {
    const message = `${host} answered HTTP ${error.status}: ${error.message}`;
    return { ...base, code: 'api-error', message: withRequestId(message, error.requestId) };
  }
  return { ...base, code: 'api-error', message: error.message };
}

/**
 * Pulls every callback definition from `GET /api/callback/definitions` with the SDK's FluidClient and reads
 * them exactly as definition files are read. API failures, shape drift and looping pagination become
 * error diagnostics naming the endpoint; nothing is thrown for them.
 *
 * @example
 * const { definitions, diagnostics } = await loadDefinitionsFromApi({ token: process.env.FLUID_API_TOKEN ?? '' });
 */
export async function loadDefinitionsFromApi(options: ApiLoadOptions): Promise<ApiLoadResult> {
  const limits: LoadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const client = new FluidClient({
    token: options.token,
    maxPages: options.maxPages ?? 100,
    baseUrl,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  const pulled: unknown[] = [];
  try {
    for await (const definition of client.callbackDefinitions.list()) {
      pulled.push(definition);
      if (pulled.length > limits.maxDefinitions) {
        const message = `more than ${limits.maxDefinitions} definitions (--max-definitions)`;
        return {
          definitions: [],
          pulled,
          diagnostics: [
            { severity: 'error', code: 'too-many-definitions', message, pointer: '', file: API_SOURCE },
          ],
        };
      }
    }
  } catch (error) {
    if (!(error instanceof FluidError)) throw error;
    return { definitions: [], pulled, diagnostics: [diagnosticFor(error, baseUrl)] };
  }
  const read = readDefinitions({ definitions: pulled }, API_SOURCE, limits.maxJsonDepth);
  const diagnostics = [...read.diagnostics];
  if (read.definitions.length === 0 && !diagnostics.some((item) => item.severity === 'error')) {
    diagnostics.push({
      severity: 'error',
      code: 'no-definitions',
      message: 'the API returned no definitions',
      pointer: '',
      file: API_SOURCE,
    });
  }
  return { definitions: read.definitions, diagnostics, pulled };
}
