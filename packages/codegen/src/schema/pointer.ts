/** One step of a JSON pointer: the child of `value` named by `token`, or `undefined` when there is none. */
export function childOf(value: unknown, token: string): unknown {
  if (Array.isArray(value)) {
    if (!/^(?:0|[1-9][0-9]*)$/.test(token)) return undefined;
    return value[Number(token)];
  }
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, token)) return undefined;
  return (value as Record<string, unknown>)[token];
}

/** The value at `tokens` inside `root`, or `undefined`. */
export function childAt(root: unknown, tokens: readonly string[]): unknown {
  let current = root;
  for (const token of tokens) {
    current = childOf(current, token);
    if (current === undefined) return undefined;
  }
  return current;
}
