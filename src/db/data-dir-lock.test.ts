import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'matchwise-lock-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('refuses a second opener while the first holds the directory, and allows it after release', async () => {
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    await release();
    await release();
    const again = await lockDataDir(dir);
    expect(await readFile(path.join(dir, 'matchwise.lock'), 'utf8')).toBe(String(process.pid));
    await again();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    // PIDs are below 2^22 on Linux, so this one cannot be running.
    await writeFile(path.join(dir, 'matchwise.lock'), '99999999');
    const release = await lockDataDir(dir);
    await release();
  });

  it('takes over a lock naming this very pid that this process did not take (a restarted container’s PID 1)', async () => {
    await writeFile(path.join(dir, 'matchwise.lock'), String(process.pid));
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    await release();
  });
});
