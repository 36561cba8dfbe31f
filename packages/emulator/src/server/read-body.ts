import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error.js';

/** The largest request body the emulator accepts. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The deepest JSON nesting accepted in a request body; Fluid's bodies are far shallower. */
export const MAX_BODY_DEPTH = 64;

/** How long an over-limit upload may keep sending after its 413 before the connection is cut. */
const DRAIN_MS = 10_000;

/**
 * Reads and parses a JSON request body; empty is `undefined`, too large is 413, malformed or too deep is 400.
 *
 * An over-limit body is refused as soon as its size is known, but the rest of it is still read and discarded:
 * cutting the connection while the client is uploading resets it before the client reads the 413, which shows up
 * as a hang or a connection error instead of the answer.
 */
export function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const tooLarge = () => {
    drain(request);
    return new ApiError(413, 'Request body too large', { form: 'legacy' });
  };
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.off('end', onEnd);
      chunks.length = 0;
      reject(tooLarge());
    };
    const onEnd = () => {
      try {
        resolve(parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    };
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', reject);
  });
}

function drain(request: IncomingMessage): void {
  request.on('data', () => {});
  request.resume();
  const timer = setTimeout(() => request.socket.destroy(), DRAIN_MS);
  timer.unref();
  request.once('end', () => clearTimeout(timer));
  request.once('close', () => clearTimeout(timer));
}

function parse(text: string): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'Request body is not valid JSON', { errors: 'invalid JSON' });
  }
  if (exceedsDepth(value, MAX_BODY_DEPTH)) {
    throw new ApiError(400, `Request body nests deeper than ${MAX_BODY_DEPTH} levels`, {
      errors: 'too deep',
    });
  }
  return value;
}

/** Whether a JSON value nests deeper than `limit`, computed without recursion so a hostile body cannot overflow. */
function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= limit) return true;
    for (const child of Object.values(item.value)) stack.push({ value: child, depth: item.depth + 1 });
  }
  return false;
}
