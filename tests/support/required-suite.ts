import { describe, it } from 'vitest';

/**
 * A suite that needs something outside the repo (Chromium, PostgreSQL, ../shared data).
 * Without it the suite skips and says why; under CI=true it fails instead, because CI must run it.
 */
export function describeRequiring(
  title: string,
  requirement: { available: boolean; missing: string },
  body: () => void,
): void {
  if (requirement.available) {
    describe(title, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      it(`requires ${requirement.missing}`, () => {
        throw new Error(`${title} is required under CI=true but ${requirement.missing} is missing`);
      });
    });
    return;
  }
  console.warn(`[skipped] ${title}: ${requirement.missing} is missing`);
  describe.skip(`${title} (skipped: ${requirement.missing} is missing)`, body);
}
