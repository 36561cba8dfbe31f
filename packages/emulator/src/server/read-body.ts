import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error.js';

/** The largest request body the emulator accepts. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads and parses a JSON request body; empty is `undefined`, too large is 413, malformed is 400. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'Request body too large', { form: 'legacy' });
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'Request body is not valid JSON', { errors: 'invalid JSON' });
  }
}
