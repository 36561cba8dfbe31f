import { createHash } from 'node:crypto';
import { eventIdentifier, resourceClassName } from '../state/topics.js';
import type { WebhookEnvelope } from '../state/types.js';

/** What an envelope is about. */
export interface EnvelopeInput {
  readonly id: number;
  /** A random token that makes the envelope's `identifier` unique. */
  readonly token: string;
  readonly resource: string;
  readonly event: string;
  readonly companyId: number;
  /** Inner payload fields; they win over the defaults (metadata fields and `{ [resource]: { id } }`). */
  readonly payload?: Readonly<Record<string, unknown>>;
  readonly timestamp: Date;
}

/**
 * Builds the envelope Fluid POSTs: `{ id, identifier, name, timestamp, payload }`, the payload carrying the seven
 * metadata fields and the resource data under the lowercase resource key.
 *
 * @example
 * buildEnvelope({ id: 1, token: 'abc', resource: 'order', event: 'created', companyId: 1, timestamp: new Date() })
 */
export function buildEnvelope(input: EnvelopeInput): WebhookEnvelope {
  const name = eventIdentifier(input.resource, input.event);
  return {
    id: input.id,
    identifier: `${resourceClassName(input.resource).toLowerCase()}_${input.token}`,
    name,
    timestamp: input.timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    payload: {
      event_name: name,
      schema_version: '1',
      schema_hash: createHash('sha256').update(name).digest('hex').slice(0, 16),
      company_id: input.companyId,
      resource_name: resourceClassName(input.resource),
      resource: input.resource,
      event: input.event,
      [input.resource]: { id: input.id },
      ...input.payload,
    },
  };
}
