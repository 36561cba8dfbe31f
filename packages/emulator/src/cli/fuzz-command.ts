import { callCallback } from '../delivery/call-callback.js';
import { type RequestSampler, sampleRequests } from '../delivery/request-sampler.js';
import { createSchemaValidator } from '../delivery/schema-validator.js';
import { SamplingError } from '../errors/emulator-error.js';
import type { CliIo } from './io.js';
import { pickDefinition, readDefinitions, readInteger, readUrl, required } from './shared-options.js';
import { describeFailure } from './trigger-command.js';

/** Options of `fuzz`. */
export interface FuzzOptions {
  readonly url?: string;
  readonly key?: string;
  readonly n?: string;
  readonly seed?: string;
  readonly definitions?: string;
  readonly timeout?: string;
}

/**
 * `fuzz <name>`: sends `-n` schema-valid requests (the sampler includes edge values) and reports every reply that
 * failed `response_schema`, timed out or errored; exit 1 when any did.
 */
export async function fuzz(
  name: string,
  options: FuzzOptions,
  sampler: RequestSampler,
  io: CliIo,
): Promise<number> {
  const url = readUrl(options.url);
  const key = required(options.key, '--key');
  const count = readInteger(options.n, '-n', 1, 100_000) ?? 200;
  const seed = readInteger(options.seed, '--seed', 0, 2 ** 31) ?? 1;
  const timeoutSeconds = readInteger(options.timeout, '--timeout', 1, 20) ?? 20;
  const definition = pickDefinition(await readDefinitions(options.definitions), name);
  const validator = createSchemaValidator();
  const requests = sampleRequests(definition, { seed, count, sampler, validator });
  if (requests.length === 0) throw new SamplingError(name);

  let failed = 0;
  for (const [index, request] of requests.entries()) {
    const report = await callCallback({ definition, url, token: key, timeoutSeconds, request, validator });
    if (report.ok) continue;
    failed++;
    io.out(`FAIL #${index} ${describeFailure(report)}`);
    io.out(`  request: ${JSON.stringify(request)}`);
    if (report.body !== undefined) io.out(`  reply:   ${JSON.stringify(report.body)}`);
  }
  io.out(
    `${requests.length} requests to ${name} (seed ${seed}): ${requests.length - failed} ok, ${failed} failed`,
  );
  return failed === 0 ? 0 : 1;
}
