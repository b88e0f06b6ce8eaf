import type { Program } from '../../core/catalog/program.js';
import { contact, interaction, letter } from '../../core/network/test-support.js';
import { emptyProfile } from '../../core/profile/applicant-profile.js';
import { newApplication } from '../../core/season/application.js';
import { defaultSmartPickSettings } from '../../core/smartpick/settings-schema.js';
import type { OwnerDatabase } from '../../db/index.js';
import { testProgram } from '../../db/testing/program-fixtures.js';

/** Test-only: one applicant's season in full, so a round trip has something in every section. */

export const RIVERSIDE = '1201200001';
export const LAKESHORE = '1209900108';
/** A demo program the applicant applied to: it must travel with the bundle. */
export const DEMO = 'DEMO-000001';
/** A demo program nobody points at: left out of the bundle. */
export const DEMO_UNUSED = 'DEMO-000002';

export const JUNE = new Date('2026-06-03T12:00:00Z');

export function seasonPrograms(): Program[] {
  return [
    testProgram({
      acgmeId: RIVERSIDE,
      name: 'Riverside Family Medicine',
      origin: 'import fm.csv 2026-11-01',
    }),
    testProgram({
      acgmeId: LAKESHORE,
      name: 'Lakeshore Family Medicine',
      city: 'Chicago',
      state: 'IL',
      censusDivision: 'East North Central',
      facts: {
        rural: { value: false, source: 'program website', asOf: '2026-09-01' },
        imgShare: { value: 0.4, source: 'FREIDA', asOf: '2026-08-15' },
      },
    }),
    testProgram({ acgmeId: DEMO, synthetic: true, name: 'Demo Family Medicine', origin: 'demo catalog' }),
    testProgram({ acgmeId: DEMO_UNUSED, synthetic: true, name: 'Demo Two', origin: 'demo catalog' }),
  ];
}

/**
 * A US IMG mid-season: profile, an imported catalog with one edited fact, tuned settings, two contacts with
 * a rotation, a fair and a letter, task states, three applications (one interviewed), timeline edits, a
 * practice log, notes for Riverside and a rank list of two.
 */
export async function fillDatabase(db: OwnerDatabase): Promise<void> {
  await db.programs.upsertMany(seasonPrograms());
  await db.profiles.save({
    ...emptyProfile(),
    name: 'Amina',
    graduationYear: 2022,
    languages: ['English', 'Arabic'],
  });
  await db.smartpickSettings.save({
    ...defaultSmartPickSettings(),
    signals: 5,
    pins: [RIVERSIDE],
    stars: { [LAKESHORE]: 4 },
  });
  await db.networkSettings.save({
    mentorUpdateDays: 21,
    giveBeforeAskN: 2,
    applicationSubmitDate: '2026-09-24',
    matchDay: null,
    letterTarget: { usFamilyMedicine: 2, total: 3 },
  });
  const lee = contact({
    id: 'c-lee',
    name: 'Anna Lee',
    title: 'Dr.',
    role: 'attending',
    affiliation: { acgmeId: RIVERSIDE, institution: 'Riverside Health' },
    email: 'anna.lee@riverside.example',
    tags: ['mentor'],
  });
  const omar = contact({
    id: 'c-omar',
    name: 'Omar Haddad',
    role: 'resident',
    createdAt: '2026-03-02T08:30:00Z',
  });
  await db.contacts.insertMany([lee, omar]);
  await db.events.insert({
    id: 'e-aafp',
    name: 'AAFP National Conference',
    startDate: '2026-07-30',
    endDate: '2026-08-01',
    place: 'Kansas City',
    programsAttending: [LAKESHORE],
    prep: [{ id: 'p1', text: 'Print CVs', done: true }],
    contactIds: ['c-omar'],
  });
  await db.interactions.insert(
    interaction({
      id: 'i-rotation',
      contactId: 'c-lee',
      kind: 'rotation',
      direction: 'both',
      date: '2026-06-01',
      endDate: '2026-06-28',
      acgmeId: RIVERSIDE,
    }),
  );
  await db.interactions.insert(
    interaction({
      id: 'i-fair',
      contactId: 'c-omar',
      kind: 'meeting',
      date: '2026-07-31',
      eventId: 'e-aafp',
    }),
  );
  await db.letters.insert(letter({ id: 'l-lee', writerContactId: 'c-lee', requestedOn: '2026-07-01' }));
  await db.taskStates.set({ taskId: 'thank-you:i-fair', status: 'done' });
  await db.taskStates.set({ taskId: 'mentor-update:c-lee', status: 'snoozed', until: '2026-12-01' });

  const interviewed = {
    ...newApplication(RIVERSIDE, JUNE),
    stage: 'interviewed' as const,
    appliedOn: '2026-09-24',
    feeDollars: 35,
    signaled: true,
    interview: {
      startsAt: '2026-11-12T09:00:00-05:00',
      timeZone: 'America/New_York',
      mode: 'virtual' as const,
    },
    impressions: { ratings: { residents: 5, location: 4 }, notes: 'Warm team' },
  };
  await db.applications.insertMissing([
    interviewed,
    newApplication(LAKESHORE, JUNE),
    newApplication(DEMO, JUNE),
  ]);
  await db.timelineEdits.save({ '2027': { 'match-day': { date: '2027-03-19', done: false } } });
  await db.interviewPrep.insertPractice({
    id: 'pr-1',
    questionId: 'why-fm',
    questionText: null,
    acgmeId: null,
    practicedOn: '2026-11-01',
    rating: 3,
    notes: '',
  });
  await db.interviewPrep.insertPractice({
    id: 'pr-2',
    questionId: null,
    questionText: 'Why Riverside?',
    acgmeId: RIVERSIDE,
    practicedOn: '2026-11-01',
    rating: 4,
    notes: 'Mention the rural track',
  });
  await db.interviewPrep.saveNotes(RIVERSIDE, { whatToMention: 'Dr. Lee', notes: 'Ask about OB' });
  await db.rankList.save({
    ranked: [RIVERSIDE, LAKESHORE],
    wouldNotAttend: [],
    couples: null,
    minimumRanked: 10,
  });
}
