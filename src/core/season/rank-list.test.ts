import { describe, expect, it } from 'vitest';
import { type Application, newApplication } from './application.js';
import { DEFAULT_MINIMUM_RANKED, rankListSchema, rankListWarnings } from './rank-list.js';

const JUNE = new Date('2026-06-03T12:00:00Z');

/** An application whose history reached `stage` (the pipeline rules are tested in pipeline.test.ts). */
function at(acgmeId: string, stage: Application['stage'], passed: Application['stage'][] = []): Application {
  const app = newApplication(acgmeId, JUNE);
  const history = [...app.history, ...[...passed, stage].map((s) => ({ stage: s, at: JUNE.toISOString() }))];
  return { ...app, stage, history };
}

const RIVERSIDE = '1201200001';
const LAKESHORE = '1209900108';
const PRAIRIE = '1201600003';
const names = { [RIVERSIDE]: 'Riverside FM', [LAKESHORE]: 'Lakeshore FM', [PRAIRIE]: 'Prairie FM' };

describe('rank list warnings', () => {
  it('Given three interviews all ranked, When the threshold is 3, Then there is nothing to warn about', () => {
    const applications = [
      at(RIVERSIDE, 'interviewed'),
      at(LAKESHORE, 'ranked', ['interviewed']),
      at(PRAIRIE, 'interviewed'),
    ];
    expect(
      rankListWarnings({
        ranked: [LAKESHORE, RIVERSIDE, PRAIRIE],
        applications,
        wouldNotAttend: [],
        minimumRanked: 3,
      }),
    ).toEqual([]);
  });

  it('Given two ranked programs, When the default threshold applies, Then it warns about ranking too few', () => {
    const applications = [at(RIVERSIDE, 'interviewed'), at(LAKESHORE, 'interviewed')];
    const warnings = rankListWarnings({ ranked: [RIVERSIDE, LAKESHORE], applications, wouldNotAttend: [] });
    expect(warnings).toEqual([
      {
        kind: 'too-few',
        acgmeId: null,
        message: `You rank 2 programs; matched applicants tend to rank more. Rank every program you would attend (your threshold: ${DEFAULT_MINIMUM_RANKED}).`,
      },
    ]);
  });

  it('Given an interview at Prairie left off, When it is not marked "would not attend", Then it is flagged by name', () => {
    const applications = [at(RIVERSIDE, 'interviewed'), at(PRAIRIE, 'interviewed')];
    const warnings = rankListWarnings({
      ranked: [RIVERSIDE],
      applications,
      wouldNotAttend: [],
      minimumRanked: 1,
      programNames: names,
    });
    expect(warnings).toEqual([
      {
        kind: 'interviewed-left-off',
        acgmeId: PRAIRIE,
        message: 'You interviewed at Prairie FM but it is not ranked; rank it unless you would not attend.',
      },
    ]);
  });

  it('Given Prairie left off and marked "would not attend" (or withdrawn), Then leaving it off is fine', () => {
    const applications = [
      at(RIVERSIDE, 'interviewed'),
      at(PRAIRIE, 'interviewed'),
      at(LAKESHORE, 'withdrawn', ['interviewed']),
    ];
    const warnings = rankListWarnings({
      ranked: [RIVERSIDE],
      applications,
      wouldNotAttend: [PRAIRIE],
      minimumRanked: 1,
    });
    expect(warnings).toEqual([]);
  });

  it('Given Lakeshore ranked though marked "would not attend", Then it warns that the Match is binding', () => {
    const applications = [at(LAKESHORE, 'interviewed')];
    const warnings = rankListWarnings({
      ranked: [LAKESHORE],
      applications,
      wouldNotAttend: [LAKESHORE],
      minimumRanked: 1,
      programNames: names,
    });
    expect(warnings.map((w) => [w.kind, w.acgmeId])).toEqual([['ranked-would-not-attend', LAKESHORE]]);
    expect(warnings[0]?.message).toContain('Lakeshore FM');
  });

  it('Given a program ranked where the applicant only applied, Then it warns it cannot match without an interview', () => {
    const warnings = rankListWarnings({
      ranked: [RIVERSIDE],
      applications: [at(RIVERSIDE, 'applied')],
      wouldNotAttend: [],
      minimumRanked: 1,
    });
    expect(warnings).toEqual([
      {
        kind: 'ranked-not-interviewed',
        acgmeId: RIVERSIDE,
        message: `Program ${RIVERSIDE} is ranked but you have not interviewed there; programs rarely rank applicants they did not interview.`,
      },
    ]);
  });
});

describe('the stored rank list', () => {
  it('Given no threshold, When parsed, Then the default applies and couples mode is off', () => {
    expect(rankListSchema.parse({ ranked: [RIVERSIDE], wouldNotAttend: [], couples: null })).toEqual({
      ranked: [RIVERSIDE],
      wouldNotAttend: [],
      couples: null,
      minimumRanked: DEFAULT_MINIMUM_RANKED,
    });
  });

  it('Given a program ranked twice, Then the second place is named', () => {
    const result = rankListSchema.safeParse({
      ranked: [RIVERSIDE, LAKESHORE, RIVERSIDE],
      wouldNotAttend: [],
      couples: null,
    });
    expect(result.success ? null : result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['ranked.2', 'Already ranked at 1'],
    ]);
  });

  it('Given a couple’s list, Then each pair holds my program or null and the partner’s program as text', () => {
    const couples = {
      partnerName: 'Sam',
      pairs: [
        { mine: RIVERSIDE, partner: 'Riverside Internal Medicine' },
        { mine: null, partner: 'Lakeshore Pediatrics' },
      ],
    };
    expect(rankListSchema.safeParse({ ranked: [], wouldNotAttend: [], couples }).success).toBe(true);
    const empty = rankListSchema.safeParse({
      ranked: [],
      wouldNotAttend: [],
      couples: { partnerName: 'Sam', pairs: [{ mine: null, partner: null }] },
    });
    expect(empty.success ? null : empty.error.issues[0]?.message).toBe('A pair needs at least one program');
  });
});
