/** One armed deadline; {@link DeadlineQueue.add} makes it. */
export class Deadline {
  /** When it expires, on the `performance.now()` clock. */
  readonly at: number;
  /** Dropped once it is done, so a settled request's closure is not kept until its deadline would have passed. */
  #onExpire: (() => void) | undefined;
  readonly #queue: DeadlineQueue;

  constructor(queue: DeadlineQueue, at: number, onExpire: () => void) {
    this.#queue = queue;
    this.at = at;
    this.#onExpire = onExpire;
  }

  /** True once it expired or was cancelled. */
  get done(): boolean {
    return this.#onExpire === undefined;
  }

  /** Disarms it: `onExpire` will not run. Harmless after it ran. */
  cancel(): void {
    if (this.#onExpire === undefined) return;
    this.#onExpire = undefined;
    this.#queue.release();
  }

  /** Runs `onExpire` unless the deadline is done already. Called by the queue. */
  expire(): void {
    const onExpire = this.#onExpire;
    if (onExpire === undefined) return;
    this.#onExpire = undefined;
    this.#queue.release();
    onExpire();
  }
}

/**
 * Deadlines for work that all shares one timeout, such as the requests of one callback handler. Arrival order is
 * then deadline order, so a queue and a single timer armed for the oldest open deadline do the work of a timer per
 * request: creating, linking and clearing a Node timer for every request was a measurable share of the callback
 * pipeline's own CPU. A cancelled deadline lets go of its callback at once and leaves the queue when it reaches the
 * front. While nothing is open the timer is unreferenced, so an idle handler never keeps a process alive.
 */
export class DeadlineQueue {
  readonly #timeoutMs: number;
  #queue: (Deadline | undefined)[] = [];
  #head = 0;
  #open = 0;
  #timer: Timer | undefined;
  readonly #onTimer = (): void => this.#expire();

  /** `timeoutMs` must be positive; the handler settings check it. */
  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  /** Arms a deadline `timeoutMs` from now. `onExpire` runs then, unless the deadline is cancelled first. */
  add(onExpire: () => void): Deadline {
    const deadline = new Deadline(this, performance.now() + this.#timeoutMs, onExpire);
    this.#queue.push(deadline);
    this.#open += 1;
    // Re-referencing an armed timer is a flag and a counter; clearing and re-creating it per request is not.
    if (this.#timer === undefined) this.#arm(deadline.at);
    else if (this.#open === 1) hold(this.#timer, true);
    return deadline;
  }

  /** Counts one deadline as no longer open (cancelled or expired), and drops the closed ones at the front. */
  release(): void {
    this.#open -= 1;
    if (this.#open === 0 && this.#timer !== undefined) hold(this.#timer, false);
    // Requests mostly settle in the order they came, so the front is usually closed: dropping it here keeps the
    // queue about as long as the number of requests in flight, not the number seen in the last timeout.
    this.#dropClosedFront();
  }

  #dropClosedFront(): void {
    const queue = this.#queue;
    while (this.#head < queue.length && (queue[this.#head] as Deadline).done) {
      queue[this.#head] = undefined;
      this.#head += 1;
    }
    if (this.#head === queue.length) {
      this.#queue = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > queue.length) {
      this.#queue = queue.slice(this.#head);
      this.#head = 0;
    }
  }

  #arm(at: number): void {
    // Node fires a timer on its loop clock, which may run up to a millisecond behind performance.now(): an early
    // wake-up finds nothing due yet and re-arms for the remainder.
    this.#timer = setTimeout(this.#onTimer, Math.max(1, Math.ceil(at - performance.now()))) as Timer;
  }

  #expire(): void {
    this.#timer = undefined;
    const now = performance.now();
    const queue = this.#queue;
    const due: Deadline[] = [];
    while (this.#head < queue.length) {
      const deadline = queue[this.#head] as Deadline;
      if (!deadline.done && deadline.at > now) break;
      queue[this.#head] = undefined;
      this.#head += 1;
      if (!deadline.done) due.push(deadline);
    }
    this.#dropClosedFront();
    if (this.#head < this.#queue.length) this.#arm((this.#queue[this.#head] as Deadline).at);
    // The queue is consistent before any handler runs: a handler may add deadlines, or cancel one that is due in
    // this same pass, which then does not run.
    for (const deadline of due) deadline.expire();
  }
}

/** A timer handle: Node's has `ref`/`unref`; Web runtimes return a number, and their timers never hold a process. */
type Timer = number | { ref?: () => unknown; unref?: () => unknown };

function hold(timer: Timer, referenced: boolean): void {
  if (typeof timer !== 'object') return;
  if (referenced) timer.ref?.();
  else timer.unref?.();
}
