// What one run learned about an input file, kept (outside the output) so a later run that finds the file with
// the same stats need not read, parse or hash it again.
import { readFileSync } from 'node:fs';
import type { Diagnostic, Severity } from '../diagnostics.js';
import { FileChangedError } from '../errors/codegen-error.js';
import type { FileIdentity } from '../file-identity.js';
import { sha256 } from '../hash.js';
import type { CallbackDefinition, SourcedDefinition } from './definition.js';
import { parseJsonFile } from './parse-text.js';
import { type ReadResult, readDefinitions } from './read-definitions.js';

/**
 * One input file as read: its identity, the SHA-256 of its bytes, the definitions in it and the warnings
 * reading it gave. Sources and diagnostics are kept relative to the file's label (`''`, `#/definitions/3`),
 * so a run from another folder labels them as a fresh read would.
 */
export interface InputRecord {
  /** Absolute path, as the loader lists it. */
  readonly path: string;
  readonly identity: FileIdentity;
  readonly sha256: string;
  readonly definitions: ReadonlyArray<{ readonly at: string; readonly name: string }>;
  readonly diagnostics: ReadonlyArray<{
    readonly severity: Severity;
    readonly code: string;
    readonly message: string;
    readonly pointer: string;
    readonly at: string;
    readonly definition?: string;
  }>;
}

/** The record of a file read afresh, from what reading it gave. */
export function recordOf(
  path: string,
  label: string,
  identity: FileIdentity,
  sourceSha256: string,
  read: ReadResult,
): InputRecord {
  const after = (text: string | undefined): string => (text ?? label).slice(label.length);
  return {
    path,
    identity,
    sha256: sourceSha256,
    definitions: read.definitions.map((item) => ({ at: after(item.source), name: item.definition.name })),
    diagnostics: read.diagnostics.map(({ severity, code, message, pointer, file, definition }) => ({
      severity,
      code,
      message,
      pointer,
      at: after(file),
      ...(definition === undefined ? {} : { definition }),
    })),
  };
}

/**
 * What reading the file of `record` gives, without reading it: each definition's name is known, and the rest
 * of it is read (once per file, on first use) only when the run needs it, which an unchanged definition whose
 * output is reused never does. The bytes read then must be the ones recorded, or {@link FileChangedError}.
 */
export function replay(record: InputRecord, label: string, maxJsonDepth: number): ReadResult {
  let read: ReadResult | undefined;
  const full = (index: number, name: string): CallbackDefinition => {
    if (read === undefined) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(record.path);
      } catch (error) {
        throw new FileChangedError(label, { cause: error });
      }
      const parsed = sha256(bytes) === record.sha256 ? parseJsonFile(label, bytes) : undefined;
      if (parsed?.ok !== true) throw new FileChangedError(label);
      read = readDefinitions(parsed.value, label, maxJsonDepth);
    }
    const item = read.definitions[index];
    if (item?.definition.name !== name) throw new FileChangedError(label);
    return item.definition;
  };
  const definitions = record.definitions.map(({ at, name }, index): SourcedDefinition => {
    // Getters, in the order the loader sets the fields, so the object reads like the loaded one.
    const definition: CallbackDefinition = {
      name,
      get description() {
        return full(index, name).description;
      },
      get example_response() {
        return full(index, name).example_response;
      },
      get request_schema() {
        return full(index, name).request_schema;
      },
      get response_schema() {
        return full(index, name).response_schema;
      },
    };
    return { definition, source: `${label}${at}`, sourceSha256: record.sha256 };
  });
  const diagnostics = record.diagnostics.map(
    ({ at, definition, ...rest }): Diagnostic => ({
      ...rest,
      file: `${label}${at}`,
      ...(definition === undefined ? {} : { definition }),
    }),
  );
  return { definitions, diagnostics };
}
