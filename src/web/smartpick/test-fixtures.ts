import { type Recommendation, recommend } from '../../core/smartpick/recommend.js';
import type { RecommendSettings } from '../../core/smartpick/settings.js';
import { fact, program, usImgProfile } from '../../core/smartpick/test-support.js';

/**
 * A real recommendation for the tests of the page's helpers: Dr. Rivera (U.S. IMG, Step 2 CK 235, 3 months
 * USCE, ties to Florida) and 30 community programs whose typical Step 2 CK runs from 215 to 260, a few of them
 * IMG-friendly, one that does not consider IMGs.
 */
export function exampleRecommendation(settings: RecommendSettings = {}): Recommendation {
  const programs = Array.from({ length: 30 }, (_, index) =>
    program(
      index + 1,
      {
        typicalStep2Score: fact(215 + (index % 10) * 5),
        ...(index % 4 === 0 ? { imgShare: fact(0.6) } : {}),
        ...(index === 29 ? { acceptsImgs: fact(false) } : {}),
      },
      { state: index % 3 === 0 ? 'FL' : 'OH' },
    ),
  );
  const result = recommend({
    profile: usImgProfile(),
    programs,
    settings: { budget: { kind: 'programs', programs: 12 }, signals: 2, ...settings },
  });
  if (!result.ok) throw new Error('the example settings are valid');
  return result.value;
}
