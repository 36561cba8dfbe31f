/**
 * The base class of every error the Fluid client throws; `instanceof FluidError` catches them all.
 *
 * @example
 * try { await client.webhooks.list(); } catch (error) { if (error instanceof FluidError) report(error.message); }
 */
export class FluidError extends Error {
  override readonly name: string = 'FluidError';
}
