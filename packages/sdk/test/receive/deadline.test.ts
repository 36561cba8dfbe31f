import { describe, expect, it } from 'vitest';
import { runWithDeadline } from '../../src/receive/http/deadline.js';
import { LazyAbort } from '../../src/receive/http/lazy-abort.js';

describe('LazyAbort', () => {
  it('reads its parent only when its own signal is read, then follows it', () => {
    const parent = new AbortController();
    let reads = 0;
    const abort = new LazyAbort(() => {
      reads += 1;
      return parent.signal;
    });
    expect(reads).toBe(0);
    const signal = abort.signal;
    expect([reads, signal.aborted]).toEqual([1, false]);
    parent.abort(new Error('gone'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('gone');
  });

  it('is already aborted when the parent aborted before the signal was read', () => {
    const parent = new AbortController();
    parent.abort(new Error('gone early'));
    const signal = new LazyAbort(() => parent.signal).signal;
    expect([signal.aborted, (signal.reason as Error).message]).toEqual([true, 'gone early']);
  });

  it('stops following the parent once released', () => {
    const parent = new AbortController();
    const abort = new LazyAbort(() => parent.signal);
    const signal = abort.signal;
    abort.release();
    parent.abort();
    expect(signal.aborted).toBe(false);
  });

  it('keeps the first reason', () => {
    const abort = new LazyAbort();
    abort.abort('first');
    abort.abort('second');
    expect(abort.signal.reason).toBe('first');
  });
});

describe('runWithDeadline', () => {
  it('settles a synchronous value, a synchronous throw and an asynchronous value', async () => {
    expect(await runWithDeadline(() => 1, 1000)).toEqual({ kind: 'value', value: 1 });
    const error = new Error('sync');
    expect(
      await runWithDeadline(() => {
        throw error;
      }, 1000),
    ).toEqual({ kind: 'error', error });
    expect(await runWithDeadline(async () => 2, 1000)).toEqual({ kind: 'value', value: 2 });
  });

  it('turns a thenable whose then throws into an error result', async () => {
    const thenable = {
      // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is exactly what this test needs.
      then() {
        throw new Error('bad then');
      },
    } as unknown as Promise<number>;
    const result = await runWithDeadline(() => thenable, 1000);
    expect(result.kind).toBe('error');
  });

  it('times out, aborts the signal with a TimeoutError and swallows the late rejection', async () => {
    let signal: AbortSignal | undefined;
    const result = await runWithDeadline((abort) => {
      signal = abort.signal;
      return new Promise((_resolve, reject) => setTimeout(() => reject(new Error('late')), 30));
    }, 5);
    expect(result).toEqual({ kind: 'timeout' });
    expect(signal?.reason).toBeInstanceOf(DOMException);
    expect((signal?.reason as DOMException | undefined)?.name).toBe('TimeoutError');
    await new Promise((resolve) => setTimeout(resolve, 40));
  });

  it('aborts the signal when the parent aborts while the work runs', async () => {
    const parent = new AbortController();
    const result = await runWithDeadline(
      (abort) =>
        new Promise((resolve) => {
          abort.signal.addEventListener('abort', () => resolve(abort.signal.reason));
          parent.abort('client gone');
        }),
      1000,
      () => parent.signal,
    );
    expect(result).toEqual({ kind: 'value', value: 'client gone' });
  });
});
