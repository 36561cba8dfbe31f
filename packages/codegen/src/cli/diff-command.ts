// `fluid-codegen diff`: compares two snapshots of callback definitions (or one and the live API) and
// reports what would break a deployed service.
import { parseArgs } from 'node:util';
import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';
import { DiffInputError, diffDefinitions } from '../diff/diff-definitions.js';
import { type DiffFormat, formatReport } from '../diff/format-report.js';
import type { SourcedDefinition } from '../load/definition.js';
import { loadDefinitionsFromApi } from '../load/from-api.js';
import type { LoadLimits } from '../load/limits.js';
import { loadDefinitions } from '../load/load-definitions.js';
import type { FormatMode } from '../schema/prepared.js';
import { formatsArg, UsageError } from './args.js';
import { TOKEN_VARIABLE } from './from-api.js';
import type { CliIo } from './run-once.js';

/** The text `fluid-codegen diff --help` prints. */
export const DIFF_HELP = `Usage: fluid-codegen diff --base <dir|file> (--head <dir|file> | --from-api) [options]

Compares two snapshots of callback definitions after normalization and judges every change for a
service that is already deployed: on the request side (Fluid sends, your old validator checks) a
request the head allows and the base rejects is breaking; on the response side (you reply, Fluid
checks against the head) a reply the base allows and the head rejects is breaking. Breaking findings
carry a counterexample checked with the generated validators of both sides.

Options:
  --base <path>               the definitions your service was built from (folder or file)
  --head <path>               the new definitions (folder or file)
  --from-api                  read the head from GET /api/callback/definitions (token: ${TOKEN_VARIABLE})
  --base-url <url>            API base URL for --from-api
  --format <text|json|markdown>  output format (default text); json is stable, markdown suits a PR comment
  --seed <value>              seed of the counterexample search (default fluid-codegen-diff)
  --formats <assert|annotate> as your validators were generated: check "format" (default assert),
                              or treat it as an annotation, so a change to it breaks nothing
  --max-bytes <n>             largest input file in bytes (default 8388608)
  --max-definitions <n>       most definitions per snapshot (default 2000)
  --max-depth <n>             deepest schema nesting (default 100)
  -h, --help                  show this help

Exit codes: 0 nothing breaking, 1 something breaking or invalid input, 2 internal error.
`;

/** Options of `fluid-codegen diff`. */
export interface DiffCommandOptions {
  readonly base: string;
  readonly head: string | undefined;
  readonly fromApi: boolean;
  readonly baseUrl: string | undefined;
  readonly format: DiffFormat;
  readonly seed: string | undefined;
  readonly limits: Partial<LoadLimits>;
  readonly maxDepth: number | undefined;
  readonly formats: FormatMode;
}

const FORMATS: readonly DiffFormat[] = ['text', 'json', 'markdown'];

function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(value))
    throw new UsageError(`${flag} must be a positive integer, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** Parses the arguments after `diff`; `undefined` means `--help`. */
export function parseDiffArgs(argv: readonly string[]): DiffCommandOptions | undefined {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return undefined;
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if (values.base === undefined) throw new UsageError('diff needs --base <dir|file>');
  const fromApi = values['from-api'] === true;
  if (values.head === undefined && !fromApi)
    throw new UsageError('diff needs --head <dir|file> (or --from-api)');
  if (values.head !== undefined && fromApi) throw new UsageError('use either --head or --from-api, not both');
  if (!fromApi && values['base-url'] !== undefined)
    throw new UsageError('--base-url only applies with --from-api');
  const format = (values.format ?? 'text') as DiffFormat;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be text, json or markdown, got ${JSON.stringify(values.format)}`);
  const maxBytes = positiveInteger('--max-bytes', values['max-bytes']);
  const maxDefinitions = positiveInteger('--max-definitions', values['max-definitions']);
  return {
    base: values.base,
    head: values.head,
    fromApi,
    baseUrl: values['base-url'],
    format,
    seed: values.seed,
    limits: {
      ...(maxBytes === undefined ? {} : { maxBytes }),
      ...(maxDefinitions === undefined ? {} : { maxDefinitions }),
    },
    maxDepth: positiveInteger('--max-depth', values['max-depth']),
    formats: formatsArg(values.formats),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      base: { type: 'string' },
      head: { type: 'string' },
      'from-api': { type: 'boolean' },
      'base-url': { type: 'string' },
      format: { type: 'string' },
      seed: { type: 'string' },
      'max-bytes': { type: 'string' },
      'max-definitions': { type: 'string' },
      'max-depth': { type: 'string' },
      formats: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

interface Snapshot {
  readonly definitions: SourcedDefinition[];
  readonly diagnostics: readonly Diagnostic[];
}

async function loadHead(options: DiffCommandOptions, io: CliIo, cwd: string): Promise<Snapshot> {
  if (options.head !== undefined) return loadDefinitions(options.head, { cwd, limits: options.limits });
  const token = (io.env ?? process.env)[TOKEN_VARIABLE];
  if (token === undefined || token.trim() === '') {
    throw new UsageError(`--from-api needs an API token in the ${TOKEN_VARIABLE} environment variable`);
  }
  return loadDefinitionsFromApi({
    token,
    limits: options.limits,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
  });
}

function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) io.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
}

/**
 * Runs `fluid-codegen diff` and resolves to its exit code: 0 when nothing is breaking, 1 when something is
 * or an input is invalid (diagnostics on stderr, nothing on stdout). Usage errors throw {@link UsageError}.
 */
export async function diffCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseDiffArgs(argv);
  if (options === undefined) {
    io.stdout.write(DIFF_HELP);
    return 0;
  }
  const cwd = io.cwd ?? process.cwd();
  const base = await loadDefinitions(options.base, { cwd, limits: options.limits });
  const head = await loadHead(options, io, cwd);
  printDiagnostics(io, [...base.diagnostics, ...head.diagnostics]);
  const failed = [...base.diagnostics, ...head.diagnostics].some((item) => item.severity === 'error');
  if (failed) {
    io.stderr.write('fluid-codegen: invalid input; nothing compared\n');
    return 1;
  }
  let report: Awaited<ReturnType<typeof diffDefinitions>>;
  try {
    report = await diffDefinitions(base.definitions, head.definitions, {
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
      formats: options.formats,
    });
  } catch (error) {
    if (!(error instanceof DiffInputError)) throw error;
    printDiagnostics(io, error.diagnostics);
    io.stderr.write('fluid-codegen: invalid input; nothing compared\n');
    return 1;
  }
  io.stdout.write(formatReport(report, options.format));
  return report.definitions.some((definition) => definition.breaking) ? 1 : 0;
}
