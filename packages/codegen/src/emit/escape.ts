/**
 * Escaping for every place a schema-supplied string can land in generated TypeScript.
 * Nothing from a schema reaches the output except through one of these functions.
 */

// Characters that end a line comment or reorder how source is displayed (Trojan Source).
const LINE_TERMINATORS = /[\u2028\u2029]/g;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Other invisible or confusable format characters that must stay visible in source.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this pattern is for.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/g;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function unicodeEscape(char: string): string {
  return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/**
 * A string literal that evaluates to exactly `value`: JSON-escaped, plus U+2028/2029, bidi controls
 * and invisible characters written as `\u` escapes so the source reads as what it means.
 */
export function stringLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(LINE_TERMINATORS, unicodeEscape)
    .replace(BIDI_CONTROLS, unicodeEscape)
    .replace(INVISIBLE, unicodeEscape);
}

/**
 * Source text for a JSON value (object, array or primitive) as a literal expression. Keys go through
 * {@link propertyKey}, so `__proto__` stays an own property.
 */
export function jsonLiteral(value: unknown, indent = ''): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (typeof value === 'string') return stringLiteral(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${jsonLiteral(item, inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, item]) => `${inner}${propertyKey(key)}: ${jsonLiteral(item, inner)},`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  throw new TypeError(`not a JSON value: ${typeof value}`);
}

/**
 * A property key for an object literal or type literal: a bare identifier when it is one, a quoted
 * string otherwise, and `["__proto__"]` (computed, so it defines an own property, not the prototype).
 */
export function propertyKey(key: string): string {
  if (key === '__proto__') return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/**
 * Text safe inside a `/** ... *\/` block comment: `*\/` cannot close it, line terminators and bidi
 * controls are shown as `\u` escapes, and `\r\n` becomes `\n`. Returns the lines, without the ` * `.
 */
export function commentLines(text: string): string[] {
  const safe = text
    .replace(/\r\n?/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(LINE_TERMINATORS, unicodeEscape)
    .replace(BIDI_CONTROLS, unicodeEscape)
    .replace(INVISIBLE, unicodeEscape);
  return safe.split('\n').map((line) => line.trimEnd());
}

/** A JSDoc block (with the given indentation) for `text`, or '' when there is nothing to say. */
export function jsDoc(text: string | undefined, indent = ''): string {
  if (text === undefined || text.trim() === '') return '';
  const lines = commentLines(text.trim());
  return `${indent}/**\n${lines.map((line) => `${indent} *${line === '' ? '' : ` ${line}`}`).join('\n')}\n${indent} */\n`;
}

/** A RegExp literal source is never emitted: patterns become `new RegExp(<stringLiteral>, 'u')`. */
export function regExpExpression(pattern: string): string {
  return `new RegExp(${stringLiteral(pattern)}, 'u')`;
}
