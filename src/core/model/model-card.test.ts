import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function run(script: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--check'], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the model regenerates from code', () => {
  it('docs/model-card.md is what npm run model-card builds now', () => {
    const { status, output } = run('scripts/model-card.ts');
    expect(status, output).toBe(0);
  }, 300_000);

  it('src/core/model/fitted.ts is what npm run model:fit fits now', () => {
    const { status, output } = run('scripts/fit-model.ts');
    expect(status, output).toBe(0);
  }, 300_000);
});
