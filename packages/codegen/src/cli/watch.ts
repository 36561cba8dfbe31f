import { watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/**
 * Calls `onChange` (never concurrently) after changes under `path` settle for `debounceMs`, until
 * `signal` aborts; `onReady` runs once changes are being watched. A file is watched through its
 * folder so editors that replace it are seen.
 */
export async function watchInput(
  path: string,
  onChange: () => Promise<void>,
  signal: AbortSignal,
  onReady: () => void = () => {},
  debounceMs = 100,
): Promise<void> {
  const isDirectory = (await stat(path)).isDirectory();
  const folder = isDirectory ? path : dirname(path);
  const only = isDirectory ? undefined : basename(path);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  const run = (): void => {
    if (pending) return;
    pending = true;
    running = running.then(async () => {
      pending = false;
      await onChange();
    });
  };
  const watcher = watch(folder, (_event, name) => {
    if (only !== undefined && name !== null && name !== only) return;
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  });
  onReady();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  watcher.close();
  await running;
}
