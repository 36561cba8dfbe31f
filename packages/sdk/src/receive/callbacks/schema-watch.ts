import type { FluidLogger } from '../../logger.js';
import type { CallbackSchemaStamp } from './types.js';

// A bound on what is remembered per definition: only Fluid can sign a request, but a bug on either side should not
// grow memory without end.
const MAX_STAMPS_PER_DEFINITION = 64;

/**
 * Notices when Fluid's definition changes under a running service: the first `schema_version`/`schema_hash` seen
 * per definition is remembered quietly, and each new value after it is logged once, as a warning.
 */
export class SchemaWatch {
  readonly #seen = new Map<string, Set<string>>();
  // The stamp seen last per definition: nearly every request repeats it, and this skips building a key.
  readonly #last = new Map<string, CallbackSchemaStamp>();
  readonly #logger: FluidLogger;

  constructor(logger: FluidLogger) {
    this.#logger = logger;
  }

  observe(definition: string, stamp: CallbackSchemaStamp): void {
    // A request without a stamp says nothing about the definition's version.
    if (stamp.version === null && stamp.hash === null) return;
    const last = this.#last.get(definition);
    if (last !== undefined && last.version === stamp.version && last.hash === stamp.hash) return;
    this.#last.set(definition, stamp);
    const key = `${typeof stamp.version}:${String(stamp.version)}\u0000${String(stamp.hash)}`;
    const seen = this.#seen.get(definition);
    if (seen === undefined) {
      this.#seen.set(definition, new Set([key]));
      return;
    }
    if (seen.has(key) || seen.size >= MAX_STAMPS_PER_DEFINITION) return;
    seen.add(key);
    this.#logger.warn(
      'callback definition changed while running: regenerate the definitions and check the diff',
      { callback: definition, schemaVersion: stamp.version, schemaHash: stamp.hash },
    );
  }
}

/** The stamp a request body carries; a value of another type than Fluid sends counts as absent. */
export function schemaStampOf(body: Record<string, unknown>): CallbackSchemaStamp {
  const version = body.schema_version;
  const hash = body.schema_hash;
  return {
    version: typeof version === 'string' || typeof version === 'number' ? version : null,
    hash: typeof hash === 'string' ? hash : null,
  };
}
