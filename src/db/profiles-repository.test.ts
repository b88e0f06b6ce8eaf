import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApplicantProfile, emptyProfile } from '../core/profile/applicant-profile.js';
import { LOCAL_OWNER_ID } from './local-owner.js';
import type { Database } from './open-database.js';
import { StoredRowInvalidError } from './parse-stored-row.js';
import { describeEachEngine } from './testing/engines.js';

const usImg: ApplicantProfile = {
  ...emptyProfile(),
  name: 'Ada',
  applicantType: 'us-img',
  visaNeed: 'none',
  exams: { ...emptyProfile().exams, step2ck: 235, step1: { kind: 'pass-fail', passed: true } },
  graduationYear: 2023,
  usce: { handsOnMonths: 3, observershipMonths: 2, researchMonths: 0 },
  geography: {
    preferredStates: ['NY', 'NJ'],
    preferredDivisions: ['Middle Atlantic'],
    tiesStates: ['NY'],
    excludedStates: [],
  },
  budget: { kind: 'dollars', dollars: 2500 },
};

describeEachEngine('ProfileRepository', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(() => db?.close());

  it('has no profile until one is saved', async () => {
    expect(await db.profiles.get()).toBeNull();
  });

  it('gives back the saved profile unchanged, with when it was saved', async () => {
    const saved = await db.profiles.save(usImg);
    expect(saved.profile).toEqual(usImg);
    expect(new Date(saved.updatedAt).toISOString()).toBe(saved.updatedAt);
    expect(await db.profiles.get()).toEqual(saved);
  });

  it('replaces the profile on a later save and moves updatedAt forward', async () => {
    const first = await db.profiles.save(usImg, 'replace-me');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await db.profiles.save(
      { ...usImg, exams: { ...usImg.exams, step2ck: 248 } },
      'replace-me',
    );
    expect((await db.profiles.get('replace-me'))?.profile.exams.step2ck).toBe(248);
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
  });

  it('keeps profiles under different ids apart', async () => {
    await db.profiles.save({ ...usImg, name: 'Grace' }, 'other');
    expect((await db.profiles.get('other'))?.profile.name).toBe('Grace');
    expect((await db.profiles.get())?.profile.name).toBe('Ada');
  });

  it('refuses to save an invalid profile', async () => {
    const invalid = { ...usImg, exams: { ...usImg.exams, step2ck: 301 } };
    await expect(db.profiles.save(invalid, 'invalid')).rejects.toThrow(/USMLE scores run from 1 to 300/);
    expect(await db.profiles.get('invalid')).toBeNull();
  });

  it('fails loudly when a stored profile breaks the schema', async () => {
    await db
      .operatorKysely()
      .insertInto('profiles')
      .values({
        owner_id: LOCAL_OWNER_ID,
        id: 'corrupt',
        data: JSON.stringify({ ...usImg, applicantType: 'martian' }),
      })
      .execute();
    await expect(db.profiles.get('corrupt')).rejects.toThrow(StoredRowInvalidError);
    await expect(db.profiles.get('corrupt')).rejects.toThrow(/profile corrupt .*applicantType/);
  });
});
