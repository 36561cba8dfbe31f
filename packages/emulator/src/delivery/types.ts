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
  readonly error?: DeliveryFailure;
}

/** A line in the emulator's delivery log, shown on the web page. */
export interface DeliveryLogEntry {
  readonly kind: 'webhook' | 'callback';
  /** Event name (webhooks) or definition name (callbacks). */
  readonly name: string;
  readonly url: string;
  readonly at: string;
  readonly status: number | null;
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly issues: readonly ValidationIssue[];
  readonly error?: DeliveryFailure;
}
