/** The outcome of reading a request body under a size limit. */
export type BodyReadResult =
  | { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly ok: false; readonly reason: 'too_large' | 'unreadable' };

/** Default body limit: 1 MB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body, stopping as soon as it grows past `maxBytes`: a declared `Content-Length` above the
 * limit is refused before reading, and a chunked or lying body is cut off while streaming, so an oversized
 * body is never buffered whole.
 */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<BodyReadResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too_large' };
  }
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (chunks.length === 1 && chunks[0] !== undefined && chunks[0].byteOffset === 0) {
    return {
      ok: true,
      bytes: new Uint8Array(chunks[0].buffer, 0, chunks[0].byteLength) as Uint8Array<ArrayBuffer>,
    };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
