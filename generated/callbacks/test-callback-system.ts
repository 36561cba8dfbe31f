// PLACEHOLDER written by hand to fix the contract; `pnpm generate` replaces it.
import * as z from 'zod';

/** Request for test_callback_system. */
export interface TestCallbackSystemRequest {
  message: string;
  [k: string]: unknown;
}

/**
 * Response for test_callback_system.
 * @example
 * { "message": "Hello, world!" }
 */
export interface TestCallbackSystemResponse {
  message: string;
  [k: string]: unknown;
}

export const testCallbackSystemRequestSchema: z.ZodType<TestCallbackSystemRequest> = z.looseObject({
  message: z.string(),
});

export const testCallbackSystemResponseSchema: z.ZodType<TestCallbackSystemResponse> = z.looseObject({
  message: z.string(),
});
