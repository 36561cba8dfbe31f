/** The outcome of reading a request body under a size limit and a time limit. */
export type BodyReadResult =
  | { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly ok: false; readonly reason: 'too_large' | 'unreadable' | 'timeout' };

/** Default body limit: 1 MB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Default time a body may take to arrive: 10 s (Node's own limit is 300 s). */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

const TIMED_OUT = Symbol('timed out');

/**
 * Reads a request body, stopping as soon as it grows past `maxBytes` or takes longer than `timeoutMs`: a declared
 * `Content-Length` above the limit is refused before reading, and a chunked or lying body is cut off while
 * streaming, so an oversized body is never buffered whole and a stalled one never holds the request open.
 */
export async function readBodyWithLimit(
  request: Request,
  maxBytes: number,
  timeoutMs?: number,
): Promise<BodyReadResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too_large' };
  }
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut =
    timeoutMs === undefined
      ? undefined
      : new Promise<typeof TIMED_OUT>((resolve) => {
          timer = setTimeout(resolve, timeoutMs, TIMED_OUT);
        });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const next =
        timedOut === undefined ? await reader.read() : await Promise.race([reader.read(), timedOut]);
      if (next === TIMED_OUT) {
        reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'timeout' };
      }
      if (next.done) break;
      total += next.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(next.value);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, bytes: joinChunks(chunks, total) };
}

function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const first = chunks[0];
  if (chunks.length === 1 && first !== undefined && first.byteOffset === 0) {
    return new Uint8Array(first.buffer, 0, first.byteLength) as Uint8Array<ArrayBuffer>;
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
