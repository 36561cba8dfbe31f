import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { repoRoot } from '../helpers.js';

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** The official JSON-Schema-Test-Suite, draft 2020-12 main folder, read where the workspace keeps it. */
export const SUITE_DIR = join(repoRoot, '../shared/json-schema-test-suite/draft2020-12');

/** One test of the suite: an instance and whether the group's schema accepts it. */
export interface SuiteTest {
  readonly description: string;
  readonly data: unknown;
  readonly valid: boolean;
}

/** One group: a schema and its tests, with the definition name the conformance run gives it. */
export interface SuiteGroup {
  readonly file: string;
  readonly index: number;
  readonly description: string;
  readonly schema: unknown;
  readonly tests: readonly SuiteTest[];
  /** `<file stem>_<index>`, e.g. `if_then_else_3`: a valid definition name, unique in the run. */
  readonly name: string;
}

/** Why the suite cannot be read, or `undefined` when it can. */
export function suiteMissing(): string | undefined {
  return existsSync(SUITE_DIR) ? undefined : `${SUITE_DIR} is absent`;
}

/** Every group of every file, files in name order. */
export function readSuite(): SuiteGroup[] {
  const files = readdirSync(SUITE_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort();
  return files.flatMap((file) => {
    const groups = JSON.parse(readFileSync(join(SUITE_DIR, file), 'utf8')) as Array<{
      description: string;
      schema: unknown;
      tests: SuiteTest[];
    }>;
    const stem = file.replace(/\.json$/, '').replace(/[^A-Za-z0-9]+/g, '_');
    return groups.map((group, index) => ({ ...group, file, index, name: `${stem}_${index}` }));
  });
}

/** The key of one test in the known-misses list: `file › group › test`. */
export function testKey(group: SuiteGroup, test: SuiteTest): string {
  return `${group.file} › ${group.description} › ${test.description}`;
}

/** How many tests ajv (Ajv2020 with ajv-formats) answers right; a schema it cannot compile answers none. */
export function ajvScore(groups: readonly SuiteGroup[]): number {
  let right = 0;
  const ajv = new Ajv2020({ strict: false, logger: false });
  addFormats(ajv);
  for (const group of groups) {
    // Schemas of different groups share `$id`s: each group compiles into an emptied instance.
    ajv.removeSchema();
    let validate: ((data: unknown) => boolean) | undefined;
    try {
      validate = ajv.compile(group.schema as object);
    } catch {
      validate = undefined;
    }
    for (const test of group.tests) {
      try {
        if (validate !== undefined && validate(test.data) === test.valid) right++;
      } catch {
        // ajv overflows the stack on some recursive schemas: a crash answers nothing.
      }
    }
  }
  return right;
}
