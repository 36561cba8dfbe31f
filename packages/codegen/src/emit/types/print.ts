import { propertyKey, stringLiteral } from '../escape.js';
import { type KeyTable, tupleRequired } from './to-jstt.js';

const OPENERS: Readonly<Record<string, string>> = { '{': '}', '[': ']', '(': ')' };
const CLOSERS = new Set(['}', ']', ')']);
// A member line ending in one of these continues on the next line, so it takes no `;`.
const CONTINUES = new Set(['{', '[', '(', '|', '&', ',']);
const IDENTIFIER = /[A-Za-z_$][\w$]*/y;

interface Opener {
  readonly char: string;
  /** Indentation level of the line the bracket was opened on. */
  readonly indent: number;
  /** For a tuple `[`: how many leading elements are required, and where the printer is in it. */
  tuple?: { readonly required: number; index: number; started: boolean; spread: boolean };
}

interface Line {
  readonly indent: number;
  readonly text: string;
}

/** The JSON string literal starting at `start` (a `"`), and the index just past it. */
function readJsonString(source: string, start: number): { value: string; end: number } {
  let index = start + 1;
  while (index < source.length && source[index] !== '"') index += source[index] === '\\' ? 2 : 1;
  if (index >= source.length) throw new Error('jstt output has an unterminated string literal');
  return { value: JSON.parse(source.slice(start, index + 1)) as string, end: index + 1 };
}

/**
 * Indices of the parentheses jstt adds where they change nothing: around a whole type
 * (`a?: (string | null)`, a root union: a `(` that starts the body or follows a member's `:`, whose
 * `)` ends the member's line or the body), around a single name (`...(unknown)[]`) and doubled ones.
 */
function redundantParens(source: string): Set<number> {
  const skip = new Set<number>();
  const open: Array<{ index: number; whole: boolean; previous: string }> = [];
  let previous = '';
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    if (char === '"') {
      index = readJsonString(source, index).end;
      previous = '"';
      continue;
    }
    if (source.startsWith('/*', index)) {
      const end = source.indexOf('*/', index + 2);
      index = end === -1 ? source.length : end + 2;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') {
      open.push({ index, whole: char === '(' && (previous === '' || previous === ':'), previous });
    } else if (char === ')' || char === ']' || char === '}') {
      const opener = open.pop();
      const next = source[index + 1];
      if (
        char === ')' &&
        opener !== undefined &&
        ((opener.whole && (next === undefined || next === '\n')) ||
          (opener.previous === '(' && next === ')') ||
          /^[A-Za-z_$][\w$]*$/.test(source.slice(opener.index + 1, index)))
      ) {
        skip.add(opener.index).add(index);
      }
    }
    if (!/\s/.test(char)) previous = char;
    index += 1;
  }
  return skip;
}

/**
 * Re-prints the body of one declaration jstt made with `format: false` (no indentation, no `;`):
 * 2-space indentation by bracket depth, `;` after each member, `{}` for empty braces, no parentheses
 * around a whole type, every string literal re-escaped with `stringLiteral` (U+2028, bidi and
 * invisible characters as `\u` escapes), and key placeholders replaced by the original keys through
 * `propertyKey`. Comments are copied as they are (their text was sanitized before jstt saw it).
 * Throws when the text is not one balanced type expression, so a surprise from jstt never reaches
 * the output unseen.
 */
export function printBody(source: string, keys: KeyTable): string {
  const stack: Opener[] = [];
  const lines: Line[] = [];
  let text = '';
  // Whitespace after the last token, written only when another token follows on the line. Trimming
  // `text` instead would copy the whole line per `|`: quadratic on a 24,000-member enum.
  let pending = '';
  const put = (code: string): void => {
    text += pending + code;
    pending = '';
  };
  let indent = 0;
  let lastCode = '';
  let hasCode = false;
  let commentIndent: number | undefined;

  const startLine = (): void => {
    text = '';
    pending = '';
    lastCode = '';
    hasCode = false;
    indent = commentIndent ?? (stack.length === 0 ? 0 : (stack.at(-1)?.indent ?? 0) + 1);
  };
  const endLine = (): void => {
    let line = text.trimEnd();
    if (commentIndent === undefined && hasCode && stack.at(-1)?.char === '{' && !CONTINUES.has(lastCode)) {
      line += ';';
    }
    if (line !== '') lines.push({ indent, text: line });
  };

  const skip = redundantParens(source);
  startLine();
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    if (skip.has(index)) {
      index += 1;
      continue;
    }
    if (commentIndent !== undefined) {
      if (char === '\n') {
        endLine();
        startLine();
        index += 1;
      } else if (source.startsWith('*/', index)) {
        put('*/');
        commentIndent = undefined;
        index += 2;
      } else {
        put(char);
        index += 1;
      }
      continue;
    }
    if (char === '\n') {
      // One type expression breaks lines only inside brackets; a break at the top means a second statement.
      if (stack.length === 0) throw new Error('jstt output has more than one top-level statement');
      endLine();
      startLine();
      index += 1;
      continue;
    }
    if (/\s/.test(char)) {
      if (text !== '') pending += char;
      index += 1;
      continue;
    }
    if (source.startsWith('/*', index)) {
      commentIndent = indent;
      put('/*');
      index += 2;
      continue;
    }
    if (char === '/') throw new Error('jstt output has an unexpected `/`');
    if (text === '' && CLOSERS.has(char)) indent = stack.at(-1)?.indent ?? 0;
    hasCode = true;
    const tuple = stack.at(-1)?.tuple;
    if (tuple !== undefined && (char === ',' || char === ']')) {
      // The end of a tuple element: optional unless required or the `...rest`.
      if (tuple.started && !tuple.spread && tuple.index >= tuple.required) put('?');
      tuple.index += 1;
      tuple.started = false;
      tuple.spread = false;
    } else if (tuple !== undefined && !tuple.started) {
      tuple.started = true;
      tuple.spread = source.startsWith('...', index);
    }
    if (char === '"') {
      const { value, end } = readJsonString(source, index);
      put(stringLiteral(value));
      lastCode = '"';
      index = end;
      continue;
    }
    IDENTIFIER.lastIndex = index;
    const identifier = IDENTIFIER.exec(source)?.[0];
    if (identifier !== undefined) {
      const required = tupleRequired(identifier);
      const open = stack.at(-1);
      if (required !== undefined && open?.char === '[' && open.tuple === undefined && lastCode === '[') {
        // The marker jstt printed as the tuple's first element: drop it and its `, `.
        open.tuple = { required, index: 0, started: false, spread: false };
        index += identifier.length;
        while (source[index] === ',' || source[index] === ' ') index += 1;
        continue;
      }
      const key = keys.original(identifier);
      put(key === undefined ? identifier : propertyKey(key));
      lastCode = identifier.slice(-1);
      index += identifier.length;
      continue;
    }
    if (char === '|' || char === '&') {
      // jstt spaces some unions (`a | b`) and not others (`[]|[a]`): always one space each side.
      pending = '';
      text += text === '' ? char : ` ${char}`;
      pending = ' ';
      lastCode = char;
      index += 1;
      while (source[index] === ' ') index += 1;
      continue;
    }
    if ((char === ',' || char === ':') && source[index + 1] !== ' ' && source[index + 1] !== '\n') {
      // Enum and const literals come out of JSON.stringify as `{"a":[1,2]}`.
      put(char);
      pending = ' ';
      lastCode = char;
      index += 1;
      continue;
    }
    if (char in OPENERS) stack.push({ char, indent });
    else if (CLOSERS.has(char)) {
      const open = stack.pop();
      if (open === undefined || OPENERS[open.char] !== char)
        throw new Error('jstt output has unbalanced brackets');
    }
    put(char);
    lastCode = char;
    index += 1;
  }
  if (commentIndent !== undefined) throw new Error('jstt output has an unterminated comment');
  endLine();
  if (stack.length > 0) throw new Error('jstt output has unbalanced brackets');
  return joinLines(lines);
}

function joinLines(lines: readonly Line[]): string {
  const out: string[] = [];
  for (const [position, line] of lines.entries()) {
    const previous = lines[position - 1];
    // `{` directly followed by its `}`: an empty type literal on one line.
    if (previous?.text.endsWith('{') && line.text.startsWith('}') && line.indent === previous.indent) {
      out[out.length - 1] += line.text;
      continue;
    }
    // strictIndexSignatures adds `| undefined` even to `unknown`, which already holds it.
    const text = line.text === '[k: string]: unknown | undefined;' ? '[k: string]: unknown;' : line.text;
    out.push(`${'  '.repeat(line.indent)}${text}`);
  }
  return out.join('\n');
}
