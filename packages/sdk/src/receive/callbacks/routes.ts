import type { CallbackDefinitionEntry } from '../../registry/types.js';
import { neutralReplyOf } from './failure-policy.js';
import { toValidationIssues } from './issues.js';
import { serializeResponse } from './serialize.js';
import type { CallbackContext, CallbackFailurePolicy } from './types.js';

/** One servable definition after the public options are resolved. */
export interface Route {
  readonly name: string;
  readonly entry: CallbackDefinitionEntry;
  readonly run: (request: unknown, context: CallbackContext) => unknown;
  readonly onFailure: CallbackFailurePolicy | undefined;
  /** A neutral reply's JSON text, validated and serialized at creation. */
  readonly neutralText: string | undefined;
}

/** What a handler serves: its routes by definition, and what applies before a definition is known. */
export interface RouteTable {
  readonly routes: ReadonlyMap<string, Route>;
  /** The one route of `createCallbackHandler.for`, known before any lookup. */
  readonly fixed: Route | undefined;
  /** The policy for failures whose definition has no route (an unknown token on a multi-definition handler). */
  readonly unroutedPolicy: CallbackFailurePolicy | undefined;
}

/**
 * Checks a reply meant for `name` against its response schema and serializes it, once, at creation: a bad
 * neutral reply is a startup error rather than a surprise during an outage.
 */
export function prepareReply(
  name: string,
  entry: CallbackDefinitionEntry,
  reply: unknown,
  what: string,
): string {
  const checked = entry.response.safeParse(reply);
  if (!checked.success) {
    const where = toValidationIssues(checked.error).map(
      (issue) => `${issue.pointer || '/'} ${issue.message}`,
    );
    throw new TypeError(`${what} for ${name} does not match its response schema: ${where.join('; ')}`);
  }
  const serialized = serializeResponse(reply);
  if (!serialized.ok) throw new TypeError(`${what} for ${name} is not serializable: ${serialized.problem}`);
  return serialized.text;
}

/** Builds a route, validating a neutral-reply policy against the definition. */
export function makeRoute(
  name: string,
  entry: CallbackDefinitionEntry,
  run: Route['run'],
  onFailure: CallbackFailurePolicy | undefined,
): Route {
  const neutral = neutralReplyOf(onFailure);
  return {
    name,
    entry,
    run,
    onFailure,
    neutralText:
      neutral === undefined ? undefined : prepareReply(name, entry, neutral.reply, 'the neutral reply'),
  };
}
