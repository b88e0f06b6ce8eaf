/** Everything the CLI touches outside itself, so tests can run commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  homeDir: string;
  cwd: string;
  /** Set to non-zero when a command fails; main.ts copies it to process.exitCode. */
  exitCode: number;
  /** All of standard input, for secrets that must not sit in argv or shell history (`--password-stdin`). */
  readStdin?: () => Promise<string>;
}

/**
 * Writes to stdout or stderr until the reader goes away (`matchwise programs list | head -1`), then drops the
 * rest: the command still finishes and closes the database, and the shell sees a quiet exit instead of an
 * EPIPE stack trace. Any other write error still surfaces.
 *
 * @example
 * const stdout = writerUntilPipeCloses(process.stdout);
 */
export function writerUntilPipeCloses(stream: NodeJS.WriteStream): (text: string) => void {
  let readerGone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  return (text) => {
    if (!readerGone) stream.write(text);
  };
}
