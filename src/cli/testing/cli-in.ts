import path from 'node:path';
import { runCli } from '../build-cli.js';
import type { CliIo } from '../cli-io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `matchwise …` in-process against a PGlite data directory of the test's own (`<dir>/data` unless given), with
 * `dir` as home and working directory. `env` is what the CLI sees, for opening the same database directly.
 *
 * @example
 * const { run } = cliIn(await mkdtemp(path.join(os.tmpdir(), 'matchwise-')));
 * const { code, stdout } = await run('programs', 'list', '--format', 'json');
 */
export function cliIn(dir: string, { dataDir = path.join(dir, 'data') } = {}) {
  const env = { MATCHWISE_DATA_DIR: dataDir };
  const run = async (...argv: string[]): Promise<CliRun> => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      env,
      homeDir: dir,
      cwd: dir,
      exitCode: 0,
    };
    const code = await runCli(io, argv);
    return { code, stdout, stderr };
  };
  return { run, env };
}
