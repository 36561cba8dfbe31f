import { describe, expect, it } from 'vitest';
import { runWithDeadline } from '../../src/receive/http/deadline.js';
import { DeadlineQueue } from '../../src/receive/http/deadline-queue.js';
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

describe('DeadlineQueue', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('expires open deadlines in arrival order, never before their time, and skips cancelled ones', async () => {
    const queue = new DeadlineQueue(40);
    const fired: Array<{ name: string; late: number }> = [];
    const arm = (name: string) => {
      const armedAt = performance.now();
      return queue.add(() => fired.push({ name, late: performance.now() - armedAt }));
    };
    arm('a');
    const b = arm('b');
    await sleep(10);
    arm('c');
    b.cancel();
    await sleep(200);
    expect(fired.map((entry) => entry.name)).toEqual(['a', 'c']);
    // Never early: each ran at least its timeout after it was armed (how late depends on the machine).
    for (const entry of fired) expect(entry.late).toBeGreaterThanOrEqual(39);
  });

  it('runs nothing for a deadline cancelled in time, and cancelling twice or after expiry is harmless', async () => {
    const queue = new DeadlineQueue(20);
    let runs = 0;
    const early = queue.add(() => {
      runs += 1;
    });
    early.cancel();
    early.cancel();
    const late = queue.add(() => {
      runs += 1;
    });
    await sleep(100);
    late.cancel();
    expect(runs).toBe(1);
    // The count of open deadlines stayed right: a new one still fires.
    const again = new Promise<void>((resolve) => queue.add(resolve));
    await again;
  });

  it('lets an expiry handler arm and cancel other deadlines', async () => {
    const queue = new DeadlineQueue(20);
    const order: string[] = [];
    let second: ReturnType<DeadlineQueue['add']> | undefined;
    const done = new Promise<void>((resolve) => {
      queue.add(() => {
        order.push('first');
        second?.cancel();
        queue.add(() => {
          order.push('re-armed');
          resolve();
        });
      });
      second = queue.add(() => order.push('second'));
    });
    await done;
    expect(order).toEqual(['first', 're-armed']);
  });

  it('holds the process only while a deadline is open', async () => {
    const queue = new DeadlineQueue(60_000);
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const deadlines = Array.from({ length: 5 }, () => queue.add(() => undefined));
    expect(timers()).toBe(before + 1);
    for (const deadline of deadlines) deadline.cancel();
    expect(timers()).toBe(before);
    const again = queue.add(() => undefined);
    expect(timers()).toBe(before + 1);
    again.cancel();
    expect(timers()).toBe(before);
  });

  it('stays correct over a long busy stretch (the consumed front is dropped as it goes)', async () => {
    const queue = new DeadlineQueue(5);
    let expired = 0;
    const keep = queue.add(() => {
      expired += 1;
    });
    for (let round = 0; round < 20; round += 1) {
      const batch = Array.from({ length: 500 }, () => queue.add(() => (expired += 1)));
      for (const deadline of batch.slice(0, 499)) deadline.cancel();
      await sleep(2);
    }
    await sleep(100);
    keep.cancel();
    // The first deadline and the one left open in each batch expired; nothing else did.
    expect(expired).toBe(21);
  });
});
