// A droplet service depending on us from npm. `pnpm release:pack` makes the tarballs (building first when a dist/
// is missing or older than its sources); npm, not pnpm, installs them into a project outside the workspace; then
// the project generates code from its own definitions with the installed `fluid-codegen`, type-checks consumers
// under every module resolution TypeScript offers for Node with `skipLibCheck: false`, and loads and runs every
// entry as ESM and as CommonJS, the latter without require(esm), as Node 20 and 22.0–22.11 load it.
// npm fetches the third-party dependencies (ky, zod, ajv, ...) from its cache or the registry.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
/** Generous: npm may go to the registry, and the machine may be busy with other work. */
const SLOW = 900_000;

/** What a process printed, or an error naming the command, its exit code and all of its output. */
function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      command,
      args,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: SLOW,
        env: { ...process.env, NODE_OPTIONS: '', ...env },
      },
      (error, stdout, stderr) => {
        if (error === null) resolvePromise({ stdout, stderr });
        else
          reject(
            new Error(
              `${command} ${args.join(' ')} (in ${cwd}) failed: ${error.message}\n${stdout}\n${stderr}`,
            ),
          );
      },
    );
  });
}

const definition = {
  name: 'order.quote',
  description: 'A price quote for an order.',
  example_response: { total: 12.5, currency: 'USD' },
  request_schema: {
    type: 'object',
    required: ['order_id'],
    properties: { order_id: { type: 'integer' }, coupon: { type: ['string', 'null'] } },
  },
  response_schema: {
    type: 'object',
    required: ['total'],
    properties: { total: { type: 'number' }, currency: { type: 'string' } },
  },
};

/**
 * Uses every entry point of every package, with the service's generated registry flowing through the SDK.
 * `generated` is where the generated modules are, relative to the consumer.
 */
const consumer = (
  generated: string,
) => `import { type CallbackRegistry, callbacks as fluidCallbacks } from '@fluid-droplet/sdk';
import { FluidClient, NotFoundError } from '@fluid-droplet/sdk/client';
import { validateResponses } from '@fluid-droplet/sdk/client/validation';
import { toNodeHandler } from '@fluid-droplet/sdk/node';
import {
  createCallbackHandler,
  createMemoryRegistrations,
  signFluidRequest,
  verifyFluidSignature,
} from '@fluid-droplet/sdk/receive';
import { generate } from '@fluid-droplet/codegen';
import { startEmulator } from '@fluid-droplet/emulator';
import { sampleValid } from '@fluid-droplet/schema-sampler';
import { type CallbackRequest, type OrderQuoteResponse, callbacks, orderQuoteRequestSchema } from '${generated}/index.js';

const registry: CallbackRegistry = callbacks;
const known: CallbackRegistry = fluidCallbacks;
const quote = createCallbackHandler({
  registry: callbacks,
  registrations: createMemoryRegistrations(),
  handlers: {
    'order.quote': async (request) => ({ total: request.order_id * 2, currency: 'USD' }),
  },
});
const server = toNodeHandler(quote);
const request: CallbackRequest<'order.quote'> = orderQuoteRequestSchema.parse({ order_id: 1, coupon: null });
const reply: OrderQuoteResponse = { total: 3 };
// @ts-expect-error order_id is an integer, not a string
const wrong: CallbackRequest<'order.quote'> = { order_id: 'one' };
const client = new FluidClient({ token: 'C-consumer', validateResponses });
export { client, generate, known, NotFoundError, registry, reply, request, sampleValid, server, signFluidRequest };
export { startEmulator, verifyFluidSignature, wrong };
`;

/** Code for runtimes without Node: only Web APIs, no @types/node. */
const edgeConsumer = (entry: string) =>
  entry === 'receive'
    ? `import { createWebhookHandler, verifyFluidSignature } from '@fluid-droplet/sdk/receive';

export const handler: (request: Request) => Promise<Response> = createWebhookHandler({
  dropletSecret: 'dws_edge',
  resolveKeys: () => ['wvt_edge'],
  on: { order_created: async (event) => void event.payload },
});
export const verified = verifyFluidSignature({ rawBody: '{}', headers: new Headers(), keys: ['wvt_edge'] });
`
    : `import { FluidClient } from '@fluid-droplet/sdk/client';

export const webhooks = new FluidClient({ token: 'C-edge' }).webhooks.list();
`;

/** The repo's strict flags, with the module settings of one kind of consumer and library checking on. */
function tsconfig(compilerOptions: Record<string, unknown>, include: string[]): string {
  return JSON.stringify({
    compilerOptions: {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      isolatedModules: true,
      target: 'ES2022',
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
      ...compilerOptions,
    },
    include,
  });
}

/** One installed public package: its name and the subpaths its `exports` map offers. */
interface Installed {
  readonly name: string;
  readonly subpaths: string[];
}

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe('installed with npm from the `pnpm release:pack` tarballs', () => {
  let app = '';
  let tarballs: string[] = [];
  let installed: Installed[] = [];
  const tsc = (project: string, ...flags: string[]) =>
    run(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', project, ...flags], app);

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fluid-consumer-'));
    temp.push(dir);
    const out = join(dir, 'tarballs');
    await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/release-pack.ts', '--build', 'if-stale', '--out', out],
      root,
    );
    tarballs = (await readdir(out)).filter((file) => file.endsWith('.tgz')).map((file) => join(out, file));

    app = join(dir, 'app');
    await mkdir(join(app, 'defs'), { recursive: true });
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    await writeFile(join(app, 'defs', 'order_quote.json'), JSON.stringify(definition));
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--prefer-offline',
        '--loglevel=error',
        ...tarballs,
        'zod@4.6.7',
        'typescript@5.9.3',
        '@types/node@20',
      ],
      app,
    );
    const manifest = JSON.parse(await readFile(join(app, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    installed = [];
    for (const name of Object.keys(manifest.dependencies).filter((dep) =>
      dep.startsWith('@fluid-droplet/'),
    )) {
      const own = JSON.parse(await readFile(join(app, 'node_modules', name, 'package.json'), 'utf8')) as {
        exports: Record<string, unknown>;
      };
      const subpaths = Object.keys(own.exports).filter((subpath) => subpath !== './package.json');
      installed.push({ name, subpaths });
    }

    // The service's own generated code, once in its ESM tree and once in a CommonJS one.
    const codegen = join(app, 'node_modules/.bin/fluid-codegen');
    await run(codegen, ['generate', '--input', 'defs', '--out', 'src/generated'], app);
    await mkdir(join(app, 'cjs'));
    await writeFile(join(app, 'cjs', 'package.json'), JSON.stringify({ type: 'commonjs' }));
    await run(codegen, ['generate', '--input', 'defs', '--out', 'cjs/generated'], app);
  }, SLOW);

  it('packs every public package, with README, CHANGELOG, the root LICENSE and real version ranges', async () => {
    const publics: string[] = [];
    for (const name of await readdir(join(root, 'packages'))) {
      const manifest = JSON.parse(await readFile(join(root, 'packages', name, 'package.json'), 'utf8')) as {
        name: string;
        private?: boolean;
      };
      if (manifest.private !== true) publics.push(manifest.name);
    }
    expect(installed.map((item) => item.name).sort()).toEqual(publics.sort());
    const license = await readFile(join(root, 'LICENSE'), 'utf8');
    expect(license).toContain('MIT License');
    for (const { name } of installed) {
      const dir = join(app, 'node_modules', name);
      expect(await readFile(join(dir, 'LICENSE'), 'utf8'), `${name} LICENSE`).toBe(license);
      expect(await readFile(join(dir, 'README.md'), 'utf8'), `${name} README`).toContain(`# ${name}`);
      expect(await readFile(join(dir, 'CHANGELOG.md'), 'utf8'), `${name} CHANGELOG`).toContain(`# ${name}`);
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
        license: string;
        repository: { url: string };
        dependencies?: Record<string, string>;
      };
      expect(manifest.license).toBe('MIT');
      expect(manifest.repository.url).toMatch(/^git\+https:\/\//);
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
        expect(range, `${name} → ${dependency}`).not.toMatch(/^workspace:/);
      }
    }
  });

  it(
    'loads every CommonJS entry with require() and no require(esm), and every ESM entry with import',
    async () => {
      const specifiers = installed.flatMap(({ name, subpaths }) =>
        subpaths.map((subpath) => (subpath === '.' ? name : `${name}${subpath.slice(1)}`)),
      );
      expect(specifiers).toContain('@fluid-droplet/sdk/node');
      const probe = (load: string) =>
        `const failures = [];
for (const specifier of ${JSON.stringify(specifiers)}) {
  try { const exported = ${load}; if (Object.keys(exported).length === 0) failures.push(specifier + ': exports nothing'); }
  catch (error) { failures.push(specifier + ': ' + String(error && error.message).split('\\n')[0]); }
}
if (failures.length > 0) { console.error(failures.join('\\n')); process.exitCode = 1; }`;
      await writeFile(join(app, 'cjs', 'require-all.cjs'), probe('require(specifier)'));
      await run(
        process.execPath,
        ['--no-experimental-require-module', join(app, 'cjs', 'require-all.cjs')],
        app,
      );
      await writeFile(
        join(app, 'import-all.mjs'),
        `(async () => { ${probe('await import(specifier)')} })();`,
      );
      await run(process.execPath, [join(app, 'import-all.mjs')], app);
    },
    SLOW,
  );

  it(
    'runs the CommonJS build end to end: the client against the emulator, a callback served over node:http',
    async () => {
      const script = `const { createServer } = require('node:http');
const { startEmulator } = require('@fluid-droplet/emulator');
const { FluidClient, NotFoundError } = require('@fluid-droplet/sdk/client');
const { toNodeHandler } = require('@fluid-droplet/sdk/node');
const { tokenDigest } = require('@fluid-droplet/sdk');
const {
  createCallbackHandler,
  createMemoryRegistrations,
  signFluidRequest,
  verifyFluidSignature,
} = require('@fluid-droplet/sdk/receive');

async function main() {
  const fluid = await startEmulator({ tokens: { company: 'C-cjs' } });
  const server = createServer();
  try {
    const client = new FluidClient({ token: fluid.tokens.company, baseUrl: fluid.url });
    const missing = await client.webhooks.get(424242).catch((error) => error);
    if (!(missing instanceof NotFoundError)) throw new Error('expected NotFoundError, got ' + missing);

    const registrations = createMemoryRegistrations();
    const shipping = createCallbackHandler.for(
      'update_cart_shipping',
      async () => ({ shipping_options: [{ shipping_title: 'Standard', shipping_total: 5 }] }),
      { registrations },
    );
    server.on('request', toNodeHandler(shipping));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const registration = await client.callbackRegistrations.create({
      definition_name: 'update_cart_shipping',
      url: 'http://127.0.0.1:' + server.address().port + '/',
      timeout_in_seconds: 20,
    });
    await registrations.upsert({
      uuid: registration.uuid,
      installationUuid: 'installation-cjs',
      definitionName: 'update_cart_shipping',
      url: registration.url,
      tokenDigest: tokenDigest(registration.verification_token),
    });
    const report = await fluid.trigger.callback('update_cart_shipping');
    if (!report.ok) throw new Error('callback failed: ' + JSON.stringify(report));

    const body = '{"name":"order_created"}';
    const headers = await signFluidRequest({ body, key: 'wvt_cjs' });
    const verified = await verifyFluidSignature({ rawBody: body, headers, keys: ['wvt_cjs'] });
    if (!verified.ok) throw new Error('signature did not verify: ' + verified.reason);
    console.log('ok');
  } finally {
    server.close();
    await fluid.close();
  }
}
main().catch((error) => { console.error(error); process.exitCode = 1; });
`;
      await writeFile(join(app, 'cjs', 'service.cjs'), script);
      const { stdout } = await run(
        process.execPath,
        ['--no-experimental-require-module', 'cjs/service.cjs'],
        app,
      );
      expect(stdout.trim()).toBe('ok');
    },
    SLOW,
  );

  it.concurrent(
    'type-checks with module node16 and CommonJS output, skipLibCheck off',
    async () => {
      await writeFile(join(app, 'cjs', 'consumer.ts'), consumer('./generated'));
      await writeFile(
        join(app, 'cjs', 'tsconfig.json'),
        // CommonJS sources written with import syntax cannot use verbatimModuleSyntax.
        tsconfig({ module: 'node16', moduleResolution: 'node16' }, ['**/*.ts']),
      );
      await tsc('cjs');
    },
    SLOW,
  );

  it.concurrent(
    'type-checks with module nodenext and ESM output, skipLibCheck off',
    async () => {
      await mkdir(join(app, 'esm'), { recursive: true });
      await writeFile(join(app, 'esm', 'consumer.ts'), consumer('../src/generated'));
      await writeFile(
        join(app, 'esm', 'tsconfig.json'),
        tsconfig({ module: 'nodenext', moduleResolution: 'nodenext', verbatimModuleSyntax: true }, [
          '*.ts',
          '../src/**/*.ts',
        ]),
      );
      await tsc('esm');
    },
    SLOW,
  );

  it.concurrent(
    'type-checks with moduleResolution bundler, skipLibCheck off',
    async () => {
      await mkdir(join(app, 'bundler'), { recursive: true });
      await writeFile(join(app, 'bundler', 'consumer.ts'), consumer('../src/generated'));
      await writeFile(
        join(app, 'bundler', 'tsconfig.json'),
        tsconfig({ module: 'preserve', moduleResolution: 'bundler', verbatimModuleSyntax: true }, [
          '*.ts',
          '../src/**/*.ts',
        ]),
      );
      await tsc('bundler');
    },
    SLOW,
  );

  it.concurrent(
    'type-checks with moduleResolution node10 (typesVersions finds every subpath), skipLibCheck off',
    async () => {
      await mkdir(join(app, 'node10'), { recursive: true });
      await writeFile(join(app, 'node10', 'consumer.ts'), consumer('../cjs/generated'));
      await writeFile(
        join(app, 'node10', 'tsconfig.json'),
        tsconfig(
          {
            module: 'commonjs',
            moduleResolution: 'node10',
            esModuleInterop: true,
            ignoreDeprecations: '5.0',
          },
          ['*.ts', '../cjs/generated/*.ts'],
        ),
      );
      await tsc('node10');
    },
    SLOW,
  );

  /** A consumer for an edge runtime: Web APIs from the DOM lib, no @types/node in the program. */
  async function edge(entry: 'client' | 'receive'): Promise<void> {
    const dir = join(app, `edge-${entry}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'consumer.ts'), edgeConsumer(entry));
    await writeFile(
      join(dir, 'tsconfig.json'),
      tsconfig(
        {
          module: 'preserve',
          moduleResolution: 'bundler',
          verbatimModuleSyntax: true,
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
        },
        ['*.ts'],
      ),
    );
    const { stdout } = await tsc(dir, '--listFiles');
    // A `/// <reference types="node" />` in our declarations would pull @types/node in despite `types: []`.
    expect(stdout.split('\n').filter((file) => file.includes('/@types/node/'))).toEqual([]);
  }

  it.concurrent('type-checks /client without @types/node (edge runtimes)', () => edge('client'), SLOW);

  it.concurrent('type-checks /receive without @types/node (edge runtimes)', () => edge('receive'), SLOW);
});
