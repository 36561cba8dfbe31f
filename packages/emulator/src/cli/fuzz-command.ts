import type { FuzzCase, FuzzReport } from '../delivery/fuzz-callback.js';
import { fuzzCallback } from '../delivery/fuzz-callback.js';
import type { RequestSampler } from '../delivery/request-sampler.js';
import { createSchemaValidator } from '../delivery/schema-validator.js';
import { callControl } from './control-client.js';
import type { CliIo } from './io.js';
import {
  pickDefinition,
  readDefinitions,
  readInteger,
  readJson,
  readUrl,
  required,
} from './shared-options.js';

/** Options of `fuzz`. */
export interface FuzzOptions {
  readonly url?: string;
  readonly key?: string;
  readonly n?: string;
  readonly seed?: string;
  readonly definitions?: string;
  readonly timeout?: string;
  readonly shop?: string;
  readonly neutral?: string;
}

/**
 * `fuzz <name>`: sends `-n` requests, valid ones and near misses alternating, and reports every case whose reply
 * was wrong: a valid request refused or answered outside `response_schema`, a near miss accepted. Through a running
 * emulator the registration of `name` is fuzzed; standalone, `--url` with `--key`. Exit 1 when any case failed.
 */
export async function fuzz(
  name: string,
  options: FuzzOptions,
  sampler: RequestSampler,
  emulator: string | undefined,
  io: CliIo,
): Promise<number> {
  const count = readInteger(options.n, '-n', 1, emulator === undefined ? 100_000 : 1000) ?? 200;
  const seed = readInteger(options.seed, '--seed', 0, 2 ** 31) ?? 1;
  const neutral = readJson(options.neutral, '--neutral');
  let report: FuzzReport;
  if (emulator !== undefined) {
    const result = await callControl(emulator, '/_emulator/callbacks/fuzz', {
      name,
      count,
      seed,
      ...(options.shop === undefined ? {} : { shop: options.shop }),
      ...(neutral === undefined ? {} : { neutral }),
    });
    report = result.report as FuzzReport;
  } else {
    const url = readUrl(options.url);
    const key = required(options.key, '--key');
    const timeoutSeconds = readInteger(options.timeout, '--timeout', 1, 20) ?? 20;
    const definition = pickDefinition(await readDefinitions(options.definitions, io), name);
    report = await fuzzCallback({
      definition,
      url,
      token: key,
      timeoutSeconds,
      validator: createSchemaValidator(),
      sampler,
      seed,
      count,
      ...(neutral === undefined ? {} : { neutral }),
    });
  }
  for (const item of report.cases) {
    if (item.verdict === 'pass') continue;
    printFailure(item, io);
  }
  const nearMisses = report.cases.filter((item) => item.kind === 'near_miss').length;
  io.out(
    `${report.cases.length} requests to ${name} (seed ${report.seed}; ${report.cases.length - nearMisses} valid, ` +
      `${nearMisses} near misses): ${report.passed} passed, ${report.failed} failed`,
  );
  return report.failed === 0 ? 0 : 1;
}

function printFailure(item: FuzzCase, io: CliIo): void {
  io.out(`FAIL #${item.index} ${item.kind}: ${item.reason}`);
  for (const issue of item.requestIssues) io.out(`  breaks:  ${issue.pointer || '/'} ${issue.message}`);
  io.out(`  request: ${JSON.stringify(item.request)}`);
  if (item.report.body !== undefined) io.out(`  reply:   ${JSON.stringify(item.report.body)}`);
}
