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
  const problem = findNonJson(value, []);
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

// Ancestors are kept on a plain array: nesting is shallow, and push/pop/includes cost less than a Set per call.
function findNonJson(value: unknown, ancestors: object[]): string | undefined {
  const type = typeof value;
  if (type === 'function' || type === 'symbol' || type === 'bigint') return `a ${type} is not JSON`;
  if (type !== 'object' || value === null) return undefined;
  const object = value as object;
  // toJSON decides its own output (Date); JSON.stringify will call it.
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') return undefined;
  if (ancestors.includes(object)) return 'a circular structure is not JSON';
  ancestors.push(object);
  let problem: string | undefined;
  if (Array.isArray(object)) {
    for (let index = 0; index < object.length && problem === undefined; index += 1)
      problem = findNonJson(object[index], ancestors);
  } else {
    const record = object as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      problem = findNonJson(record[key], ancestors);
      if (problem !== undefined) break;
    }
  }
  ancestors.pop();
  return problem;
}
