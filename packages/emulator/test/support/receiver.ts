import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/** A request the receiver got, with its exact raw body. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
}

/** How the receiver answers: a status and JSON body, or a custom behaviour (hang, reset, raw text). */
export type Reply =
  | { status: number; json?: unknown; text?: string; delayMs?: number }
  | ((response: ServerResponse, request: Received) => void);

/** A real HTTP server on 127.0.0.1 that records every request and answers with `reply`. */
export interface Receiver {
  readonly url: string;
  readonly requests: Received[];
  reply: Reply;
}

const open: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

/** Starts a {@link Receiver}; it is closed after the test. */
export async function startReceiver(reply: Reply = { status: 200, json: {} }): Promise<Receiver> {
  const receiver: Receiver = { url: '', requests: [], reply };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received: Received = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
      };
      receiver.requests.push(received);
      const current = receiver.reply;
      if (typeof current === 'function') {
        current(response, received);
        return;
      }
      const send = () => {
        if (response.destroyed) return;
        const body = current.text ?? (current.json === undefined ? '' : JSON.stringify(current.json));
        response.writeHead(current.status, { 'content-type': 'application/json' });
        response.end(body);
      };
      if (current.delayMs === undefined) send();
      else setTimeout(send, current.delayMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(receiver, { url: `http://127.0.0.1:${port}` });
  open.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return receiver;
}

/** A URL on which nothing listens: a port freed right after binding it. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}
