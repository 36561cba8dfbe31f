/** Options shared by `sampleValid`, `sampleInvalid` and `sample`. */
export interface SampleOptions {
  /**
   * Seed for every random choice; the same seed and schema always give the same instances.
   * @default 0
   */
  seed?: number | string;
  /**
   * Most instances to return (fewer when the schema allows fewer distinct ones).
   * @default 50
   */
  count?: number;
  /**
   * Nesting depth after which only minimal instances are built; bounds recursive `$ref`s.
   * @default 4
   */
  maxDepth?: number;
}
