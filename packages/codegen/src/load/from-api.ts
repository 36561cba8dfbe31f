import {
  AuthenticationError,
  FluidClient,
  FluidError,
  PaginationError,
  PermissionDeniedError,
  ResponseValidationError,
} from '@fluid-droplet/sdk/client';
import type { Diagnostic } from '../diagnostics.js';
import { DEFAULT_LIMITS, type LoadLimits } from './limits.js';
import { type ReadResult, readDefinitions } from './read-definitions.js';

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

function diagnosticFor(error: FluidError): Diagnostic {
  const base = { severity: 'error' as const, file: API_SOURCE, message: error.message };
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return { ...base, code: 'api-auth', pointer: '', message: `${error.message} (check FLUID_API_TOKEN)` };
  }
  if (error instanceof PaginationError) return { ...base, code: 'api-pagination', pointer: '' };
  if (error instanceof ResponseValidationError) return { ...base, code: 'api-shape', pointer: error.pointer };
  return { ...base, code: 'api-error', pointer: '' };
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
  const client = new FluidClient({
    token: options.token,
    maxPages: options.maxPages ?? 100,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
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
    return { definitions: [], pulled, diagnostics: [diagnosticFor(error)] };
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
