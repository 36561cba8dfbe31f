// Shapes the generator core passes between its steps (and to worker threads), below the code that uses them.
import type { Diagnostic } from '../diagnostics.js';
import type { RegistryFragments } from '../emit/registry.js';
import type { TypeMemo } from '../emit/types/jstt.js';
import type { SourcedDefinition } from '../load/definition.js';
import type { DefinitionNames } from '../naming/assign-names.js';
import type { FormatMode } from '../schema/prepared.js';

/** One file of output, its path relative to the output folder (forward slashes). */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

/** What one definition turned into; cached by its input hash so later runs skip unchanged definitions. */
export interface DefinitionOutput {
  /** Hash of the definition, its names and the generator version (printed in the module's banner). */
  readonly hash: string;
  readonly file: GeneratedFile | undefined;
  /** SHA-256 of `file.contents`, as the manifest records it. */
  readonly fileSha256?: string;
  /** The definition it was made from, by name and `sourceSha256`, when that came from a file. */
  readonly source?: { readonly name: string; readonly sha256: string };
  /** Findings for this definition; `file` is the definition's source label. */
  readonly diagnostics: readonly Diagnostic[];
  readonly runtime: ReadonlySet<string>;
  /** Every type the module exports, root types first. */
  readonly types: readonly string[];
  /** Every validator the module exports. */
  readonly validators: readonly string[];
  /** The definition's parts of `index.ts` (absent when the module failed, or not recovered from disk). */
  readonly registry?: RegistryFragments;
}

/** The settings that change what a definition emits; part of every cache key. */
export interface EmitSettings {
  readonly strict: boolean;
  readonly maxDepth: number | undefined;
  /** `format` checked (`assert`) or only an annotation (`annotate`). */
  readonly formats: FormatMode;
  /** The command named in every banner. */
  readonly command: string;
}

/**
 * What one run's emits share on one thread: type expressions of schemas seen before (callbacks share schemas).
 * Made per run, so no run ever reuses an earlier run's work except through the input-hash cache.
 */
export interface EmitMemo {
  readonly types: TypeMemo;
}

/** One definition to emit: what a worker thread receives. */
export interface EmitJob {
  readonly item: SourcedDefinition;
  readonly names: DefinitionNames;
  readonly hash: string;
  readonly settings: EmitSettings;
}
