// Every copy of the SDK shares these keys (Symbol.for): the CommonJS entry points (index, client, receive) each
// bundle their own copy of the classes, and an app can end up with two installs. A class's key sits on its
// prototype, so `key in error` holds for instances of the class and of its subclasses, whichever copy made them.
const KIND = Symbol.for('@fluid-droplet/sdk:error-kind');

/** Instance of `type` from this copy, or carrying its cross-copy key (when it has one) from another copy. */
function isInstance(type: object, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(type, value)) return true;
  // Only a class's own key counts: a subclass declared without a kind matches only its own copy.
  const key: unknown = Object.hasOwn(type, KIND) ? Reflect.get(type, KIND) : undefined;
  return typeof key === 'symbol' && typeof value === 'object' && value !== null && key in value;
}

/**
 * The base class of every error the SDK throws for a failed call or delivery: the client's API, connection and
 * timeout errors and the receiving side's signature errors.
 *
 * Every error class has the same guard, `Class.is(error)`, and `instanceof` gives the same answer: both also match
 * errors made by another copy of the SDK (a CommonJS and an ESM copy side by side, or two installs).
 *
 * @example
 * try { await client.webhooks.list(); } catch (error) { if (FluidError.is(error)) report(error.name, error.message); }
 */
export class FluidError extends Error {
  declare readonly name: string;

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    // The kind of the class (see defineErrorKind), as an own property so that it also shows in JSON.
    this.name = new.target.prototype.name;
  }

  /**
   * True when `value` is an instance of this class (or a subclass), from this or another copy of the SDK.
   *
   * @example
   * if (NotFoundError.is(error)) return undefined;
   */
  static is<T extends abstract new (...args: never[]) => FluidError>(
    this: T,
    value: unknown,
  ): value is InstanceType<T> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `is` was called on, maybe a subclass.
    return value instanceof this;
  }

  /** `instanceof` answers like {@link FluidError.is}, so it works across copies too. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class right of `instanceof`, maybe a subclass.
    return isInstance(this, value);
  }
}

/**
 * Gives an error class its cross-copy identity: `kind` is its stable name, which is also the `name` of its
 * instances. Called once under each class declaration; a class without it still works, but `is()` then
 * matches only its own copy.
 */
export function defineErrorKind(type: abstract new (...args: never[]) => FluidError, kind: string): void {
  const key = Symbol.for(`@fluid-droplet/sdk:${kind}`);
  Object.assign(type, { [KIND]: key });
  Object.assign(type.prototype, { [key]: true, name: kind });
}

defineErrorKind(FluidError, 'FluidError');
