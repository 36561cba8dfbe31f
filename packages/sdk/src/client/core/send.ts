import type { KyInstance } from 'ky';

/** One HTTP exchange as the pipeline sends it. */
export interface Outgoing {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  /** The body, already JSON. */
  readonly body: string | undefined;
  readonly signal: AbortSignal;
}

const MAX_REDIRECTS = 5;

/**
 * Sends a request through ky and follows up to 5 redirects by hand, so that `Authorization` is dropped as
 * soon as a redirect leaves the original origin (whatever the `fetch` implementation would do). The response
 * after the last hop is returned as it is: a sixth redirect fails like any other unexpected status.
 */
export async function send(http: KyInstance, outgoing: Outgoing): Promise<Response> {
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
    if (![301, 302, 303, 307, 308].includes(status) || location === null || hops === MAX_REDIRECTS) {
      return response;
    }
    await response.body?.cancel();
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
