// Symbol.for gives every copy of the SDK the same key: the CommonJS entry points (index, client, receive) each
// bundle their own copy of this class, and an app can end up with two installs.
const BRAND = Symbol.for('@fluid-droplet/sdk:FluidError');

/**
 * The base class of every error the SDK throws for a failed call or delivery: the client's API, connection and
 * timeout errors and the receiving side's signature errors; `instanceof FluidError` catches them all.
 *
 * @example
 * try { await client.webhooks.list(); } catch (error) { if (error instanceof FluidError) report(error.name, error.message); }
 */
export class FluidError extends Error {
  override readonly name: string = 'FluidError';

  /** `instanceof FluidError` also matches errors from another copy of the SDK; subclasses check the usual way. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof, maybe a subclass
    if (this !== FluidError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && BRAND in value;
  }
}

Object.defineProperty(FluidError.prototype, BRAND, { value: true });
