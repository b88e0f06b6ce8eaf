import { z } from 'zod';
import { storableText } from '../shared/storable-text.js';
import type { Application } from './application.js';

/**
 * The "ranking too few" threshold until the applicant changes it. Assumption, not a published cut-off: NRMP's
 * *Charting Outcomes in the Match* reports that matched applicants ranked more programs than unmatched ones,
 * but we carry no per-specialty figure (see /work/shared/data/nrmp-family-medicine.md), so 10 is a round
 * prompt to look again, stored per applicant as `minimumRanked`.
 */
export const DEFAULT_MINIMUM_RANKED = 10;

const acgmeIdSchema = storableText().trim().min(1, 'ACGME id is required');

/** Ids in order with no repeats; a repeat is named at its own index so the UI can point at it. */
const uniqueIds = (what: string) =>
  z.array(acgmeIdSchema).superRefine((ids, context) => {
    const seen = new Map<string, number>();
    ids.forEach((id, index) => {
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else context.addIssue({ code: 'custom', path: [index], message: `Already ${what} at ${first + 1}` });
    });
  });

/**
 * Couples mode, kept simple: one pair per line of the couple's joint list. `mine` is one of my ACGME ids or
 * null ("no match for me" with this partner choice); the partner's program is free text because it may be
 * in another specialty that is not in our catalog.
 */
export const couplesSchema = z.object({
  partnerName: storableText().trim().max(120),
  pairs: z
    .array(
      z
        .object({
          mine: acgmeIdSchema.nullable(),
          partner: storableText().trim().min(1, 'Name the program or leave it empty').max(200).nullable(),
        })
        .refine((pair) => pair.mine !== null || pair.partner !== null, {
          message: 'A pair needs at least one program',
        }),
    )
    .max(300, 'At most 300 pairs'),
});

export const rankListSchema = z.object({
  ranked: uniqueIds('ranked').max(200, 'At most 200 programs'),
  wouldNotAttend: uniqueIds('listed'),
  couples: couplesSchema.nullable(),
  minimumRanked: z
    .number()
    .int('Whole number')
    .min(1, 'At least 1')
    .max(50, 'At most 50')
    .default(DEFAULT_MINIMUM_RANKED),
});

export type CouplesList = z.infer<typeof couplesSchema>;
export type RankList = z.infer<typeof rankListSchema>;

export function emptyRankList(): RankList {
  return { ranked: [], wouldNotAttend: [], couples: null, minimumRanked: DEFAULT_MINIMUM_RANKED };
}

export type RankListWarningKind =
  | 'too-few'
  | 'interviewed-left-off'
  | 'ranked-would-not-attend'
  | 'ranked-not-interviewed';

export interface RankListWarning {
  kind: RankListWarningKind;
  /** The program the warning is about; null for list-wide warnings. */
  acgmeId: string | null;
  message: string;
}

export interface RankListWarningsInput {
  /** ACGME ids, first choice first. */
  ranked: readonly string[];
  /** The pipeline; a program counts as interviewed once its history reached 'interviewed'. */
  applications: readonly Application[];
  wouldNotAttend: readonly string[];
  minimumRanked?: number;
  /** For readable messages; ids stand in for missing names. */
  programNames?: Readonly<Record<string, string>>;
}

/** Reached the interview, whatever happened after (ranked, matched, even withdrawn later). */
export function wasInterviewed(application: Application): boolean {
  return application.history.some((change) => change.stage === 'interviewed');
}

/**
 * The common rank-list mistakes: ranking too few, leaving out an interviewed program you would attend, ranking a
 * program you would not attend, and ranking a program you never interviewed at (it cannot match you).
 *
 * @example rankListWarnings({ ranked: ['1201600001'], applications, wouldNotAttend: [] })
 */
export function rankListWarnings({
  ranked,
  applications,
  wouldNotAttend,
  minimumRanked = DEFAULT_MINIMUM_RANKED,
  programNames = {},
}: RankListWarningsInput): RankListWarning[] {
  const name = (acgmeId: string) => programNames[acgmeId] ?? `Program ${acgmeId}`;
  const interviewed = new Set(applications.filter(wasInterviewed).map((a) => a.acgmeId));
  const onList = new Set(ranked);
  const wontGo = new Set(wouldNotAttend);
  const warnings: RankListWarning[] = [];

  if (ranked.length < minimumRanked) {
    warnings.push({
      kind: 'too-few',
      acgmeId: null,
      message:
        `You rank ${ranked.length} program${ranked.length === 1 ? '' : 's'}; matched applicants tend to rank ` +
        `more. Rank every program you would attend (your threshold: ${minimumRanked}).`,
    });
  }
  for (const acgmeId of ranked) {
    if (wontGo.has(acgmeId)) {
      warnings.push({
        kind: 'ranked-would-not-attend',
        acgmeId,
        message: `${name(acgmeId)} is ranked but marked "would not attend"; the Match is binding, so leave it off.`,
      });
    }
    if (!interviewed.has(acgmeId)) {
      warnings.push({
        kind: 'ranked-not-interviewed',
        acgmeId,
        message: `${name(acgmeId)} is ranked but you have not interviewed there; programs rarely rank applicants they did not interview.`,
      });
    }
  }
  // Withdrawing after the interview says "would not attend" already.
  const stillOpen = applications.filter((a) => wasInterviewed(a) && a.stage !== 'withdrawn');
  for (const { acgmeId } of stillOpen) {
    if (onList.has(acgmeId) || wontGo.has(acgmeId)) continue;
    warnings.push({
      kind: 'interviewed-left-off',
      acgmeId,
      message: `You interviewed at ${name(acgmeId)} but it is not ranked; rank it unless you would not attend.`,
    });
  }
  return warnings;
}
