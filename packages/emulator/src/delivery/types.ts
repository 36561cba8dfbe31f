/** One way a reply broke its contract, located by a JSON pointer into the reply body (`''` is the whole body). */
export interface ValidationIssue {
  readonly pointer: string;
  readonly message: string;
}

/** Why a delivery produced no usable HTTP reply. */
export type DeliveryFailure = 'timeout' | 'connection' | 'invalid_json';

/**
 * The outcome of one callback call: HTTP status (`null` when none arrived), time to the full reply, and the
 * reply checked against the definition's `response_schema`. `ok` is true only for a 2xx JSON reply with no issues.
 */
export interface CallbackReport {
  readonly name: string;
  readonly url: string;
  readonly status: number | null;
  readonly latencyMs: number;
  readonly ok: boolean;
  readonly issues: readonly ValidationIssue[];
  readonly body: unknown;
  readonly request: unknown;
  readonly error?: DeliveryFailure;
}

/** The outcome of delivering one webhook envelope to one subscription. */
export interface WebhookDelivery {
  readonly webhookId: number | null;
  readonly url: string;
  readonly status: number | null;
  readonly latencyMs: number;
  /** True for any 2xx reply. */
  readonly ok: boolean;
  readonly attempts: number;
  /** The reply body (parsed when JSON, else text); `undefined` when no reply arrived. */
  readonly body?: unknown;
  readonly error?: DeliveryFailure;
}

/**
 * A line in the emulator's delivery log, shown on the web page and sent on the event stream. Bodies are copies
 * with every credential masked.
 */
export interface DeliveryLogEntry {
  /** Increasing number of the delivery within this emulator run. */
  readonly id: number;
  readonly kind: 'webhook' | 'callback';
  /** Event name (webhooks) or definition name (callbacks). */
  readonly name: string;
  readonly url: string;
  readonly at: string;
  readonly status: number | null;
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly issues: readonly ValidationIssue[];
  /** The shop (`X-Fluid-Shop`) the delivery was for. */
  readonly shop: string;
  /** The request body sent, tokens masked. */
  readonly request: unknown;
  /** The reply body, tokens masked; `undefined` when no reply arrived. */
  readonly reply: unknown;
  readonly error?: DeliveryFailure;
}
