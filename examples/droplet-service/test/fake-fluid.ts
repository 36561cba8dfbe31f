import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in recorded about one API call. */
export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

/**
 * A small loopback stand-in for Fluid's API: the exchange endpoint (one-time tokens, 410 on reuse) and callback
 * registrations (201, 409 on a duplicate definition, list by definition_name). The emulator replaces it in e2e.
 */
export async function startFakeFluid(options: {
  exchangeTokens: Record<string, { dit: string; wvt: string; shop: string }>;
}) {
  const calls: RecordedCall[] = [];
  const used = new Set<string>();
  const registrations: {
    uuid: string;
    definition_name: string;
    url: string;
    verification_token: string;
    owner: string;
  }[] = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fluid');
    const body = request.method === 'POST' ? JSON.parse((await text(request)) || 'null') : null;
    const authorization = request.headers.authorization;
    calls.push({ method: request.method ?? '', path: url.pathname, authorization, body });
    const reply = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    if (request.method === 'POST' && url.pathname === '/api/droplet_installations/exchange') {
      const token: string = body?.exchange_token;
      const grant = options.exchangeTokens[token];
      if (grant === undefined) return reply(404, { message: 'not found', status: 404 });
      if (used.has(token)) return reply(410, { message: 'gone', status: 410 });
      used.add(token);
      return reply(200, {
        droplet_installation: {
          droplet_installation_uuid: 'dri_1',
          droplet_uuid: 'drp_1',
          fluid_company_id: 42,
          fluid_shop: grant.shop,
        },
        credentials: {
          authentication_token: grant.dit,
          webhook_verification_token: grant.wvt,
          token_type: 'bearer',
        },
      });
    }
    const owner = authorization?.replace(/^Bearer /, '');
    const grants = Object.values(options.exchangeTokens).map((grant) => grant.dit);
    if (url.pathname === '/api/callback/registrations') {
      if (owner === undefined || !grants.includes(owner)) return reply(401, { error: 'unauthorized' });
      if (request.method === 'GET') {
        const name = url.searchParams.get('definition_name');
        return reply(200, {
          callback_registrations: registrations.filter(
            (r) => r.owner === owner && (name === null || r.definition_name === name),
          ),
          meta: {},
        });
      }
      const input = body?.callback_registration;
      if (registrations.some((r) => r.owner === owner && r.definition_name === input.definition_name)) {
        return reply(409, { message: 'already registered', status: 409 });
      }
      const index = registrations.length + 1;
      const created = {
        uuid: `cbr_${index}`,
        definition_name: input.definition_name,
        url: input.url,
        verification_token: `cvt_${index}_${Math.random().toString(36).slice(2)}`,
        owner,
      };
      registrations.push(created);
      return reply(201, { callback_registration: created, meta: {} });
    }
    reply(404, { message: 'not found', status: 404 });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    registrations,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

async function text(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
