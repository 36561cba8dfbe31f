import type { Diagnostic } from '../diagnostics.js';
import { findJsonSyntaxProblem } from './json-syntax.js';

/** The result of decoding and parsing one input file: a JSON value, or the diagnostics that stopped it. */
export type ParsedText =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function error(file: string, code: string, message: string): ParsedText {
  return { ok: false, diagnostics: [{ severity: 'error', code, message, pointer: '', file }] };
}

/**
 * Decodes UTF-8 bytes and parses them as JSON. A leading BOM is tolerated; empty, binary or non-UTF-8
 * files and syntax errors are reported with `file:line:col` where there is a position.
 *
 * @example
 * parseJsonFile('a.json', new TextEncoder().encode('{"name": "x",}')); // error at a.json:1:14
 */
export function parseJsonFile(file: string, bytes: Uint8Array): ParsedText {
  if (bytes.length === 0) return error(file, 'empty-file', 'file is empty: expected a callback definition');
  if (bytes.includes(0)) return error(file, 'binary-file', 'file contains NUL bytes: it is binary, not JSON');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return error(file, 'invalid-utf8', 'file is not valid UTF-8 text');
  }
  // A UTF-8 byte order mark is legal at the start of a text file; JSON.parse would reject it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '')
    return error(file, 'empty-file', 'file holds only whitespace: expected a callback definition');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const problem = findJsonSyntaxProblem(text);
    const where = problem === undefined ? file : `${file}:${problem.line}:${problem.column}`;
    const detail = problem === undefined ? 'invalid JSON' : problem.message;
    return error(where, 'invalid-json', `not valid JSON: ${detail}`);
  }
}
