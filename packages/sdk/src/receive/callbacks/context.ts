import { HandlerContextBase } from '../http/handler-context.js';
import type { Incoming } from '../http/incoming.js';
import type { LazyAbort } from '../http/lazy-abort.js';
import type { CallbackContext } from './types.js';

/** The context a callback handler receives. */
export class HandlerContext extends HandlerContextBase implements CallbackContext {
  readonly name: string;
  readonly timestamp: number;
  readonly #deadlineMs: number;

  constructor(name: string, timestamp: number, abort: LazyAbort, incoming: Incoming, deadlineMs: number) {
    super(abort, incoming);
    this.name = name;
    this.timestamp = timestamp;
    this.#deadlineMs = deadlineMs;
  }

  get deadline(): Date {
    return new Date(this.#deadlineMs);
  }
}
