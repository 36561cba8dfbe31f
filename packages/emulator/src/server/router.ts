import type { ServerResponse } from 'node:http';
import type { Trigger } from '../delivery/trigger.js';
import type { EmulatorState } from '../state/store.js';
import type { Caller } from '../state/types.js';

/** What a route sees of a request. */
export interface RouteContext {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body, `undefined` when the body was empty. */
  readonly body: unknown;
  /** The authenticated caller; routes marked `public` get the company as a placeholder. */
  readonly caller: Caller;
  readonly state: EmulatorState;
  readonly trigger: Trigger;
  /** The URL the emulator listens on, for links. */
  readonly baseUrl: string;
}

/**
 * A route's answer: JSON (the server adds `meta`), a page of HTML, another text asset, or a stream the route
 * writes itself (Server-Sent Events).
 */
export type RouteResult =
  | { readonly status: number; readonly json: Readonly<Record<string, unknown>> }
  | { readonly status: number; readonly html: string }
  | { readonly status: number; readonly text: string; readonly contentType: string }
  | { readonly stream: (response: ServerResponse) => void };

/** One endpoint. Literal path segments are matched before `:param` ones, whatever the order of registration. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** e.g. `/api/company/webhooks/:id`. */
  readonly path: string;
  /**
   * `public` routes need no bearer token (the exchange endpoint, the web page); `control` routes (`/_emulator/`) need
   * none either, but only answer requests addressed to the emulator's own host, and POSTs only with a JSON body, so
   * a web page on another origin cannot drive them.
   */
  readonly access?: 'bearer' | 'public' | 'control';
  handle(context: RouteContext): RouteResult | Promise<RouteResult>;
}

/** A route found for a request, with its path parameters. */
export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/** Finds the route for a method and path: exact segments beat parameters, so `/webhooks/resources` is not an id. */
export function createRouter(
  routes: readonly Route[],
): (method: string, path: string) => RouteMatch | undefined {
  const compiled = routes.map((route) => ({ route, segments: split(route.path) }));
  compiled.sort((a, b) => specificity(b.segments) - specificity(a.segments));
  return (method, path) => {
    const segments = split(path);
    for (const { route, segments: pattern } of compiled) {
      if (route.method !== method || pattern.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const matched = pattern.every((part, i) => {
        const actual = segments[i] ?? '';
        if (part.startsWith(':')) {
          params[part.slice(1)] = decodeSegment(actual);
          return actual !== '';
        }
        return part === actual;
      });
      if (matched) return { route, params };
    }
    return undefined;
  };
}

function split(path: string): string[] {
  // A loop, not /\/+$/: that regex backtracks quadratically on a long run of slashes followed by another character.
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  const trimmed = path.slice(0, end);
  return trimmed === '' ? [''] : trimmed.split('/');
}

function specificity(segments: readonly string[]): number {
  return segments.filter((part) => !part.startsWith(':')).length;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
