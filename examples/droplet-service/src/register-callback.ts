import {
  type CallbackRegistrationCreateParams,
  ConflictError,
  type CreatedCallbackRegistration,
  type FluidClient,
} from '@fluid-droplet/sdk/client';

/**
 * Registers a callback URL and returns the registration with its `cvt_` token. On a reinstall Fluid already holds
 * our registration (409) and its token cannot be read back reliably, so ours (same URL) is deleted and created anew.
 *
 * @example
 * const { verification_token } = await registerCallback(client, { definition_name: 'update_cart_shipping', url })
 */
export async function registerCallback(
  client: FluidClient,
  params: CallbackRegistrationCreateParams,
): Promise<CreatedCallbackRegistration> {
  try {
    return await client.callbackRegistrations.create(params);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
  // Listing is company-wide and another droplet may serve the same definition: only ours (same URL) goes.
  for await (const existing of client.callbackRegistrations.list({
    definition_name: params.definition_name,
  })) {
    if (existing.url === params.url) {
      await client.callbackRegistrations.delete(existing.uuid, { ignoreNotFound: true });
    }
  }
  return client.callbackRegistrations.create(params);
}
