import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { DeliveryFailure } from './types.js';

/** One outgoing delivery. */
export interface HttpSendOptions {
  readonly url: string;
  readonly method: 'POST' | 'PUT' | 'GET';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Time allowed to establish the connection. */
  readonly connectTimeoutMs: number;
  /** Time allowed for the whole exchange, from start to the last byte of the reply. */
  readonly timeoutMs: number;
  /** Replies larger than this are cut off and treated as a connection failure. */
  readonly maxResponseBytes?: number;
}

/** What came back: a full reply, or the reason there was none. */
export type HttpSendResult =
  | { readonly kind: 'reply'; readonly status: number; readonly text: string; readonly latencyMs: number }
  | { readonly kind: 'failure'; readonly error: DeliveryFailure; readonly latencyMs: number };

/**
 * Sends one request the way Fluid's delivery does, with a connect timeout and a total deadline, and never throws:
 * every outcome is a result. Uses `node:http` rather than `fetch` so a GET delivery can carry its body.
 */
export function sendHttp(options: HttpSendOptions): Promise<HttpSendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const maxBytes = options.maxResponseBytes ?? 5 * 1024 * 1024;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: HttpSendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      resolve(result);
    };
    const fail = (error: DeliveryFailure) => {
      finish({ kind: 'failure', error, latencyMs: elapsed() });
      req.destroy();
    };

    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      resolve({ kind: 'failure', error: 'connection', latencyMs: 0 });
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = Buffer.from(options.body, 'utf8');
    const req = send(url, {
      method: options.method,
      headers: { ...options.headers, 'content-length': String(body.length), 'user-agent': 'fluid-emulator' },
      agent: false,
    });
    const total = setTimeout(() => fail('timeout'), options.timeoutMs);
    const connect = setTimeout(() => fail('timeout'), options.connectTimeoutMs);
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connect);
      else socket.once('connect', () => clearTimeout(connect));
    });
    req.on('error', () => fail('connection'));
    req.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) fail('connection');
        else chunks.push(chunk);
      });
      response.on('error', () => fail('connection'));
      response.on('end', () =>
        finish({
          kind: 'reply',
          status: response.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          latencyMs: elapsed(),
        }),
      );
    });
    req.end(body);
  });
}
