// The programmatic entry point of `fluid-codegen diff`: two sets of callback definitions in, a report out.
import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';
import { CodegenError } from '../errors/codegen-error.js';
import { canonicalJson } from '../hash.js';
import type { CallbackDefinition, SourcedDefinition } from '../load/definition.js';
import { prepareSchema } from '../schema/index.js';
import { childAt } from '../schema/pointer.js';
import type { FormatMode, PreparedSchema } from '../schema/prepared.js';
import { validationForm } from './compare-schema.js';
import { judgeSide, type SearchSettings } from './judge-side.js';
import type { DefinitionDiff, DiffFinding, DiffReport, DiffSide } from './types.js';
import { compileValidator } from './validators.js';

/** Options for {@link diffDefinitions}. */
export interface DiffOptions {
  /** Schema nesting limit handed to the schema step. @default 100 */
  readonly maxDepth?: number;
  /** Seed of the counterexample search; the same inputs and seed give the same report. @default 'fluid-codegen-diff' */
  readonly seed?: number | string;
  /** Valid instances sampled per schema while searching for counterexamples. @default 40 */
  readonly samples?: number;
  /**
   * How `format` is treated, as in `generate`: the validators check it (`assert`), or it is an annotation
   * (`annotate`) and a change to it changes nothing. Pass what the service's validators were generated with.
   * @default 'assert'
   */
  readonly formats?: FormatMode;
}

/** One or more definitions could not be read as schemas; `diagnostics` says where (file, definition, pointer). */
export class DiffInputError extends CodegenError {
  override readonly name: string = 'DiffInputError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`invalid definitions:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  }
}

/** Definitions as {@link loadDefinitions} returns them, or plain definitions. */
export type DefinitionsInput = readonly (SourcedDefinition | CallbackDefinition)[];

const SIDES = [
  { side: 'request', key: 'request_schema', pointer: '/request_schema' },
  { side: 'response', key: 'response_schema', pointer: '/response_schema' },
] as const;

/** Keywords the schema step drops with a warning: a change to them cannot be judged. */
const UNJUDGED_CODES = new Set(['unsupported-keyword', 'unsupported-format']);

interface Prepared {
  readonly item: SourcedDefinition;
  readonly sides: Record<DiffSide, PreparedSchema>;
}

function sourced(input: DefinitionsInput, label: string): SourcedDefinition[] {
  return input.map((item, index) =>
    'definition' in item && 'source' in item ? item : { definition: item, source: `${label}#/${index}` },
  );
}

function prepareAll(
  items: readonly SourcedDefinition[],
  options: DiffOptions,
  problems: Diagnostic[],
): Map<string, Prepared> {
  const byName = new Map<string, Prepared>();
  for (const item of items) {
    const { name } = item.definition;
    const locate = (diagnostic: Diagnostic): Diagnostic => ({
      ...diagnostic,
      file: item.source,
      definition: name,
    });
    const earlier = byName.get(name);
    if (earlier !== undefined) {
      problems.push(
        locate({
          severity: 'error',
          code: 'duplicate-name',
          pointer: '/name',
          message: `definition ${JSON.stringify(name)} also comes from ${earlier.item.source}`,
        }),
      );
      continue;
    }
    const sides = {} as Record<DiffSide, PreparedSchema>;
    for (const { side, key, pointer } of SIDES) {
      const prepared = prepareSchema(item.definition[key], {
        pointer,
        ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
        ...(options.formats === undefined ? {} : { formats: options.formats }),
      });
      problems.push(...prepared.diagnostics.filter((d) => d.severity === 'error').map(locate));
      sides[side] = prepared;
    }
    byName.set(name, { item, sides });
  }
  return byName;
}

/** Raw text at a pointer of a definition, for comparing keywords the schema step drops. */
function rawAt(definition: CallbackDefinition, pointer: string): string {
  const tokens = pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
  return canonicalJson(childAt(definition, tokens) ?? null);
}

function unjudged(base: Prepared, head: Prepared, side: DiffSide): DiffFinding[] {
  const pointers = new Set<string>();
  for (const prepared of [base.sides[side], head.sides[side]]) {
    for (const diagnostic of prepared.diagnostics) {
      if (UNJUDGED_CODES.has(diagnostic.code)) pointers.add(diagnostic.pointer);
    }
  }
  return [...pointers]
    .sort()
    .filter((pointer) => rawAt(base.item.definition, pointer) !== rawAt(head.item.definition, pointer))
    .map((pointer) => ({
      side,
      pointer,
      kind: 'unsupported-keyword-changed',
      verdict: 'unknown' as const,
      message:
        'a keyword the generator does not support (and the validators ignore) changed here; its effect cannot be judged',
    }));
}

async function diffOne(
  name: string,
  base: Prepared,
  head: Prepared,
  settings: SearchSettings,
): Promise<DefinitionDiff> {
  const findings: DiffFinding[] = [];
  for (const { side, pointer } of SIDES) {
    const before = base.sides[side];
    const after = head.sides[side];
    const extra = unjudged(base, head, side);
    if (canonicalJson(validationForm(before.schema)) === canonicalJson(validationForm(after.schema))) {
      findings.push(...extra);
      continue;
    }
    const label = `${name}-${side}`;
    findings.push(
      ...judgeSide(
        {
          side,
          pointer,
          base: before.schema,
          head: after.schema,
          baseAccepts: await compileValidator(before, `${label}-base`),
          headAccepts: await compileValidator(after, `${label}-head`),
          extra,
        },
        settings,
      ),
    );
  }
  return {
    name,
    change: findings.length === 0 ? 'unchanged' : 'changed',
    breaking: findings.some((finding) => finding.verdict === 'breaking'),
    findings,
  };
}

/**
 * Compares two snapshots of callback definitions (base: what deployed services were built from; head: what
 * Fluid has now) after the schema step's normalization, so draft-07 or OpenAPI spellings and reordering make
 * no difference. Each change is judged for a deployed service: on the request side a request the new schema
 * allows and the old rejects is breaking; on the response side a reply the old schema allows and the new one
 * rejects is. Breaking findings carry a counterexample checked with both sides' generated validators.
 * Throws {@link DiffInputError} when a definition is not a valid one.
 *
 * @example
 * const base = await loadDefinitions('definitions/callbacks');
 * const head = await loadDefinitionsFromApi({ token });
 * const report = await diffDefinitions(base.definitions, head.definitions);
 * if (report.definitions.some((definition) => definition.breaking)) process.exitCode = 1;
 */
export async function diffDefinitions(
  base: DefinitionsInput,
  head: DefinitionsInput,
  options: DiffOptions = {},
): Promise<DiffReport> {
  const problems: Diagnostic[] = [];
  const before = prepareAll(sourced(base, 'base'), options, problems);
  const after = prepareAll(sourced(head, 'head'), options, problems);
  if (problems.length > 0) throw new DiffInputError(problems);
  const settings: SearchSettings = {
    seed: options.seed ?? 'fluid-codegen-diff',
    samples: options.samples ?? 40,
  };
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  const definitions: DefinitionDiff[] = [];
  for (const name of names) {
    const old = before.get(name);
    const now = after.get(name);
    if (old === undefined || now === undefined) {
      definitions.push({
        name,
        change: old === undefined ? 'added' : 'removed',
        breaking: false,
        findings: [],
      });
      continue;
    }
    definitions.push(await diffOne(name, old, now, settings));
  }
  return { definitions };
}
