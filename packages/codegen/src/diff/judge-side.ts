// Judges the differences of one side (request or response) for a deployed service, and backs every
// breaking verdict with a counterexample checked by both sides' generated validators.
import { sampleInvalid, sampleValid } from '@fluid-droplet/schema-sampler';
import { canonicalJson } from '../hash.js';
import { compareText } from '../order.js';
import type { JsonSchema } from '../schema/prepared.js';
import { type Direction, type RawFinding, SchemaComparison, validationForm } from './compare-schema.js';
import { describePath, valueAt, withValueAt } from './instance-path.js';
import type { DiffFinding, DiffSide } from './types.js';
import type { Validator } from './validators.js';

/** One side of a definition, base and head, with their generated validators. */
export interface SideInput {
  readonly side: DiffSide;
  /** `/request_schema` or `/response_schema`. */
  readonly pointer: string;
  readonly base: JsonSchema;
  readonly head: JsonSchema;
  readonly baseAccepts: Validator;
  readonly headAccepts: Validator;
  /** Findings the comparison cannot make itself (changed keywords the schema step does not support). */
  readonly extra: readonly DiffFinding[];
}

/** How hard the search for counterexamples tries; the same settings give the same report. */
export interface SearchSettings {
  readonly seed: number | string;
  /** Valid instances sampled per schema. */
  readonly samples: number;
}

/** The direction that breaks a deployed service on each side. */
const BREAKING: Record<DiffSide, Direction> = { request: 'widened', response: 'narrowed' };

function draw(
  sampler: typeof sampleValid,
  schema: JsonSchema,
  seed: number | string,
  count: number,
): unknown[] {
  try {
    return sampler(schema, { seed, count });
  } catch {
    // The sampler is best effort; a schema it cannot sample simply yields no candidates.
    return [];
  }
}

/** Keys the sampler adds to probe prototype handling: correct, but they make a confusing counterexample. */
const EXOTIC = /"(?:__proto__|constructor|prototype)":/;

/** Distinct values, plain ones first, then smallest first: the counterexample shown is the simplest found. */
function simplestFirst(values: readonly unknown[]): unknown[] {
  const unique = new Map<string, unknown>();
  for (const value of values) {
    const key = canonicalJson(value);
    if (!unique.has(key)) unique.set(key, value);
  }
  const rank = (key: string): number => (EXOTIC.test(key) ? 1 : 0);
  return [...unique.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.length - b.length || compareText(a, b))
    .map(([, value]) => value);
}

class Search {
  private acceptorSamples: unknown[] | undefined;
  /** Instances Fluid may now send that the old validator rejects (request) or replies valid before that the new one rejects (response). */
  readonly breaks: Validator;
  private readonly accepts: Validator;
  private readonly acceptor: JsonSchema;
  private readonly rejector: JsonSchema;

  constructor(
    private readonly input: SideInput,
    private readonly settings: SearchSettings,
  ) {
    const request = input.side === 'request';
    this.accepts = request ? input.headAccepts : input.baseAccepts;
    const rejects = request ? input.baseAccepts : input.headAccepts;
    this.breaks = (value) => this.accepts(value) && !rejects(value);
    this.acceptor = request ? input.head : input.base;
    this.rejector = request ? input.base : input.head;
  }

  /** Valid instances of the accepting side, smallest first (the acceptor's validator has the last word). */
  private samples(): unknown[] {
    this.acceptorSamples ??= simplestFirst([
      ...draw(sampleValid, this.acceptor, this.settings.seed, this.settings.samples),
      {},
      [],
    ]).filter((value) => this.accepts(value));
    return this.acceptorSamples;
  }

  /** A whole instance showing `finding` breaks the side, or `undefined` when none was found. */
  forFinding(finding: RawFinding): unknown {
    const request = this.input.side === 'request';
    // First the values the change itself suggests, then samples of the two sub-schemas at that place.
    const rounds: Array<(current: unknown) => unknown[]> = [finding.candidates];
    let local: unknown[] | undefined;
    rounds.push(() => {
      local ??= simplestFirst([
        ...draw(sampleValid, request ? finding.head : finding.base, this.settings.seed, 15),
        ...draw(sampleInvalid, request ? finding.base : finding.head, this.settings.seed, 15),
      ]);
      return local;
    });
    for (const candidates of rounds) {
      for (const sample of this.samples()) {
        for (const value of candidates(valueAt(sample, finding.path))) {
          if (value === undefined) continue;
          const instance = withValueAt(sample, finding.path, value);
          if (instance !== undefined && this.breaks(instance)) return instance;
        }
      }
    }
    return undefined;
  }

  /** Any instance that breaks the side, from broader sampling of both schemas. */
  anywhere(): unknown {
    const pool = simplestFirst([
      ...this.samples(),
      ...draw(sampleValid, this.acceptor, `${this.settings.seed}:wide`, this.settings.samples * 2),
      ...draw(sampleInvalid, this.rejector, this.settings.seed, this.settings.samples * 2),
    ]);
    return pool.find((value) => this.breaks(value));
  }
}

function breakingMessage(side: DiffSide, message: string, path: string): string {
  const where = path === '' ? '' : ` (at ${path} in the instance)`;
  return side === 'request'
    ? `${message}; Fluid may now send a request your deployed validator rejects${where}`
    : `${message}; a reply your deployed service may send, valid before, is now rejected by Fluid${where}`;
}

/**
 * Compares one side and judges each difference: request side, widening is breaking and narrowing safe;
 * response side, the reverse. Breaking means a counterexample was found and both validators agree on it;
 * anything else that may break is `unknown`, never guessed.
 */
export function judgeSide(input: SideInput, settings: SearchSettings): DiffFinding[] {
  const raw = new SchemaComparison(input.base, input.head).run();
  const search = new Search(input, settings);
  const breaking = BREAKING[input.side];
  const pointer = (relative: string): string => `${input.pointer}${relative}`;
  const findings: DiffFinding[] = raw.map((finding) => {
    const base = { side: input.side, pointer: pointer(finding.pointer), kind: finding.kind };
    const where = describePath(finding.path);
    if (finding.direction !== breaking && finding.direction !== 'both' && finding.direction !== 'unknown') {
      const why =
        input.side === 'request'
          ? 'narrowing: every request Fluid may now send was accepted before'
          : 'widening: every reply valid before is still accepted';
      return { ...base, verdict: 'safe', message: `${finding.message} (${why})` };
    }
    const counterexample = search.forFinding(finding);
    if (counterexample !== undefined) {
      return {
        ...base,
        verdict: 'breaking',
        message: breakingMessage(input.side, finding.message, where),
        counterexample,
      };
    }
    const verdictNote =
      finding.direction === 'unknown'
        ? 'whether this breaks a deployed service cannot be decided from the schemas, and no counterexample was found'
        : 'this may break a deployed service, but no instance was found that one validator accepts and the other rejects, so it is not claimed: check it by hand';
    return { ...base, verdict: 'unknown', message: `${finding.message}; ${verdictNote}` };
  });
  findings.push(...input.extra);
  const differs = canonicalJson(validationForm(input.base)) !== canonicalJson(validationForm(input.head));
  if (differs && !findings.some((finding) => finding.verdict === 'breaking')) {
    const counterexample = search.anywhere();
    if (counterexample !== undefined) {
      findings.push({
        side: input.side,
        pointer: input.pointer,
        kind: 'accepted-set-changed',
        verdict: 'breaking',
        message: breakingMessage(
          input.side,
          'sampling found an instance the change breaks that no single keyword explains',
          '',
        ),
        counterexample,
      });
    }
  }
  return findings;
}
