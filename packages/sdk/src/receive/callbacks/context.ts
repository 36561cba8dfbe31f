import type { CallbackRegistrationRecord } from '../../stores/types.js';
import { HandlerContextBase } from '../http/handler-context.js';
import type { Incoming } from '../http/incoming.js';
import type { LazyAbort } from '../http/lazy-abort.js';
import type { CallbackContext, CallbackSchemaStamp } from './types.js';

/** The context a callback handler receives. */
export class CallbackHandlerContext extends HandlerContextBase implements CallbackContext {
  readonly name: string;
  readonly registration: CallbackRegistrationRecord;
  readonly schema: CallbackSchemaStamp;
  readonly timestamp: number;
  readonly #deadlineMs: number;

  constructor(
    registration: CallbackRegistrationRecord,
    schema: CallbackSchemaStamp,
    timestamp: number,
    abort: LazyAbort,
    incoming: Incoming,
    deadlineMs: number,
  ) {
    super(abort, incoming);
    this.name = registration.definitionName;
    this.registration = registration;
    this.schema = schema;
    this.timestamp = timestamp;
    this.#deadlineMs = deadlineMs;
  }

  get installationUuid(): string {
    return this.registration.installationUuid;
  }

  get deadline(): Date {
    return new Date(this.#deadlineMs);
  }
}
