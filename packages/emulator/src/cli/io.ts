/** Where the CLI writes; a test passes buffers, `bin.ts` passes the process streams. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}
