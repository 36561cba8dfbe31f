import type { CallbackFailurePolicy } from './types.js';

const NEUTRAL = Symbol.for('fluid-droplet.neutral-reply');

/** A failure policy made by {@link neutralReply}: it carries its reply, so the handler validates it at creation. */
export type NeutralReplyPolicy<Reply> = CallbackFailurePolicy<Reply> & { readonly [NEUTRAL]: Reply };

/**
 * A failure policy for checkout-path callbacks: every refusal and failure, whatever its stage, is answered with
 * `reply` and status 200, because a non-2xx there breaks the shopper's cart. The reply is checked against the
 * definition's response schema when the handler is created. Use it only where Fluid reads the reply as "no change"
 * (see {@link knownNeutralReplies}); a callback such as `update_cart_tax` must fail closed instead.
 *
 * @example
 * createCallbackHandler.for('update_cart_shipping', quote, { registrations, onFailure: neutralReply({}) })
 */
export function neutralReply<const Reply>(reply: Reply): NeutralReplyPolicy<Reply> {
  const policy = () => reply;
  return Object.assign(policy, { [NEUTRAL]: reply });
}

/** The neutral reply of a policy made by {@link neutralReply}, if it is one. */
export function neutralReplyOf(policy: unknown): { readonly reply: unknown } | undefined {
  if (typeof policy !== 'function' || !Object.hasOwn(policy, NEUTRAL)) return undefined;
  return { reply: (policy as unknown as { [NEUTRAL]: unknown })[NEUTRAL] };
}

/**
 * The replies Fluid is known to treat as "no change" for a checkout-path definition, where a source says so.
 * `update_cart_shipping`: `{}` (its response schema allows an empty object; Fluid leaves the cart's shipping as
 * it is). Not listed, on purpose: `update_cart_tax`, which must fail closed (a neutral tax reply would undercharge).
 */
export const knownNeutralReplies = Object.freeze({
  update_cart_shipping: Object.freeze({}),
} as const);
