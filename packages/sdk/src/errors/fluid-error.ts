// Every copy of the SDK shares these keys (Symbol.for): the CommonJS entry points (index, client, receive) each
// bundle their own copy of the classes, and an app can end up with two installs. A class's key sits on its
// prototype, so `key in error` holds for instances of the class and of its subclasses, whichever copy made them.
const KIND = Symbol.for('@fluid-droplet/sdk:error-kind');

function kindKey(kind: string): symbol {
  return Symbol.for(`@fluid-droplet/sdk:${kind}`);
}

/** The cross-copy key of a class, when it has one of its own (see {@link defineErrorKind}). */
function ownKind(type: object): symbol | undefined {
  return Object.hasOwn(type, KIND) ? (Reflect.get(type, KIND) as symbol) : undefined;
}

/** Instance of `type` from this copy, or carrying its cross-copy key (when it has one) from another copy. */
function isInstance(type: object, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(type, value)) return true;
  const key = ownKind(type);
  // A subclass declared without a kind matches only its own copy.
  return key !== undefined && typeof value === 'object' && value !== null && key in value;
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
  override readonly name: string = 'FluidError';

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
    return isInstance(this, value);
  }

  /** `instanceof` answers like {@link FluidError.is}, so it works across copies too. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class right of `instanceof`, maybe a subclass.
    return isInstance(this, value);
  }
}

/**
 * Gives an error class its cross-copy identity: `kind` is its stable name (the `name` of its instances). Called
 * once under each class declaration; a class without it still works, but `is()` then matches only its own copy.
 */
export function defineErrorKind(type: abstract new (...args: never[]) => FluidError, kind: string): void {
  const key = kindKey(kind);
  Object.defineProperty(type, KIND, { value: key });
  Object.defineProperty(type.prototype, key, { value: true });
}

defineErrorKind(FluidError, 'FluidError');
