/** Everything the CLI touches outside itself, so tests can run commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  homeDir: string;
  cwd: string;
  /** Set to non-zero when a command fails; main.ts copies it to process.exitCode. */
  exitCode: number;
}
