/** Header names Fluid uses on signed deliveries, lowercase as HTTP/2 and `Headers` present them. */
export const FluidHeader = {
  signature: 'x-fluid-signature',
  timestamp: 'x-fluid-timestamp',
  shop: 'x-fluid-shop',
  callbackToken: 'x-fluid-callback-token',
  token: 'x-fluid-token',
  legacyAuthToken: 'auth_token',
} as const;
