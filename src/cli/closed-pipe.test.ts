import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from './package-root.js';
import { cliIn } from './testing/cli-in.js';

/** Runs the real `matchwise` in a child process and closes its stdout after the first chunk, as `| head` does. */
function runUntilFirstChunk(
  env: Record<string, string>,
  argv: string[],
): Promise<{ code: number | null; firstChunk: string; stderr: string }> {
  // The CLI must open this test's PGlite directory, never a PostgreSQL database named in the environment.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'cli', 'main.ts'), ...argv], {
    cwd: packageRoot(),
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let firstChunk = '';
  let stderr = '';
  child.stdout.once('data', (chunk: Buffer) => {
    firstChunk = chunk.toString('utf8');
    child.stdout.destroy();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, firstChunk, stderr }));
  });
}

describe('matchwise … | head', () => {
  let dir: string;
  let cli: ReturnType<typeof cliIn>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-pipe-'));
    cli = cliIn(dir);
    // 400 demo programs make a JSON list of several hundred kilobytes, far more than a pipe holds.
    expect((await cli.run('catalog', 'demo')).code).toBe(0);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('exits quietly, with no EPIPE stack trace, when the reader closes the pipe early', async () => {
    const { code, firstChunk, stderr } = await runUntilFirstChunk(cli.env, [
      'programs',
      'list',
      '--format',
      'json',
    ]);
    expect(firstChunk.startsWith('[')).toBe(true);
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(code).toBe(0);
  });
});
