// Our OpenAPI document against Fluid's integrations-v0 for the installation exchange (the excerpt and the response
// examples stored in ../shared/fluid/data/openapi/integrations-v0/): the same shapes, every documented status,
// Fluid's examples valid against our schemas, and the client turning each example into the right result or error.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluidClient, GoneError, NotFoundError, UnprocessableEntityError } from '@fluid-droplet/sdk/client';
import { validateResponses } from '@fluid-droplet/sdk/client/validation';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';
import { type Doc, differences } from '../support/openapi-diff.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const folder = `${root}../shared/fluid/data/openapi/integrations-v0/`;
const excerptPath = `${folder}integrations-v0.exchange-excerpt.yaml`;
const oursPath = `${root}definitions/openapi/fluid-api.yaml`;
const EXCHANGE = '/api/droplet_installations/exchange';
const present = existsSync(excerptPath);
if (!present) {
  process.stderr.write(`skipping the integrations-v0 conformance test: ${excerptPath} is absent\n`);
}

/** Every intended difference, one line each: where, what, and why. None so far. */
const INTENDED_DIFFERENCES: Readonly<Record<string, string>> = {};

// ajv-formats is CommonJS: its default export arrives wrapped or not depending on the loader.
const addFormats = ('default' in addFormatsModule
  ? addFormatsModule.default
  : addFormatsModule) as unknown as (ajv: Ajv2020) => void;

const readJson = (name: string): unknown => JSON.parse(readFileSync(`${folder}${name}`, 'utf8'));

function operation(doc: Doc, path: string, method: string): Record<string, unknown> {
  const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
  const found = paths[path]?.[method];
  if (found === undefined) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return found;
}

describe.skipIf(!present)(
  "our OpenAPI document against Fluid's integrations-v0 (installation exchange)",
  () => {
    const ours = parse(readFileSync(oursPath, 'utf8')) as Doc;
    const fluid = present ? (parse(readFileSync(excerptPath, 'utf8')) as Doc) : {};

    it('differs only where the table says, and every table entry is still a real difference', () => {
      expect(differences(ours, fluid).sort()).toEqual(Object.keys(INTENDED_DIFFERENCES).sort());
    });

    it('documents every path, method and status Fluid documents there', () => {
      for (const [path, item] of Object.entries(fluid.paths as Record<string, Record<string, unknown>>)) {
        for (const method of Object.keys(item)) {
          const theirs = Object.keys((operation(fluid, path, method).responses ?? {}) as object);
          const mine = Object.keys((operation(ours, path, method).responses ?? {}) as object);
          expect(mine, `${method.toUpperCase()} ${path}`).toEqual(expect.arrayContaining(theirs));
          expect(operation(ours, path, method).security).toEqual([]);
        }
      }
    });

    it("Fluid's response examples are valid against our schemas for their status", () => {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      ajv.addSchema(ours, 'ours');
      const responses = operation(ours, EXCHANGE, 'post').responses as Record<string, unknown>;
      for (const status of ['200', '404', '410', '422']) {
        const content = JSON.stringify(responses[status]);
        const ref = /"\$ref":"(#\/components\/schemas\/[A-Za-z]+)"/.exec(content)?.[1];
        if (ref === undefined) throw new Error(`no schema for ${status}`);
        const validate = ajv.getSchema(`ours${ref}`);
        if (validate === undefined) throw new Error(`cannot compile ${ref}`);
        const example = readJson(`exchange-${status}.json`);
        expect(validate(example), `${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        // And a body without meta is not: Fluid always sends it.
        const { meta: _meta, ...withoutMeta } = example as Record<string, unknown>;
        expect(validate(withoutMeta), `${status} without meta`).toBe(false);
      }
    });

    it('catches a drift: the previous document (no meta, legacy error bodies) would be reported', () => {
      const mutated = structuredClone(ours);
      const schemas = (mutated.components as { schemas: Record<string, { required: string[] }> }).schemas;
      const exchange = schemas.DropletInstallationExchange;
      if (exchange === undefined) throw new Error('no DropletInstallationExchange schema');
      exchange.required = exchange.required.filter((key) => key !== 'meta');
      const responses = operation(mutated, EXCHANGE, 'post').responses as Record<string, unknown>;
      responses['410'] = {
        description: 'gone',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/StandardErrorResponse' } } },
      };
      expect(differences(mutated, fluid)).toEqual(
        expect.arrayContaining([
          `POST ${EXCHANGE} 410 /errors: required ours=false fluid=true`,
          `POST ${EXCHANGE} 410 /meta/request_id: required ours=false fluid=true`,
        ]),
      );
    });
  },
);

describe.skipIf(!present)("the client on Fluid's exchange examples", () => {
  let server: FaultServer;
  beforeEach(async () => {
    server = await startFaultServer();
  });
  afterEach(async () => {
    await server.close();
  });
  const anonymous = () => new FluidClient({ baseUrl: server.url, validateResponses });

  it('200: the installation and credentials, without meta, with the request id', async () => {
    const example = readJson('exchange-200.json') as Record<string, unknown>;
    server.script(`POST ${EXCHANGE}`, { body: example });
    const { data, requestId } = await anonymous().dropletInstallations.exchange('dex_1').withResponse();
    const { meta: _meta, ...expected } = example;
    expect(data).toEqual(expected);
    expect(requestId).toBe('3b1f6c2e-8d4a-4e7b-9f05-a2c1d6e8b347');
  });

  it.each([
    [404, NotFoundError, 'invalid or not found'],
    [410, GoneError, 'expired or already used'],
    [422, UnprocessableEntityError, 'is missing'],
  ] as const)(
    '%i -> %o with errors.exchange_token as fieldErrors, not retried',
    async (status, type, why) => {
      server.script(`POST ${EXCHANGE}`, { status, body: readJson(`exchange-${status}.json`) });
      const error = await anonymous()
        .dropletInstallations.exchange('dex_1')
        .then(
          () => undefined,
          (failure: unknown) => failure,
        );
      expect(type.is(error)).toBe(true);
      if (!type.is(error)) return;
      expect(error.fieldErrors).toEqual({ exchange_token: [why] });
      expect(error.requestId).toBe('3b1f6c2e-8d4a-4e7b-9f05-a2c1d6e8b347');
      expect(error.message).toContain(`exchange_token ${why}`);
      expect(server.requests).toHaveLength(1);
    },
  );
});
