/** How bad a finding is: errors fail the run; warnings are printed and fail it only under `--strict`. */
export type Severity = 'error' | 'warning';

/**
 * One finding about the inputs, located precisely: the file it came from, the definition's name and
 * the RFC 6901 JSON pointer inside that definition (e.g. `/response_schema/properties/total/type`).
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `unsupported-keyword`, `remote-ref`, `invalid-json`. */
  readonly code: string;
  readonly message: string;
  /** JSON pointer within the definition; `''` for the whole document. */
  readonly pointer: string;
  readonly file?: string;
  readonly definition?: string;
}

/**
 * Codes `--strict` never fails on: annotations (unknown keywords, `contentMediaType`, …) change no verdict,
 * so refusing them would only punish schemas for carrying documentation.
 */
const NOT_STRICT: ReadonlySet<string> = new Set(['annotation-keyword']);

/** True when `--strict` turns this diagnostic into a failure: every error, and warnings but annotations. */
export function failsUnderStrict(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' || !NOT_STRICT.has(diagnostic.code);
}

/** Appends one reference token to a JSON pointer, escaping `~` and `/` as RFC 6901 requires. */
export function childPointer(pointer: string, token: string | number): string {
  const text = String(token);
  // Most tokens need no escape; the emitters make a pointer for every node, so the common case stays cheap.
  if (!text.includes('~') && !text.includes('/')) return `${pointer}/${text}`;
  return `${pointer}/${text.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** Formats a diagnostic as one line: `file: definition: /pointer: error[code]: message`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = [diagnostic.file, diagnostic.definition, diagnostic.pointer === '' ? '/' : diagnostic.pointer]
    .filter((part): part is string => part !== undefined)
    .join(': ');
  return `${where}: ${diagnostic.severity}[${diagnostic.code}]: ${diagnostic.message}`;
}
