import { FluidApiError } from '../errors/fluid-api-error.js';
import type { Send } from './http.js';
import type { Redactor } from './redact.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** One HTTP exchange as the pipeline sends it. */
export interface Outgoing {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  /** The body, already JSON. */
  readonly body: string | undefined;
  readonly signal: AbortSignal;
}

/**
 * Sends a request and follows redirects by hand, so that `Authorization` is dropped as soon as a redirect
 * leaves the original origin (whatever the `fetch` implementation would do).
 */
export async function sendFollowingRedirects(
  send: Send,
  outgoing: Outgoing,
  redactor: Redactor,
): Promise<Response> {
  const origin = outgoing.url.origin;
  let { method, url, body } = outgoing;
  let headers: Record<string, string> = { ...outgoing.headers };
  for (let hops = 0; ; hops += 1) {
    const response = await send(url, { method, headers, body, signal: outgoing.signal });
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || location === null) return response;
    await response.body?.cancel();
    if (hops >= MAX_REDIRECTS) {
      throw new FluidApiError({
        status: response.status,
        message: `${outgoing.method} ${outgoing.url.pathname}: more than ${MAX_REDIRECTS} redirects`,
        body: undefined,
        headers: redactor.headers(response.headers),
        requestId: undefined,
        attempts: 1,
      });
    }
    url = new URL(location, url);
    if (url.origin !== origin) {
      const { authorization: _dropped, ...rest } = headers;
      headers = rest;
    }
    // As fetch does: 303 always becomes a GET, and so do 301/302 after a POST.
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && method === 'POST')
    ) {
      method = 'GET';
      body = undefined;
    }
  }
}
