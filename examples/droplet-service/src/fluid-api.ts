import type { DropletInstallationExchangeResponse } from '@fluid-droplet/sdk/receive';

/** A created (or found) callback registration: the `cvt_` token is what Fluid will sign callbacks with. */
export interface Registration {
  readonly uuid: string;
  readonly definitionName: string;
  readonly url: string;
  readonly verificationToken: string;
}

/** The few Fluid API calls the service makes. */
export interface FluidApi {
  exchange(exchangeToken: string): Promise<DropletInstallationExchangeResponse>;
  registerCallback(
    token: string,
    input: { definitionName: string; url: string; timeoutInSeconds: number },
  ): Promise<Registration>;
}

/** Thrown when Fluid answers an API call with an unexpected status. Never carries the token. */
export class FluidApiError extends Error {
  override readonly name = 'FluidApiError';
  constructor(
    readonly status: number,
    readonly operation: string,
  ) {
    super(`${operation} failed with HTTP ${status}`);
  }
}

interface RegistrationBody {
  readonly uuid: string;
  readonly definition_name: string;
  readonly url: string;
  readonly verification_token: string | null;
}

/**
 * A fetch-based stand-in for the SDK's FluidClient (packages/sdk/src/client, in progress): swap these two calls
 * for `client.dropletInstallations.exchange` and `client.callbackRegistrations.create` once it lands.
 */
export function createFluidApi(options: { baseUrl: string; fetch?: typeof fetch }): FluidApi {
  const send = options.fetch ?? fetch;
  const url = (path: string) => new URL(path, options.baseUrl).toString();
  const json = async <T>(response: Response, operation: string): Promise<T> => {
    if (!response.ok) throw new FluidApiError(response.status, operation);
    return (await response.json()) as T;
  };
  const headers = (token?: string): Record<string, string> => ({
    'content-type': 'application/json',
    accept: 'application/json',
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
  });
  const toRegistration = (body: RegistrationBody): Registration => {
    if (body.verification_token === null)
      throw new FluidApiError(200, 'callback registration without a verification token');
    return {
      uuid: body.uuid,
      definitionName: body.definition_name,
      url: body.url,
      verificationToken: body.verification_token,
    };
  };
  return {
    async exchange(exchangeToken) {
      const response = await send(url('/api/droplet_installations/exchange'), {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({ exchange_token: exchangeToken }),
      });
      return json<DropletInstallationExchangeResponse>(response, 'droplet installation exchange');
    },
    async registerCallback(token, input) {
      const response = await send(url('/api/callback/registrations'), {
        method: 'POST',
        headers: headers(token),
        body: JSON.stringify({
          callback_registration: {
            definition_name: input.definitionName,
            url: input.url,
            active: true,
            timeout_in_seconds: input.timeoutInSeconds,
          },
        }),
      });
      if (response.status === 409) {
        // Reinstall: a registration for this definition exists already; reuse ours (same URL) rather than duplicate.
        const query = new URLSearchParams({ definition_name: input.definitionName, per_page: '100' });
        const listed = await json<{ callback_registrations: RegistrationBody[] }>(
          await send(url(`/api/callback/registrations?${query}`), { headers: headers(token) }),
          'list callback registrations',
        );
        const ours = listed.callback_registrations.find((registration) => registration.url === input.url);
        if (ours === undefined) throw new FluidApiError(409, 'callback registration (held by another owner)');
        return toRegistration(ours);
      }
      const created = await json<{ callback_registration: RegistrationBody }>(
        response,
        'callback registration',
      );
      return toRegistration(created.callback_registration);
    },
  };
}
