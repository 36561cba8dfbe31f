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
  // A plain walk is much cheaper than a JSON.stringify replacer, which crosses into JavaScript for every key.
  const problem = findNonJson(value, new Set());
  if (problem !== undefined) return { ok: false, problem };
  try {
    return { ok: true, text: JSON.stringify(value) };
  } catch (error) {
    // The name only: a throwing toJSON may quote anything in its message.
    return {
      ok: false,
      problem: error instanceof Error ? `${error.name} while serializing` : 'not serializable',
    };
  }
}

function findNonJson(value: unknown, ancestors: Set<object>): string | undefined {
  const type = typeof value;
  if (type === 'function' || type === 'symbol' || type === 'bigint') return `a ${type} is not JSON`;
  if (type !== 'object' || value === null) return undefined;
  const object = value as object;
  // toJSON decides its own output (Date); JSON.stringify will call it.
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') return undefined;
  if (ancestors.has(object)) return 'a circular structure is not JSON';
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      for (const item of object) {
        const problem = findNonJson(item, ancestors);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    for (const key of Object.keys(object)) {
      const problem = findNonJson((object as Record<string, unknown>)[key], ancestors);
      if (problem !== undefined) return problem;
    }
    return undefined;
  } finally {
    ancestors.delete(object);
  }
}
