/** The outcome of turning a handler's value into a response body. */
export type SerializeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: string };

/**
 * Serializes a handler's return value completely or not at all: `undefined`, functions, symbols, BigInt and
 * circular structures fail instead of being silently dropped or producing half a body.
 */
export function serializeResponse(value: unknown): SerializeResult {
  if (value === undefined) return { ok: false, problem: 'the handler returned undefined' };
  try {
    const text = JSON.stringify(value, (_key, inner: unknown) => {
      const type = typeof inner;
      if (type === 'function' || type === 'symbol' || type === 'bigint')
        throw new TypeError(`a ${type} is not JSON`);
      return inner;
    });
    return { ok: true, text };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : 'not serializable' };
  }
}
