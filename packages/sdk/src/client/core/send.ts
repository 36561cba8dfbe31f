import type { KyInstance } from 'ky';
import { FluidApiError } from '../errors/fluid-api-error.js';
import type { Redactor } from './redact.js';

/** One HTTP exchange as the pipeline sends it. */
export interface Outgoing {
  /** What is asked, for messages: `GET /api/...`, redacted. */
  readonly operation: string;
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  /** The body, already JSON. */
  readonly body: string | undefined;
  readonly signal: AbortSignal;
}

const MAX_REDIRECTS = 5;

/**
 * Sends a request through ky and follows redirects by hand, so that `Authorization` is dropped as soon as a
 * redirect leaves the original origin (whatever the `fetch` implementation would do).
 */
export async function send(http: KyInstance, outgoing: Outgoing, redactor: Redactor): Promise<Response> {
  let { method, url, headers, body } = outgoing;
  for (let hops = 0; ; hops += 1) {
    const response = await http(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body ?? null,
      signal: outgoing.signal,
    });
    const { status } = response;
    const location = response.headers.get('location');
    if (![301, 302, 303, 307, 308].includes(status) || location === null) return response;
    await response.body?.cancel();
    if (hops === MAX_REDIRECTS) {
      throw new FluidApiError({
        status,
        message: `${outgoing.operation}: more than ${MAX_REDIRECTS} redirects`,
        body: undefined,
        headers: redactor.headers(response.headers),
        requestId: undefined,
        attempts: 1,
      });
    }
    url = new URL(location, url);
    if (url.origin !== outgoing.url.origin) {
      const { authorization: _dropped, ...rest } = headers;
      headers = rest;
    }
    // As fetch does: 303 always becomes a GET, and so do 301 and 302 after a POST.
    if (status === 303 || (status < 303 && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}
