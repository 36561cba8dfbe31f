import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply of the fault-injecting server. */
export type FaultStep =
  | {
      readonly status?: number;
      readonly headers?: Readonly<Record<string, string>>;
      /** An object is sent as JSON; a string is sent verbatim. */
      readonly body?: unknown;
      /** Wait this long before sending the headers. */
      readonly delayMs?: number;
      /** Send the body one byte every `trickleMs`. */
      readonly trickleMs?: number;
    }
  /** Destroy the socket before any response (a reset after the request was received). */
  | { readonly reset: 'before-headers' }
  /** Send headers and half of `body`, then destroy the socket. */
  | { readonly reset: 'mid-body'; readonly body: string }
  /** Never answer. */
  | { readonly hang: true };

/** One request the server received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly at: number;
}

/** A real HTTP server on 127.0.0.1 that answers each route from a script of steps. */
export interface FaultServer {
  readonly url: string;
  readonly origin: string;
  readonly requests: ReceivedRequest[];
  /** Queues steps for `METHOD /path` (query ignored); once the queue is empty the last step repeats. */
  script(route: string, ...steps: FaultStep[]): void;
  /** Answers `METHOD /path` with a function of the request (for pagination by page number). */
  route(route: string, answer: (request: ReceivedRequest, url: URL) => FaultStep): void;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function encode(body: unknown): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}

async function reply(res: ServerResponse, step: FaultStep): Promise<void> {
  if ('hang' in step) return;
  if ('reset' in step) {
    if (step.reset === 'mid-body') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(step.body.length) });
      res.write(step.body.slice(0, Math.floor(step.body.length / 2)));
      await sleep(20);
    }
    res.socket?.destroy();
    return;
  }
  if (step.delayMs !== undefined) await sleep(step.delayMs);
  if (res.destroyed) return;
  const text = encode(step.body);
  const headers: Record<string, string> = {
    ...(text === '' ? {} : { 'content-type': 'application/json' }),
    ...step.headers,
  };
  res.writeHead(step.status ?? 200, headers);
  if (step.trickleMs === undefined) {
    res.end(text);
    return;
  }
  for (const char of text) {
    if (res.destroyed) return;
    res.write(char);
    await sleep(step.trickleMs);
  }
  res.end();
}

/**
 * Starts a fault-injecting server: scripted statuses, headers, delays, trickled bodies, resets, hangs,
 * redirects (a `location` header) and malformed bodies, with every request recorded.
 *
 * @example
 * const server = await startFaultServer();
 * server.script('GET /api/callback/definitions', { status: 503 }, { body: { definitions: [], meta: {} } });
 */
export async function startFaultServer(): Promise<FaultServer> {
  const scripts = new Map<string, FaultStep[]>();
  const routes = new Map<string, (request: ReceivedRequest, url: URL) => FaultStep>();
  const requests: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const received: ReceivedRequest = {
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: Date.now(),
    };
    requests.push(received);
    const key = `${received.method} ${url.pathname}`;
    const answer = routes.get(key);
    const queue = scripts.get(key);
    const step: FaultStep =
      answer !== undefined
        ? answer(received, url)
        : queue !== undefined && queue.length > 0
          ? ((queue.length > 1 ? queue.shift() : queue[0]) ?? { status: 500 })
          : { status: 599, body: { message: `no script for ${key}` } };
    await reply(res, step);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    origin,
    requests,
    script: (route, ...steps) => scripts.set(route, [...steps]),
    route: (route, answer) => routes.set(route, answer),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A port on 127.0.0.1 with nothing listening (bound, then released), for connection-refused cases. */
export async function closedPort(): Promise<string> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}`;
}
