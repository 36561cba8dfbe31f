import { FluidClient, type Webhook, type WebhookCreateParams } from '@fluid-droplet/sdk';
import { describe, expectTypeOf, it } from 'vitest';

const client = new FluidClient({ token: 'C-x' });

describe('webhooks.create input', () => {
  it('leaves active optional: Fluid defaults it to true', () => {
    const created = client.webhooks.create({ url: 'https://x.example', resource: 'order', event: 'created' });
    expectTypeOf(created).resolves.toEqualTypeOf<Webhook>();
    expectTypeOf<{ url: string; resource: string; event: string }>().toExtend<WebhookCreateParams>();
    expectTypeOf<WebhookCreateParams['active']>().toEqualTypeOf<boolean | undefined>();
  });

  it('still requires url, resource and event, and active stays a boolean', () => {
    // @ts-expect-error resource and event are required
    client.webhooks.create({ url: 'https://x.example' });
    // @ts-expect-error active is a boolean, not a string
    client.webhooks.create({ url: 'https://x.example', resource: 'order', event: 'created', active: 'yes' });
  });
});
