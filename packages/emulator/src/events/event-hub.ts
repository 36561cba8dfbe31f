import type { DeliveryLogEntry } from '../delivery/types.js';

/** What the event stream (`GET /_emulator/events`) carries: every API call and every delivery, as they happen. */
export type EmulatorEvent =
  | {
      readonly type: 'request';
      readonly method: string;
      readonly path: string;
      readonly status: number;
      readonly request_id: string;
      readonly at: string;
    }
  | { readonly type: 'delivery'; readonly delivery: DeliveryLogEntry };

/** Fans events out to subscribers; a subscriber that throws is dropped rather than breaking the others. */
export class EventHub {
  readonly #listeners = new Set<(event: EmulatorEvent) => void>();

  /** Calls `listener` for every event from now on; returns the function that stops it. */
  subscribe(listener: (event: EmulatorEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Sends an event to every subscriber. */
  publish(event: EmulatorEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        this.#listeners.delete(listener);
      }
    }
  }
}
