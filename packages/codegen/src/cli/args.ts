import { parseArgs } from 'node:util';
import { CodegenError } from '../errors/codegen-error.js';
import type { FormatMode } from '../schema/prepared.js';

/** The parsed `fluid-codegen` command line. */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'generate'; readonly options: GenerateCommandOptions };

/** Options of `fluid-codegen generate`. */
export interface GenerateCommandOptions {
  readonly input: string | undefined;
  readonly out: string;
  readonly check: boolean;
  readonly strict: boolean;
  readonly watch: boolean;
  readonly maxBytes: number | undefined;
  readonly maxDefinitions: number | undefined;
  readonly maxDepth: number | undefined;
  readonly fromApi: boolean;
  readonly baseUrl: string | undefined;
  readonly saveDefinitions: string | undefined;
  readonly force: boolean;
  readonly threads: number | undefined;
  readonly formats: FormatMode;
}

/** A mistake on the command line: printed with the usage hint, exit code 1. */
export class UsageError extends CodegenError {
  override readonly name: string = 'UsageError';
}

/** The text `fluid-codegen --help` prints. */
export const HELP = `Usage: fluid-codegen generate --input <dir|file> --out <dir> [options]

Generates TypeScript types and Zod validators from Fluid callback definitions: one module per
definition, an index.ts registry, and _runtime.ts when validators need helpers.

Input is a folder of .json files (one definition each; names starting with "." or "_" are skipped)
or one file holding a definition, an array of them, or the API's list response { "definitions": [...] }.

Options:
  --input <path>              definitions folder or file
  --out <dir>                 output folder (only files fluid-codegen wrote are ever replaced or removed)
  --check                     write nothing; exit 1 listing stale, missing and extra files
  --strict                    warnings (unknown fields, unsupported keywords, bad examples) fail the run
  --watch                     regenerate when the input changes; unchanged definitions are not re-emitted
  --force                     re-emit every definition (ignore the input hashes kept in the output manifest)
  --threads <n>               threads to emit on (default: every core from 200 changed definitions, else 1)
  --max-bytes <n>             largest input file in bytes (default 8388608)
  --max-definitions <n>       most definitions per run (default 2000)
  --max-depth <n>             deepest schema nesting (default 100)
  --formats <assert|annotate> check "format" (default assert), or treat it as an annotation as
                              JSON Schema 2020-12 does by default
  --from-api                  read definitions from GET /api/callback/definitions (token: FLUID_API_TOKEN)
  --base-url <url>            API base URL for --from-api
  --save-definitions <dir>    with --from-api, also save each definition as <dir>/<name>.json
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 success, 1 invalid input or stale output, 2 internal error, 130/143 stopped by SIGINT/SIGTERM.
`;

function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(value))
    throw new UsageError(`${flag} must be a positive integer, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** The value of `--formats` (`generate` and `diff` alike): `assert` when absent. */
export function formatsArg(value: string | undefined): FormatMode {
  const formats = value ?? 'assert';
  if (formats !== 'assert' && formats !== 'annotate') {
    throw new UsageError(`--formats must be assert or annotate, got ${JSON.stringify(formats)}`);
  }
  return formats;
}

/**
 * Parses `fluid-codegen` arguments (without `node` and the script path).
 *
 * @example
 * parseCommand(['generate', '--input', 'definitions', '--out', 'generated']);
 */
export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (command !== 'generate') {
    throw new UsageError(
      command === undefined
        ? 'missing command: try `fluid-codegen generate`'
        : `unknown command ${JSON.stringify(command)}`,
    );
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
  const fromApi = values['from-api'] === true;
  if (values.input === undefined && !fromApi)
    throw new UsageError('missing --input <dir|file> (or --from-api)');
  if (values.input !== undefined && fromApi)
    throw new UsageError('use either --input or --from-api, not both');
  if (values.out === undefined) throw new UsageError('missing --out <dir>');
  if (values.check === true && values.watch === true)
    throw new UsageError('--check and --watch cannot be combined');
  if (fromApi && values.watch === true)
    throw new UsageError('--watch needs --input (the API is not watched)');
  if (!fromApi && (values['base-url'] !== undefined || values['save-definitions'] !== undefined)) {
    throw new UsageError('--base-url and --save-definitions only apply with --from-api');
  }
  const formats = formatsArg(values.formats);
  return {
    kind: 'generate',
    options: {
      input: values.input,
      out: values.out,
      check: values.check === true,
      strict: values.strict === true,
      watch: values.watch === true,
      maxBytes: positiveInteger('--max-bytes', values['max-bytes']),
      maxDefinitions: positiveInteger('--max-definitions', values['max-definitions']),
      maxDepth: positiveInteger('--max-depth', values['max-depth']),
      fromApi,
      baseUrl: values['base-url'],
      saveDefinitions: values['save-definitions'],
      force: values.force === true,
      threads: positiveInteger('--threads', values.threads),
      formats,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      input: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean' },
      strict: { type: 'boolean' },
      watch: { type: 'boolean' },
      force: { type: 'boolean' },
      threads: { type: 'string' },
      'max-bytes': { type: 'string' },
      'max-definitions': { type: 'string' },
      'max-depth': { type: 'string' },
      formats: { type: 'string' },
      'from-api': { type: 'boolean' },
      'base-url': { type: 'string' },
      'save-definitions': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
