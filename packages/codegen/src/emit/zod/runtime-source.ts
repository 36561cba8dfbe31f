import { RUNTIME_SOURCE } from './runtime/runtime.gen.js';

/**
 * The source of the shared `_runtime.ts` module (without banner) that generated validators import from:
 * the text of `runtime/runtime.ts`, which the repository type-checks and lints like any other source.
 */
export function emitZodRuntime(): string {
  return RUNTIME_SOURCE;
}
