import { afterEach, beforeEach, vi } from 'vitest';

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
