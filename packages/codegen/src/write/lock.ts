import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockTimeoutError, OutputError, systemErrorCode } from '../errors/codegen-error.js';

/** A held lock; call `release` exactly once. */
export interface Lock {
  readonly path: string;
  release(): Promise<void>;
}

/** How long a lock folder without an owner file may exist before it counts as abandoned. */
const OWNERLESS_GRACE_MS = 10_000;
/** A takeover takes milliseconds; a takeover folder this old was left by a process that died in it. */
const TAKEOVER_GRACE_MS = 10_000;

/** Who holds a lock: the process and a token unique to this acquisition. */
interface Owner {
  readonly pid: number;
  readonly token: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return systemErrorCode(error) === 'EPERM';
  }
}

async function ownerOf(path: string): Promise<Owner | undefined> {
  try {
    const [pid, token = ''] = (await readFile(join(path, 'owner'), 'utf8')).split(' ');
    const number = Number.parseInt(pid ?? '', 10);
    return Number.isSafeInteger(number) ? { pid: number, token } : undefined;
  } catch {
    return undefined;
  }
}

async function ageOf(path: string): Promise<number | undefined> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The lock instance at `path` if it belongs to nobody any more (its process died, e.g. `kill -9`),
 * identified by its owner token; `undefined` when it is alive, young or gone.
 */
async function abandoned(path: string): Promise<{ token: string | undefined } | undefined> {
  const owner = await ownerOf(path);
  if (owner !== undefined) return isAlive(owner.pid) ? undefined : { token: owner.token };
  const age = await ageOf(path);
  return age !== undefined && age > OWNERLESS_GRACE_MS ? { token: undefined } : undefined;
}

/** Moves `path` aside and deletes it, so a half-deleted folder never sits at `path`. */
async function removeAside(path: string): Promise<void> {
  const aside = `${path}-stale-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  await rm(aside, { recursive: true, force: true });
}

/**
 * Removes the abandoned lock at `path`, safely with any number of waiters: only the waiter holding
 * the takeover folder (`<path>.takeover`, made with an atomic mkdir) may remove it, and only after
 * checking, while holding it, that the lock is still the same dead instance. Without this, a waiter
 * that judged the old lock dead could remove the fresh lock another waiter had just taken.
 */
async function takeOver(path: string, stale: { token: string | undefined }): Promise<void> {
  const takeover = `${path}.takeover`;
  try {
    await mkdir(takeover);
  } catch (error) {
    if (systemErrorCode(error) !== 'EEXIST') throw error;
    const age = await ageOf(takeover);
    // Its holder died inside the takeover: clear it and let the next round try again.
    if (age !== undefined && age > TAKEOVER_GRACE_MS) await removeAside(takeover);
    return;
  }
  try {
    const now = await abandoned(path);
    if (now !== undefined && now.token === stale.token) await removeAside(path);
  } finally {
    await rm(takeover, { recursive: true, force: true });
  }
}

/**
 * Takes the lock folder at `path` (mkdir is atomic), waiting up to `timeoutMs` while a live process
 * holds it and taking over one left behind by a dead process. Rejects with the signal's reason when
 * `signal` aborts while waiting.
 */
export async function acquireLock(path: string, timeoutMs: number, signal?: AbortSignal): Promise<Lock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    try {
      // Synchronous, as the writer's other bookkeeping: two cheap calls on every run.
      mkdirSync(path);
      const token = randomBytes(8).toString('hex');
      writeFileSync(join(path, 'owner'), `${process.pid} ${token}`);
      return {
        path,
        release: async () => rmSync(path, { recursive: true, force: true }),
      };
    } catch (error) {
      const code = systemErrorCode(error);
      if (code !== 'EEXIST') throw new OutputError('cannot create the lock', path, code, { cause: error });
    }
    const stale = await abandoned(path);
    if (stale !== undefined) {
      await takeOver(path, stale);
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeoutError(path, (await ownerOf(path))?.pid);
    await sleep(20 + Math.floor(Math.random() * 40));
  }
}
