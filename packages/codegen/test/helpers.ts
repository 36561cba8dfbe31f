import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { staleBuild } from '../../../scripts/release-pack.js';
import { main } from '../src/cli/main.js';
import type { SourcedDefinition } from '../src/load/definition.js';

export const codegenRoot = resolve(import.meta.dirname, '..');
export const repoRoot = resolve(codegenRoot, '../..');
export const binSource = join(codegenRoot, 'src/cli/bin.ts');
const tsxLoader = join(repoRoot, 'node_modules/tsx/dist/loader.mjs');
/**
 * How to start the executable: the built `dist/cli.js` (what `npm install` gives a user) when every package's dist/
 * is built from the current sources, else the sources through tsx. Decided once per file. A built child starts in a
 * fraction of the time (tsx transforms the whole program again in every child). The test is `pnpm release:pack`'s:
 * the consumer test rebuilds only when it says stale, so a dist/ in use here is never rebuilt under a running test.
 */
const command: readonly string[] =
  staleBuild() === undefined ? [join(codegenRoot, 'dist/cli.js')] : ['--import', tsxLoader, binSource];

const created: string[] = [];

/** A fresh temp folder, removed after the test. */
export async function tempDir(prefix = 'fluid-codegen-test-'): Promise<string> {
  const dir = await mkdtemp(isAbsolute(prefix) ? prefix : join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});

const servers: Server[] = [];

/**
 * Starts an HTTP server on 127.0.0.1 that answers every request with `handler`, closed after the test; resolves to
 * its origin (`http://127.0.0.1:<port>`).
 */
export async function serveLoopback(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** Every file under `dir` (recursively) with its contents, keyed by relative path; `{}` when missing. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path, `${prefix}${entry.name}/`);
      else result[`${prefix}${entry.name}`] = await readFile(path, 'utf8');
    }
  };
  if (
    await stat(dir).then(
      () => true,
      () => false,
    )
  )
    await walk(dir, '');
  return result;
}

/** A definition as the loader would produce it. */
export function sourced(
  name: string,
  overrides: Partial<SourcedDefinition['definition']> = {},
  source = `${name}.json`,
): SourcedDefinition {
  return {
    source,
    definition: {
      name,
      description: null,
      example_response: null,
      request_schema: { type: 'object' },
      response_schema: { type: 'object' },
      ...overrides,
    },
  };
}

/** Outcome of a finished CLI process. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Starts the real `fluid-codegen` executable in `cwd`: built when fresh, else from source through tsx, which
 * reads the repo's tsconfig whatever `cwd` is, so workspace packages resolve to their sources.
 */
export function startCli(args: readonly string[], cwd: string) {
  return spawn(process.execPath, [...command, ...args], {
    cwd,
    env: { ...process.env, NODE_OPTIONS: '', TSX_TSCONFIG_PATH: join(repoRoot, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the real `fluid-codegen` executable to completion. */
export function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  const child = startCli(args, cwd);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

/** Runs `main` in process from `cwd` with captured output; `env` stands in for `process.env` when given. */
export async function runMain(
  args: readonly string[],
  cwd: string,
  env?: Record<string, string | undefined>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    ...(env === undefined ? {} : { env }),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}
