// SIGINT and SIGTERM sent to the real executable while it generates: the output folder stays as it was.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, snapshotDir, startCli, tempDir } from '../helpers.js';

/** Enough definitions that generating them takes seconds, plus one with an unknown field to announce the load. */
async function bigInput(dir: string, count: number): Promise<void> {
  await mkdir(join(dir, 'defs'), { recursive: true });
  for (let index = 0; index < count; index += 1) {
    const schema = {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string' }, [`field_${index}`]: { type: 'integer', minimum: index } },
    };
    await writeFile(
      join(dir, 'defs', `callback_${String(index).padStart(4, '0')}.json`),
      JSON.stringify({ name: `callback_${index}`, request_schema: schema, response_schema: schema }),
    );
  }
  await writeFile(
    join(dir, 'defs', 'announce.json'),
    JSON.stringify({ name: 'announce', request_schema: {}, response_schema: {}, loaded_marker: true }),
  );
}

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('fluid-codegen generate stopped by %s', (signal, exitCode) => {
  it(`leaves the output folder as it was and exits ${exitCode}`, async () => {
    const dir = await tempDir();
    await bigInput(dir, 5);
    expect((await runCli(['generate', '--input', 'defs', '--out', 'out'], dir)).code).toBe(0);
    const before = await snapshotDir(join(dir, 'out'));
    await bigInput(join(dir, 'more'), 600);
    const child = startCli(['generate', '--input', 'more/defs', '--out', 'out'], dir);
    let stderr = '';
    const loaded = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // The loader's warning is printed before generation starts: the run is now in progress.
        if (stderr.includes('loaded_marker')) resolve();
      });
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await loaded;
    child.kill(signal);
    expect(await closed).toBe(exitCode);
    expect(stderr).toContain('interrupted');
    expect(await snapshotDir(join(dir, 'out'))).toEqual(before);
    // Nothing beside the folder but the stat cache the first run left there.
    expect((await readdir(dir)).filter((name) => name.startsWith('.fluid-codegen-'))).toEqual([
      '.fluid-codegen-out.stat.json',
    ]);
  }, 120_000);
});
