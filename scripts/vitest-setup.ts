import { afterAll, afterEach, beforeEach, vi } from 'vitest';

// A worker process runs many test files one after another (`isolate: false` in vitest.config.ts: no new process,
// and no new load of typescript, zod or PGlite, for every file). Vitest runs this file again before each test file;
// it starts the file as a fresh process would as far as the project's code goes. Every module of the project's own
// (the workspace packages resolve to their sources) is evaluated afresh, so module state and the hooks a test
// helper registers when imported never carry over, and what a file may change in the process is put back when it
// ends. Packages from node_modules load once per worker.
vi.resetModules();
const env = { ...process.env };
const cwd = process.cwd();

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  for (const key of Object.keys(process.env)) {
    if (!(key in env)) delete process.env[key];
  }
  Object.assign(process.env, env);
  if (process.cwd() !== cwd) process.chdir(cwd);
});

// Tests stay quiet: a stray console call fails the test that made it. A test that expects
// output replaces the spy with its own (`vi.spyOn(console, 'warn')`) and asserts on it.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let stray: string[] = [];

beforeEach(() => {
  stray = [];
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      stray.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (stray.length > 0) {
    const lines = stray;
    stray = [];
    throw new Error(`unexpected console output in a test:\n${lines.join('\n')}`);
  }
});
