/** A finished answer, independent of the runtime: the Web handler wraps it in a `Response`, Node writes it directly. */
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array<ArrayBuffer>;
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
} as const;

/** A JSON reply with no caching. */
export function jsonReply(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return {
    status,
    headers: headers === undefined ? JSON_HEADERS : { ...JSON_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}

/** A reply whose JSON text is already serialized. */
export function jsonTextReply(status: number, text: string): Reply {
  return { status, headers: JSON_HEADERS, body: text };
}

/** A `Response` (from a failure policy) as a reply; its body is read whole. */
export async function fromWebResponse(response: Response): Promise<Reply> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
}

/** The reply as a Web `Response`. */
export function toWebResponse(reply: Reply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
