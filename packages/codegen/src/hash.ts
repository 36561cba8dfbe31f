import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal values always serialize the same way. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

// Appends to one list instead of joining a string per level: hashing a thousand definitions per run
// (to find the changed ones) stays cheap.
function write(value: unknown, parts: string[]): void {
  if (Array.isArray(value)) {
    parts.push('[');
    value.forEach((item, index) => {
      if (index > 0) parts.push(',');
      write(item, parts);
    });
    parts.push(']');
    return;
  }
  if (typeof value === 'object' && value !== null) {
    parts.push('{');
    Object.keys(value)
      .sort()
      .forEach((key, index) => {
        parts.push(index > 0 ? ',' : '', JSON.stringify(key), ':');
        write((value as Record<string, unknown>)[key], parts);
      });
    parts.push('}');
    return;
  }
  parts.push(JSON.stringify(value) ?? 'null');
}

/** Hex SHA-256 of a string (as UTF-8) or of bytes. */
export function sha256(data: string | Uint8Array): string {
  return typeof data === 'string'
    ? createHash('sha256').update(data, 'utf8').digest('hex')
    : createHash('sha256').update(data).digest('hex');
}
