import { isDeepStrictEqual } from 'node:util';
import { createRandom, sampleInvalid } from '@fluid-droplet/schema-sampler';
import type { CallbackDefinition } from '../definitions/types.js';
import { SamplingError } from '../errors/emulator-error.js';
import { callCallback } from './call-callback.js';
import { type RequestSampler, sampleRequests } from './request-sampler.js';
import type { SchemaValidator } from './schema-validator.js';
import type { CallbackReport, ValidationIssue } from './types.js';

/** One fuzz request: what was sent, what the service should have done, what it did, and the verdict. */
export interface FuzzCase {
  readonly index: number;
  /** `valid`: a schema-valid request; `near_miss`: one that breaks exactly one constraint of `request_schema`. */
  readonly kind: 'valid' | 'near_miss';
  readonly request: unknown;
  /** `accept`: a 2xx reply that satisfies `response_schema`; `refuse`: a 4xx, or the configured neutral reply. */
  readonly expected: 'accept' | 'refuse';
  /** For a near miss, where the request breaks the schema (JSON pointers into the request). */
  readonly requestIssues: readonly ValidationIssue[];
  readonly report: CallbackReport;
  readonly verdict: 'pass' | 'fail';
  /** Why the case failed; empty when it passed. */
  readonly reason: string;
}

/** A fuzz run: every case and the totals. */
export interface FuzzReport {
  readonly name: string;
  readonly url: string;
  readonly seed: number;
  readonly passed: number;
  readonly failed: number;
  readonly cases: readonly FuzzCase[];
}

/** What {@link fuzzCallback} needs. */
export interface FuzzCallbackOptions {
  readonly definition: CallbackDefinition;
  readonly url: string;
  /** The registration's `cvt_` token. */
  readonly token: string;
  readonly timeoutSeconds: number;
  readonly validator: SchemaValidator;
  readonly sampler: RequestSampler;
  readonly seed: number;
  /** Requests in total, valid and near misses alternating. */
  readonly count: number;
  /**
   * The reply the service's failure policy gives instead of an error (a checkout-path callback answers a neutral
   * 200); a near miss answered with exactly this body counts as refused.
   */
  readonly neutral?: unknown;
  /** Called after each request, e.g. to log the delivery. */
  readonly onCase?: (fuzzCase: FuzzCase) => void;
}

/**
 * Sends valid requests and near misses (the schema sampler's invalid instances, each confirmed invalid by ajv) to
 * a callback, one at a time, and judges each reply: a valid request must get a 2xx reply that satisfies
 * `response_schema`; a near miss must be refused (4xx, or the configured neutral reply). A service that accepts an
 * invalid request fails that case.
 *
 * @example
 * const report = await fuzzCallback({ definition, url, token, timeoutSeconds: 5, validator, sampler, seed: 1, count: 50 })
 */
export async function fuzzCallback(options: FuzzCallbackOptions): Promise<FuzzReport> {
  const { definition, validator } = options;
  const validCount = Math.ceil(options.count / 2);
  const valid = sampleRequests(definition, {
    seed: options.seed,
    count: validCount,
    sampler: options.sampler,
    validator,
  });
  if (valid.length === 0) throw new SamplingError(definition.name);
  const nearMisses = sampleNearMisses(definition, validator, options.seed, options.count - validCount);
  const plan: { kind: FuzzCase['kind']; request: unknown; issues: readonly ValidationIssue[] }[] = [];
  for (let i = 0; plan.length < options.count && (i < valid.length || i < nearMisses.length); i++) {
    const request = valid[i];
    if (i < valid.length) plan.push({ kind: 'valid', request, issues: [] });
    const miss = nearMisses[i];
    if (miss !== undefined && plan.length < options.count) plan.push({ kind: 'near_miss', ...miss });
  }

  const cases: FuzzCase[] = [];
  for (const [index, item] of plan.entries()) {
    const report = await callCallback({
      definition,
      url: options.url,
      token: options.token,
      timeoutSeconds: options.timeoutSeconds,
      request: item.request,
      validator,
    });
    const reason =
      item.kind === 'valid'
        ? acceptFailure(report)
        : refuseFailure(report, options.neutral !== undefined, options.neutral);
    const fuzzCase: FuzzCase = {
      index,
      kind: item.kind,
      request: item.request,
      expected: item.kind === 'valid' ? 'accept' : 'refuse',
      requestIssues: item.issues,
      report,
      verdict: reason === '' ? 'pass' : 'fail',
      reason,
    };
    cases.push(fuzzCase);
    options.onCase?.(fuzzCase);
  }
  const failed = cases.filter((item) => item.verdict === 'fail').length;
  return {
    name: definition.name,
    url: options.url,
    seed: options.seed,
    passed: cases.length - failed,
    failed,
    cases,
  };
}

/** Near misses of the request schema that ajv really rejects, each with the issues that make it invalid. */
function sampleNearMisses(
  definition: CallbackDefinition,
  validator: SchemaValidator,
  seed: number,
  count: number,
): { request: unknown; issues: readonly ValidationIssue[] }[] {
  if (count <= 0) return [];
  const out: { request: unknown; issues: readonly ValidationIssue[] }[] = [];
  const seeds = createRandom(seed);
  // The sampler aims for near misses; ajv decides, and anything it accepts is not a near miss.
  for (let round = 0; round < 4 && out.length < count; round++) {
    const batch = sampleInvalid(definition.request_schema, {
      seed: round === 0 ? seed : seeds.int(0, 2 ** 31 - 1),
      count: (count - out.length) * 2,
    });
    for (const request of batch) {
      const issues = validator.issues(definition.request_schema, request);
      if (issues.length > 0 && out.length < count) out.push({ request, issues });
    }
  }
  return out;
}

function acceptFailure(report: CallbackReport): string {
  if (report.ok) return '';
  if (report.status === null) return `no reply (${report.error ?? 'connection'})`;
  if (report.status < 200 || report.status >= 300)
    return `refused a valid request with HTTP ${report.status}`;
  const issues = report.issues.map((issue) => `${issue.pointer || '/'} ${issue.message}`).join('; ');
  return `reply breaks response_schema: ${issues}`;
}

function refuseFailure(report: CallbackReport, hasNeutral: boolean, neutral: unknown): string {
  if (report.status === null) return `no reply (${report.error ?? 'connection'})`;
  if (report.status >= 400 && report.status < 500) return '';
  if (report.status >= 200 && report.status < 300) {
    if (hasNeutral && isDeepStrictEqual(report.body, neutral)) return '';
    return `accepted an invalid request (HTTP ${report.status}); expected 400${hasNeutral ? ' or the neutral reply' : ''}`;
  }
  return `answered an invalid request with HTTP ${report.status}; expected 400${hasNeutral ? ' or the neutral reply' : ''}`;
}
