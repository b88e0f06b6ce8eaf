import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledMarket } from '../src/core/match/compiled-market.js';
import type { Samples, WallAndCpu } from './cpu-timing.js';
import { summarizeTimes } from './timing.js';

const SOURCE = fileURLToPath(new URL('./c/deferred-acceptance.c', import.meta.url));
/** The flags a plain build would use; no tuning for this machine. */
const CFLAGS = ['-O2', '-std=c99', '-D_POSIX_C_SOURCE=199309L'];

export type CReference =
  | {
      available: true;
      compiler: string;
      flags: string;
      timing: WallAndCpu;
      samples: Samples;
      assignment: Int32Array;
      proposals: number;
    }
  | { available: false; reason: string };

function compilerVersion(): string | null {
  try {
    return execFileSync('cc', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? 'cc';
  } catch {
    return null;
  }
}

/** The market as bench/c/deferred-acceptance.c reads it: a header, then the CSR arrays, all int32 LE. */
export function writeMarketFile(market: CompiledMarket, path: string): void {
  if (market.coupleCount > 0) throw new Error('the C reference solves couple-free markets only');
  const parts = [
    Int32Array.of(
      market.applicantCount,
      market.programCount,
      market.applicantRol.length,
      market.programRol.length,
    ),
    market.capacity,
    market.applicantRolOffsets,
    market.applicantRol,
    market.programRolOffsets,
    market.programRol,
  ];
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const all = new Int32Array(length);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  // Typed arrays use the platform's byte order; every machine Node supports here is little-endian.
  writeFileSync(path, new Uint8Array(all.buffer));
}

/**
 * Compiles the C reference with the system `cc` into a temporary directory and solves `market` with it
 * `runs` times in one process; timings come from the C program's own clocks (wall and CPU) around each solve
 * (reading the file and starting the process are not timed). Unavailable, with the reason, when there is no `cc`.
 */
export function runCReference(market: CompiledMarket, runs: number): CReference {
  const compiler = compilerVersion();
  if (compiler === null) return { available: false, reason: 'no C compiler (`cc`) on this machine' };
  const dir = mkdtempSync(join(tmpdir(), 'matchwise-c-da-'));
  try {
    const binary = join(dir, 'deferred-acceptance');
    execFileSync('cc', [...CFLAGS, '-o', binary, SOURCE], { stdio: 'pipe' });
    const input = join(dir, 'market.bin');
    const output = join(dir, 'assignment.bin');
    writeMarketFile(market, input);
    const stdout = execFileSync(binary, [input, output, String(runs)], { encoding: 'utf8' });
    const lines = [...stdout.matchAll(/^ms ([\d.]+) ([\d.]+)$/gm)];
    const wall = lines.map((m) => Number(m[1]));
    const cpu = lines.map((m) => Number(m[2]));
    const proposals = Number(/^proposals (\d+)$/m.exec(stdout)?.[1] ?? Number.NaN);
    const bytes = readFileSync(output);
    const assignment = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
    return {
      available: true,
      compiler,
      flags: CFLAGS.join(' '),
      timing: { wall: summarizeTimes(wall), cpu: summarizeTimes(cpu) },
      samples: { wall, cpu },
      assignment,
      proposals,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
