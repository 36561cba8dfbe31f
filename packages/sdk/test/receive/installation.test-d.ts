import { FluidClient } from '@fluid-droplet/sdk/client';
import { type InstallationExchange, resolveInstallationCredentials } from '@fluid-droplet/sdk/receive';
import { describe, expectTypeOf, it } from 'vitest';

describe('the installation exchange', () => {
  it('takes the client method as it is (a FluidPromise is promise-like)', () => {
    const client = new FluidClient({ baseUrl: 'http://127.0.0.1:1' });
    const exchange = (token: string) => client.dropletInstallations.exchange(token);
    expectTypeOf(exchange).toExtend<InstallationExchange>();
    expectTypeOf(resolveInstallationCredentials).parameter(1).toEqualTypeOf<{
      readonly exchange: InstallationExchange;
    }>();
  });

  it('refuses an exchange that resolves to something else', () => {
    // @ts-expect-error the credentials block is missing
    const wrong: InstallationExchange = async () => ({ droplet_installation: {} });
    expectTypeOf(wrong).toBeFunction();
  });
});
