const cache = new Map<string, RegExp | null>();

/** Compiles a JSON Schema `pattern` with the `u` flag as ajv does; null when the source is not a valid regex. */
export function compilePattern(source: string): RegExp | null {
  let regex = cache.get(source);
  if (regex === undefined) {
    try {
      regex = new RegExp(source, 'u');
    } catch {
      regex = null;
    }
    cache.set(source, regex);
  }
  return regex;
}

/** True when the text matches the pattern; an uncompilable pattern accepts everything. */
export function matchesPattern(source: string, text: string): boolean {
  const regex = compilePattern(source);
  return regex === null || regex.test(text);
}
