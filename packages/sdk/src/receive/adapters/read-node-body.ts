import type { IncomingMessage } from 'node:http';
import type { BodyReadResult } from '../http/read-body.js';

/**
 * Reads a Node request body, refusing a declared or streamed size above `maxBytes` without buffering the rest, and
 * giving up on a body that takes longer than `timeoutMs` to arrive.
 */
export function readNodeBody(
  request: IncomingMessage,
  maxBytes: number,
  timeoutMs?: number,
): Promise<BodyReadResult> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    return Promise.resolve({ ok: false, reason: 'too_large' });
  }
  return new Promise((resolve) => {
    new NodeBodyReader(request, maxBytes, resolve).start(timeoutMs);
  });
}

/**
 * The listeners of one body read. Methods bound once, rather than a closure per listener, keep the per-request
 * cost down (a dev loader that preserves function names pays for every named closure).
 */
class NodeBodyReader {
  readonly #request: IncomingMessage;
  readonly #maxBytes: number;
  readonly #resolve: (result: BodyReadResult) => void;
  readonly #chunks: Buffer[] = [];
  #total = 0;
  readonly #onData = this.#data.bind(this);
  readonly #onEnd = this.#end.bind(this);
  readonly #onError = this.#error.bind(this);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #done = false;

  constructor(request: IncomingMessage, maxBytes: number, resolve: (result: BodyReadResult) => void) {
    this.#request = request;
    this.#maxBytes = maxBytes;
    this.#resolve = resolve;
  }

  start(timeoutMs: number | undefined): void {
    if (this.#request.readableEnded) {
      this.#end();
      return;
    }
    if (timeoutMs !== undefined) {
      this.#timer = setTimeout(() => {
        this.#request.pause();
        this.#finish({ ok: false, reason: 'timeout' });
      }, timeoutMs);
    }
    this.#request.on('data', this.#onData);
    this.#request.on('end', this.#onEnd);
    this.#request.on('error', this.#onError);
    this.#request.on('aborted', this.#onError);
  }

  #data(chunk: Buffer): void {
    this.#total += chunk.byteLength;
    if (this.#total > this.#maxBytes) {
      this.#request.pause();
      this.#finish({ ok: false, reason: 'too_large' });
      return;
    }
    this.#chunks.push(chunk);
  }

  #end(): void {
    const chunks = this.#chunks;
    const joined =
      chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, this.#total);
    this.#finish({
      ok: true,
      bytes: new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength) as Uint8Array<ArrayBuffer>,
    });
  }

  #error(): void {
    this.#finish({ ok: false, reason: 'unreadable' });
  }

  #finish(result: BodyReadResult): void {
    if (this.#done) return;
    this.#done = true;
    clearTimeout(this.#timer);
    this.#request.off('data', this.#onData);
    this.#request.off('end', this.#onEnd);
    this.#request.off('error', this.#onError);
    this.#request.off('aborted', this.#onError);
    this.#resolve(result);
  }
}
