/** Which schema of a callback definition a finding is about. */
export type DiffSide = 'request' | 'response';

/** What a change means for a service that is already deployed. */
export type DiffVerdict = 'breaking' | 'safe' | 'unknown';

/** How a definition differs between the base and the head. */
export type DefinitionChange = 'added' | 'removed' | 'changed' | 'unchanged';

/**
 * One difference between the base and head schema of a definition, at one JSON pointer.
 * `counterexample` is present only on breaking findings: a whole request (or response) body that one
 * side's generated validator accepts and the other's rejects, checked with both validators.
 */
export interface DiffFinding {
  readonly side: DiffSide;
  /** JSON pointer into the definition, in the normalized (2020-12) spelling, e.g. `/request_schema/properties/total`. */
  readonly pointer: string;
  /** What changed, e.g. `required-property-added`, `type-narrowed`, `enum-value-added`. */
  readonly kind: string;
  readonly verdict: DiffVerdict;
  readonly message: string;
  readonly counterexample?: unknown;
}

/** The comparison of one definition, by name. */
export interface DefinitionDiff {
  readonly name: string;
  readonly change: DefinitionChange;
  /** True when at least one finding is breaking. */
  readonly breaking: boolean;
  readonly findings: readonly DiffFinding[];
}

/** The result of {@link diffDefinitions}: one entry per definition name, sorted by name. `--format json` prints it. */
export interface DiffReport {
  readonly definitions: readonly DefinitionDiff[];
}
