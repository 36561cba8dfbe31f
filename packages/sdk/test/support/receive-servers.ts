import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 with an OS-assigned port; `close` ends it and its connections. */
export interface LoopbackServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts `listener` (or an already-created server) on 127.0.0.1, port 0. */
export async function listen(listener: RequestListener | Server): Promise<LoopbackServer> {
  const server = typeof listener === 'function' ? createServer(listener) : listener;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
