import { describe, expect, it } from 'vitest';
import { explainProgram } from '../smartpick/explain-program.js';
import { fact, program, usImgProfile } from '../smartpick/test-support.js';
import { catalogWithCohortFacts, type SharedFact, withCohortFacts } from './cohort-facts.js';

const albany = program(1, { visaJ1: fact(true) });

function share(overrides: Partial<SharedFact>): SharedFact {
  return {
    acgmeId: albany.acgmeId,
    key: 'imgShare',
    value: 0.3,
    source: 'program website',
    asOf: '2026-09-01',
    sharedBy: 'ana@example.org',
    sharedAt: '2026-09-02T10:00:00.000Z',
    confirmations: 0,
    ...overrides,
  };
}

const width = (range: [number, number]) => range[1] - range[0];

describe('cohort facts', () => {
  it('uses a fact every sharer agrees on, says so with its source, and narrows the range', () => {
    const shares = [
      share({ sharedBy: 'ana@example.org', confirmations: 1 }),
      share({ sharedBy: 'ben@example.org', asOf: '2026-08-15', source: 'program coordinator, email' }),
    ];
    const { program: merged, cohort } = withCohortFacts(albany, shares);

    expect(merged.facts.imgShare?.value).toBe(0.3);
    expect(merged.facts.visaJ1).toEqual(albany.facts.visaJ1);
    expect(cohort?.conflicts).toEqual([]);
    expect(cohort?.used).toHaveLength(1);
    expect(cohort?.used[0]?.says).toBe(
      'IMG share 30% from your cohort (2 members, 1 confirmation: program website; program coordinator, email, 2026-09-01)',
    );

    const profile = usImgProfile();
    const before = explainProgram({ profile, program: albany, matchYear: 2027 }).interview;
    const after = explainProgram({ profile, program: merged, matchYear: 2027 }).interview;
    expect(before.unknownFacts).toContain('imgShare');
    expect(after.unknownFacts).not.toContain('imgShare');
    expect(width(after.range)).toBeLessThan(width(before.range));
  });

  it('leaves a fact the cohort disagrees on unknown and lists both values', () => {
    const shares = [
      share({ value: 0.3 }),
      share({ value: 0.6, sharedBy: 'ben@example.org', confirmations: 2 }),
    ];
    const { program: merged, cohort } = withCohortFacts(albany, shares);

    expect(merged.facts.imgShare).toBeUndefined();
    expect(cohort?.used).toEqual([]);
    expect(cohort?.conflicts[0]?.values.map((v) => [v.value, v.members, v.confirmations])).toEqual([
      [0.3, 1, 0],
      [0.6, 1, 2],
    ]);
    expect(cohort?.conflicts[0]?.says).toBe(
      'IMG share: your cohort disagrees (30% (1 member) vs 60% (1 member)), so it stays unknown',
    );
  });

  it('keeps the applicant’s own research over the cohort’s, even when the cohort disagrees with it', () => {
    const own = program(1, { imgShare: fact(0.5) });
    const { program: merged, cohort } = withCohortFacts(own, [share({ value: 0.3 })]);
    expect(merged).toBe(own);
    expect(cohort).toBeNull();
  });

  it('applies shares only to their own program across a catalog', () => {
    const other = program(2);
    const { programs, cohort } = catalogWithCohortFacts(
      [albany, other],
      [share({ key: 'visaH1b', value: false })],
    );
    expect(programs[0]?.facts.visaH1b?.value).toBe(false);
    expect(programs[0]?.facts.visaH1b?.source).toBe(
      'your cohort (1 member, 0 confirmations: program website)',
    );
    expect(programs[1]).toBe(other);
    expect([...cohort.keys()]).toEqual([albany.acgmeId]);
  });
});
