import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LockTimeoutError, OutputError, systemErrorCode } from '../errors/codegen-error.js';

/** A held lock; call `release` exactly once. */
export interface Lock {
  readonly path: string;
  release(): Promise<void>;
}

/** How long a lock folder without an owner file may exist before it counts as abandoned. */
const OWNERLESS_GRACE_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return systemErrorCode(error) === 'EPERM';
  }
}

async function ownerOf(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(join(path, 'owner'), 'utf8'), 10);
    return Number.isSafeInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the lock at `path` belongs to nobody any more (its process died, e.g. `kill -9`). */
async function isAbandoned(path: string): Promise<boolean> {
  const pid = await ownerOf(path);
  if (pid !== undefined) return !isAlive(pid);
  try {
    return Date.now() - (await stat(path)).mtimeMs > OWNERLESS_GRACE_MS;
  } catch {
    return false;
  }
}

/**
 * Takes the lock folder at `path` (mkdir is atomic), waiting up to `timeoutMs` while a live process
 * holds it and taking over one left behind by a dead process.
 */
export async function acquireLock(path: string, timeoutMs: number): Promise<Lock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(path);
      await writeFile(join(path, 'owner'), String(process.pid));
      return { path, release: () => rm(path, { recursive: true, force: true }) };
    } catch (error) {
      const code = systemErrorCode(error);
      if (code !== 'EEXIST') throw new OutputError('cannot create the lock', path, code, { cause: error });
    }
    if (await isAbandoned(path)) {
      // Rename first so two processes that both find it abandoned cannot both delete a fresh lock.
      const aside = `${path}-stale-${randomBytes(4).toString('hex')}`;
      try {
        await rename(path, aside);
        await rm(aside, { recursive: true, force: true });
      } catch {
        // Another process took it over first; try again.
      }
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeoutError(path, await ownerOf(path));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
