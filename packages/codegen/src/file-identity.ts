// What tells one version of a file from another without reading it, as git's index does, and when a file's
// stats can be trusted on a later run.

/** A file's stats that change whenever its contents do (short of someone forging them all). */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  /** Set by the kernel on every change to the file, `utimes` included, so an mtime put back is still seen. */
  readonly ctimeMs: number;
}

/** The identity of a file from its stats. */
export function identityOf(info: FileIdentity): FileIdentity {
  return { dev: info.dev, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
}

/** Whether two identities are the same version of a file. */
export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return (
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs &&
    a.dev === b.dev
  );
}

/**
 * How long before its stats were taken a file must have last changed for them to be trusted on a later run:
 * longer than a timestamp tick plus the lag of the clock the kernel stamps files with (a jiffy on Linux, at
 * most 10 ms; about 16 ms on Windows). A file system that stamps whole seconds (FAT keeps two, HFS+ one) gets
 * the long margin; one with finer stamps the short one.
 */
const COARSE_MARGIN_MS = 3000;
const FINE_MARGIN_MS = 50;

/**
 * Whether a file whose stats were `identity` when they were taken at `seenAtMs` (`Date.now()` just before the
 * stat or the read) can be recognised by those stats on a later run: git's "racily clean" guard. A later change
 * gets a timestamp at or after `seenAtMs` (less a tick), so a file that last changed safely before cannot
 * change again and keep both its mtime and ctime. One that changed just before is read again next time.
 */
export function isSettled(identity: FileIdentity, seenAtMs: number): boolean {
  const { mtimeMs, ctimeMs } = identity;
  const fine = mtimeMs % 1000 !== 0 && ctimeMs % 1000 !== 0;
  const margin = fine ? FINE_MARGIN_MS : COARSE_MARGIN_MS;
  return Math.max(mtimeMs, ctimeMs) < seenAtMs - margin;
}
