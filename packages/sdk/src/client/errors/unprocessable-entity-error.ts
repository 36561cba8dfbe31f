import { defineErrorKind } from '../../errors/fluid-error.js';
import { FluidApiError, type FluidApiErrorInit } from './fluid-api-error.js';

/** HTTP 422: Fluid rejected the body; `fieldErrors` holds its `errors` verbatim. */
export class UnprocessableEntityError extends FluidApiError {
  override readonly name: string = 'UnprocessableEntityError';
  /** The body's `errors` (field name to messages, a list, or one message), as Fluid sent it. */
  readonly fieldErrors: unknown;

  constructor(init: FluidApiErrorInit) {
    super(init);
    const body = init.body;
    this.fieldErrors =
      typeof body === 'object' && body !== null && 'errors' in body ? body.errors : undefined;
  }
}

defineErrorKind(UnprocessableEntityError, 'UnprocessableEntityError');
