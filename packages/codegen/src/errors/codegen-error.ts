/** Base class of every error the generator throws on purpose; a CLI prints its message and exits 1. */
export class CodegenError extends Error {
  override readonly name: string = 'CodegenError';
}

/**
 * The output folder could not be read or written: `path` is the file or folder concerned and `code`
 * the system error code (`EACCES`, `ENOTDIR`, ...) when there is one.
 */
export class OutputError extends CodegenError {
  override readonly name: string = 'OutputError';
  constructor(
    message: string,
    readonly path: string,
    readonly code: string | undefined,
    options?: ErrorOptions,
  ) {
    super(`${message}: ${path}${code === undefined ? '' : ` (${code})`}`, options);
  }
}

/** Another `generate` process holds the output folder's lock for longer than we were willing to wait. */
export class LockTimeoutError extends CodegenError {
  override readonly name: string = 'LockTimeoutError';
  constructor(
    readonly lockPath: string,
    readonly ownerPid: number | undefined,
  ) {
    super(
      `another generation is in progress${ownerPid === undefined ? '' : ` (pid ${ownerPid})`}; lock held at ${lockPath}`,
    );
  }
}

/** Whether `error` is one of the generator's own errors (a user mistake, not a crash). */
export function isCodegenError(error: unknown): error is CodegenError {
  return error instanceof CodegenError;
}

/** The system error code of a Node.js file-system error, if it has one. */
export function systemErrorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * A file changed while the run used what an earlier run recorded about it (its stats matched, its bytes no
 * longer did): an input file, or a module in the output folder. The CLI catches it and runs again, reading
 * every file.
 */
export class FileChangedError extends CodegenError {
  override readonly name: string = 'FileChangedError';
  constructor(
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(`file changed during the run: ${file}`, options);
  }
}
