import { defineErrorKind, FluidError } from '../../errors/fluid-error.js';

/** A response body that should be JSON was not: truncated, an HTML error page, or empty. */
export class ResponseParseError extends FluidError {
  declare readonly status: number;
  declare readonly contentType: string | null;
  /** The first 200 characters of the body. */
  declare readonly bodySnippet: string;
  declare readonly requestId: string | undefined;

  constructor(init: {
    readonly status: number;
    readonly contentType: string | null;
    readonly bodySnippet: string;
    readonly requestId: string | undefined;
    readonly cause?: unknown;
  }) {
    const what = init.bodySnippet === '' ? 'empty' : 'not JSON';
    super(`HTTP ${init.status} body is ${what} (content-type: ${init.contentType ?? 'none'})`, {
      cause: init.cause,
    });
    this.status = init.status;
    this.contentType = init.contentType;
    this.bodySnippet = init.bodySnippet;
    this.requestId = init.requestId;
  }
}

defineErrorKind(ResponseParseError, 'ResponseParseError');
