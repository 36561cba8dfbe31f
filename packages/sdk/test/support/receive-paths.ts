import { toNodeHandler } from '@fluid-droplet/sdk/node';
import { type FetchHandler, silentLogger } from '@fluid-droplet/sdk/receive';
import { type LoopbackServer, listen } from './receive-servers.js';

/** The two ways a handler is reached: the Web `Request` path, and real HTTP through `toNodeHandler` on loopback. */
export type ReceivePath = 'web' | 'node';

export const receivePaths: readonly ReceivePath[] = ['web', 'node'];

/** Sends requests to a handler along one path; `close` stops the loopback server of the node path. */
export interface Sender {
  send(request: Request): Promise<Response>;
  close(): Promise<void>;
}

const open: Sender[] = [];

/**
 * A sender for `handler` on `path`. The node path serves the handler with `toNodeHandler` on 127.0.0.1 and
 * forwards each request over a real socket with its exact headers and bytes.
 */
export async function senderFor(path: ReceivePath, handler: FetchHandler): Promise<Sender> {
  if (path === 'web') return { send: (request) => handler(request), close: async () => undefined };
  const server: LoopbackServer = await listen(toNodeHandler(handler, { logger: silentLogger }));
  const sender: Sender = {
    send: async (request) => {
      const url = new URL(request.url);
      const body =
        request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
      return fetch(`${server.url}${url.pathname}${url.search}`, {
        method: request.method,
        headers: request.headers,
        ...(body === undefined ? {} : { body }),
      });
    },
    close: () => server.close(),
  };
  open.push(sender);
  return sender;
}

/** Closes every node-path server opened so far (call from afterEach). */
export async function closeSenders(): Promise<void> {
  await Promise.all(open.splice(0).map((sender) => sender.close()));
}
