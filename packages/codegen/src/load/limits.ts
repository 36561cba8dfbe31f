/** Bounds on what the loader accepts, so a huge or hostile input fails fast with a clear message. */
export interface LoadLimits {
  /**
   * Largest input file, in bytes; checked before the file is read.
   * @default 8_388_608 (8 MiB)
   */
  readonly maxBytes: number;
  /**
   * Most definitions in one run, across all files.
   * @default 2000
   */
  readonly maxDefinitions: number;
  /**
   * Deepest JSON nesting accepted inside one definition (schema nesting limits are the schema step's).
   * @default 512
   */
  readonly maxJsonDepth: number;
}

/** The defaults documented on {@link LoadLimits}. */
export const DEFAULT_LIMITS: LoadLimits = {
  maxBytes: 8 * 1024 * 1024,
  maxDefinitions: 2000,
  maxJsonDepth: 512,
};
