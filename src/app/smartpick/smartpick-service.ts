import type { CohortFactsAtProgram } from '../../core/catalog/cohort-facts.js';
import type { Program } from '../../core/catalog/program.js';
import { SPECIALTIES } from '../../core/catalog/specialty.js';
import { withLetterCounts } from '../../core/network/letter-counts.js';
import type { ApplicantProfile } from '../../core/profile/applicant-profile.js';
import { err, type FieldIssue, ok, type Result } from '../../core/shared/result.js';
import type {
  ProgramExplanation,
  Recommendation,
  RecommendInput,
  WhatIfChange,
  WhatIfResult,
} from '../../core/smartpick/index.js';
import { recommendationToCsv } from '../../core/smartpick/list-csv.js';
import { currentMatchYear } from '../../core/smartpick/match-year.js';
import { type SmartPickSettings, toRecommendSettings } from '../../core/smartpick/settings-schema.js';
import type { OwnerDatabase } from '../../db/index.js';
import { withCohortCatalog } from '../cohorts/cohort-catalog.js';
import { loadConnections, loadSeasonInput } from './applicant-context.js';
import type { ComputePool, ComputeRunOptions } from './compute-pool.js';

/** Why SmartPick cannot answer: the field names what the user should fix. */
export interface SmartPickFailure {
  status: 400 | 404 | 422;
  title: string;
  issues: FieldIssue[];
}

interface Context {
  profile: ApplicantProfile;
  programs: Program[];
  input: RecommendInput;
  /** What the user's cohorts filled in or disagree on, by program (cohort-catalog.ts). */
  cohort: Map<string, CohortFactsAtProgram>;
}

/** "Why?" for one program, with the facts that came from the user's cohorts and those they disagree on. */
export type ExplainedProgram = ProgramExplanation & { cohort: CohortFactsAtProgram | null };

/** `signal`: the request's; when it aborts, the computation is dropped and the promise rejects. */
export interface SmartPickService {
  recommend(
    overrides?: Partial<SmartPickSettings>,
    options?: ComputeRunOptions,
  ): Promise<Result<Recommendation, SmartPickFailure>>;
  explain(
    acgmeId: string,
    overrides?: Partial<SmartPickSettings>,
    options?: ComputeRunOptions,
  ): Promise<Result<ExplainedProgram, SmartPickFailure>>;
  whatIf(
    change: WhatIfChange,
    overrides?: Partial<SmartPickSettings>,
    options?: ComputeRunOptions,
  ): Promise<Result<WhatIfResult, SmartPickFailure>>;
  exportCsv(): Promise<Result<string, SmartPickFailure>>;
}

/**
 * SmartPick over what is stored: the saved profile, the catalog of the profile's target specialty and the
 * saved "My list" settings, with a request's overrides on top. The stored Network feeds the interview model's
 * network factor (rotated here, letter writer here, contact here); the stored season (applications, rank list,
 * today on `now`) feeds P(match) now. Computation runs in the compute pool.
 */
export function createSmartPickService(
  db: OwnerDatabase,
  pool: ComputePool,
  now: () => Date = () => new Date(),
): SmartPickService {
  async function context(
    overrides: Partial<SmartPickSettings> = {},
  ): Promise<Result<Context, SmartPickFailure>> {
    const saved = await db.profiles.get();
    if (!saved) {
      return err({
        status: 422,
        title: 'Save your profile first',
        issues: [{ path: 'profile', message: 'SmartPick needs your applicant profile' }],
      });
    }
    // The letters every page counts: the Letters board once it holds any, else the profile's (letter-counts.ts).
    const profile = withLetterCounts(saved.profile, await db.letters.list());
    const { programs, cohort } = await withCohortCatalog(
      db.cohorts,
      await db.programs.list({ specialty: profile.targetSpecialty }),
    );
    if (programs.length === 0) {
      const specialty = SPECIALTIES[profile.targetSpecialty].name.toLowerCase();
      return err({
        status: 422,
        title: 'The catalog has no programs to choose from',
        issues: [
          { path: 'programs', message: `Import a ${specialty} program list or load the demo catalog` },
        ],
      });
    }
    const today = now();
    const settings = toRecommendSettings(
      await db.smartpickSettings.get(),
      overrides,
      currentMatchYear(today),
    );
    const [connections, season] = await Promise.all([loadConnections(db), loadSeasonInput(db, today)]);
    return ok({
      profile,
      programs,
      cohort,
      input: { profile, programs, connections, settings, season },
    });
  }

  async function recommendIn(
    input: RecommendInput,
    options?: ComputeRunOptions,
  ): Promise<Result<Recommendation, SmartPickFailure>> {
    const result = await pool.run('recommend', input, options);
    if (!result.ok)
      return err({ status: 400, title: 'These settings cannot be used', issues: result.error.issues });
    return ok(result.value);
  }

  return {
    async recommend(overrides, options) {
      const ctx = await context(overrides);
      return ctx.ok ? recommendIn(ctx.value.input, options) : ctx;
    },

    async explain(acgmeId, overrides, options) {
      const ctx = await context(overrides);
      if (!ctx.ok) return ctx;
      const program = ctx.value.programs.find((candidate) => candidate.acgmeId === acgmeId);
      if (!program) {
        return err({
          status: 404,
          title: `No ${ctx.value.profile.targetSpecialty} program with ACGME id ${acgmeId}`,
          issues: [{ path: 'acgmeId', message: 'Not in the catalog' }],
        });
      }
      const settings = ctx.value.input.settings ?? {};
      const explanation = await pool.run(
        'explainProgram',
        {
          profile: ctx.value.profile,
          program,
          ...(settings.matchYear ? { matchYear: settings.matchYear } : {}),
          ...(settings.stars?.[acgmeId] !== undefined ? { stars: settings.stars[acgmeId] } : {}),
          ...(ctx.value.input.connections?.[acgmeId]
            ? { connections: ctx.value.input.connections[acgmeId] }
            : {}),
        },
        options,
      );
      return ok({ ...explanation, cohort: ctx.value.cohort.get(acgmeId) ?? null });
    },

    async whatIf(change, overrides, options) {
      const ctx = await context(overrides);
      if (!ctx.ok) return ctx;
      const result = await pool.run('whatIf', { input: ctx.value.input, change }, options);
      if (result.ok) return ok(result.value);
      const title =
        result.error.kind === 'invalid-change'
          ? 'This change cannot be tried'
          : 'These settings cannot be used';
      return err({ status: 400, title, issues: result.error.issues });
    },

    async exportCsv() {
      const ctx = await context();
      if (!ctx.ok) return ctx;
      const recommendation = await recommendIn(ctx.value.input);
      if (!recommendation.ok) return recommendation;
      const synthetic = new Set(ctx.value.programs.filter((p) => p.synthetic).map((p) => p.acgmeId));
      return ok(recommendationToCsv(recommendation.value, synthetic));
    },
  };
}
