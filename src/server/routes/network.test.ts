import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactImportReport, ContactView } from '../../app/network/network-service.js';
import type { Database } from '../../db/index.js';
import { describeEachEngine } from '../../db/testing/engines.js';
import { testProgram } from '../../db/testing/program-fixtures.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { sendJson } from '../testing/send-json.js';

/** "Today" in these tests: Wednesday 25 November 2026, noon UTC. */
const NOW = new Date('2026-11-25T12:00:00Z');

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

interface TasksResponse {
  asOf: string;
  items: { id: string; ruleId: string; dueDate: string; contactId?: string; status: string }[];
  handled: { id: string; status: string }[];
}

describeEachEngine('Network API', (engine) => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const send = (method: string, path: string, body?: unknown) => sendJson(app, method, path, body);
  const json = async <T>(response: Response) => (await response.json()) as T;
  const tasks = async (due = 'all') => json<TasksResponse>(await send('GET', `/api/tasks?due=${due}`));

  beforeAll(async () => {
    db = await engine.open();
    app = createApp({ db, logger: createLogger('silent'), now: () => NOW });
    await db.programs.upsertMany([
      testProgram({ acgmeId: '1200100001', name: 'Altoona Family Medicine', city: 'Altoona', state: 'PA' }),
    ]);
  });
  afterAll(async () => db?.close());

  it('refuses a program that is not in the catalog, naming the field, for a contact and a rotation', async () => {
    // Given "Altoona" typed where the program's ACGME id goes
    const contact = await send('POST', '/api/contacts', {
      name: 'Priya Shah',
      role: 'resident',
      affiliation: { acgmeId: 'Altoona', institution: null },
    });
    expect(contact.status).toBe(422);
    expect(await json<{ errors: { path: string }[] }>(contact)).toMatchObject({
      errors: [{ path: 'affiliation.acgmeId' }],
    });
    expect((await json<{ items: unknown[] }>(await send('GET', '/api/contacts'))).items).toEqual([]);
    // And the catalog's Altoona program is taken, for the contact and for a rotation there
    const saved = await send('POST', '/api/contacts', {
      name: 'Priya Shah',
      role: 'resident',
      affiliation: { acgmeId: '1200100001', institution: null },
    });
    expect(saved.status).toBe(201);
    const { id } = await json<ContactView>(saved);
    const rotation = (acgmeId: string) =>
      send('POST', `/api/contacts/${id}/interactions`, {
        kind: 'rotation',
        date: '2026-10-01',
        endDate: '2026-10-28',
        acgmeId,
      });
    const refused = await rotation('Altoona');
    expect(refused.status).toBe(422);
    expect(await json<{ errors: { path: string }[] }>(refused)).toMatchObject({
      errors: [{ path: 'acgmeId' }],
    });
    expect((await rotation('1200100001')).status).toBe(201);
    expect((await send('DELETE', `/api/contacts/${id}`)).status).toBe(204);
  });

  it('refuses a contact without a role or with a bad email, naming each field', async () => {
    const response = await send('POST', '/api/contacts', { name: 'Anna Lee', email: 'anna at riverside' });
    expect(response.status).toBe(400);
    const problem = await json<{ errors: { path: string }[] }>(response);
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['email', 'role']);
  });

  describe('a mentor, a rotation that ended yesterday, and the thank-you that closes its task', () => {
    let lee: ContactView;

    it('adds Dr. Lee as a mentor: inner circle, no history yet', async () => {
      const response = await send('POST', '/api/contacts', {
        name: 'Anna Lee',
        title: 'Dr.',
        role: 'mentor',
        affiliation: { acgmeId: null, institution: 'Riverside Health' },
        email: 'anna.lee@riverside.example',
        phone: '',
      });
      expect(response.status).toBe(201);
      lee = await json<ContactView>(response);
      expect(lee).toMatchObject({
        circle: 'inner',
        circleOverridden: false,
        phone: null,
        strength: { score: 0 },
      });
    });

    it('logs a four-week rotation that ended yesterday: the thank-you is due tomorrow', async () => {
      const response = await send('POST', `/api/contacts/${lee.id}/interactions`, {
        kind: 'rotation',
        date: '2026-10-27',
        endDate: '2026-11-24',
        notes: 'Outpatient family medicine',
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ direction: 'both', isRequest: false, contactId: lee.id });

      const week = await tasks('week');
      expect(week.asOf).toBe('2026-11-25');
      const thankYou = week.items.find((t) => t.ruleId === 'rotation-thank-you');
      expect(thankYou).toMatchObject({ dueDate: '2026-11-26', contactId: lee.id, status: 'open' });
      expect((await tasks('today')).items).toEqual([]);
    });

    it('refuses a rotation that ends before it starts, naming endDate', async () => {
      const response = await send('POST', `/api/contacts/${lee.id}/interactions`, {
        kind: 'rotation',
        date: '2026-10-27',
        endDate: '2026-10-01',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ path: 'endDate' }] });
    });

    it('shows the contact with timeline, strength and open tasks', async () => {
      const detail = await json<{ contact: ContactView; timeline: unknown[]; tasks: { ruleId: string }[] }>(
        await send('GET', `/api/contacts/${lee.id}`),
      );
      expect(detail.timeline).toHaveLength(1);
      expect(detail.contact.strength.score).toBeGreaterThan(0);
      expect(detail.contact.strength.lastContact).toBe('2026-11-24');
      expect(detail.tasks.map((t) => t.ruleId)).toContain('rotation-thank-you');
    });

    it('composes the thank-you: a missing field is named, never left blank', async () => {
      const missing = await json<{ ready: boolean; body: null; issues: { field: string }[] }>(
        await send('POST', '/api/compose/render', { templateId: 'rotation-thank-you', contactId: lee.id }),
      );
      expect(missing.ready).toBe(false);
      expect(missing.body).toBeNull();
      expect(missing.issues.map((i) => i.field).sort()).toEqual(['learned', 'me.name']);

      const ready = await json<{ ready: boolean; subject: string; body: string; mailto: string }>(
        await send('POST', '/api/compose/render', {
          templateId: 'rotation-thank-you',
          contactId: lee.id,
          values: { me: { name: 'Maria Santos' }, learned: 'how to run a diabetes group visit' },
        }),
      );
      expect(ready.ready).toBe(true);
      expect(ready.subject).toBe('Thank you for my rotation at Riverside Health');
      expect(ready.body).toContain('Dear Dr. Lee,');
      expect(ready.body).toContain('(October 27 – November 24, 2026)');
      expect(ready.mailto).toMatch(/^mailto:anna\.lee@riverside\.example\?subject=/);
    });

    it('downloads the message as an .eml draft', async () => {
      const response = await send('POST', '/api/compose/eml', {
        to: 'anna.lee@riverside.example',
        toName: 'Anna Lee',
        subject: 'Thank you',
        body: 'Dear Dr. Lee,',
      });
      expect(response.headers.get('content-type')).toBe('message/rfc822');
      expect(response.headers.get('content-disposition')).toContain('matchwise-message.eml');
      const eml = await response.text();
      expect(eml).toContain('To: Anna Lee <anna.lee@riverside.example>\r\n');
      expect(eml).toContain('Date: Wed, 25 Nov 2026 12:00:00 +0000');
    });

    it('logs the thank-you as sent: the task is gone', async () => {
      const response = await send('POST', `/api/contacts/${lee.id}/interactions`, {
        kind: 'email-sent',
        purpose: 'thank-you',
        date: '2026-11-25',
        notes: 'Thank you for my rotation at Riverside Health',
      });
      expect(response.status).toBe(201);
      const all = await tasks();
      expect(all.items.map((t) => t.ruleId)).not.toContain('rotation-thank-you');
      expect(all.items.map((t) => t.ruleId)).toContain('rotation-feedback');
    });

    it('exports the open tasks as an ICS calendar', async () => {
      const response = await send('GET', '/api/tasks/export.ics');
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const ics = await response.text();
      expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(ics).toContain('SUMMARY:Ask Dr. Anna Lee for feedback on the rotation');
      expect(ics).toContain('DTSTART;VALUE=DATE:20261201');
      expect(ics).not.toContain('Thank Dr. Anna Lee');
      expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    });

    it('marks a task done and snoozes another, and reopens it', async () => {
      const [first] = (await tasks()).items;
      if (first === undefined) throw new Error('expected an open task');
      const path = `/api/tasks/${encodeURIComponent(first.id)}/state`;
      expect((await send('PUT', path, { status: 'snoozed' })).status).toBe(400);
      expect(await json(await send('PUT', path, { status: 'done' }))).toMatchObject({ status: 'done' });
      const after = await tasks();
      expect(after.items.map((t) => t.id)).not.toContain(first.id);
      expect(after.handled).toMatchObject([{ id: first.id, status: 'done' }]);
      await send('PUT', path, { status: 'open' });
      expect((await tasks()).items.map((t) => t.id)).toContain(first.id);
      expect((await send('PUT', '/api/tasks/nope/state', { status: 'done' })).status).toBe(404);
    });

    it('tracks a letter from Dr. Lee against the readiness target', async () => {
      const created = await send('POST', '/api/letters', {
        writerContactId: lee.id,
        kind: 'us-family-medicine',
        requestedOn: '2026-11-25',
      });
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ status: 'requested', writerName: 'Anna Lee' });
      const { readiness } = await json<{ readiness: { ready: boolean; pending: { total: number } } }>(
        await send('GET', '/api/letters'),
      );
      expect(readiness).toMatchObject({ ready: false, pending: { total: 1 } });
      const bad = await send('POST', '/api/letters', { writerContactId: 'nobody', kind: 'non-us' });
      expect(await bad.json()).toMatchObject({ status: 400, errors: [{ path: 'writerContactId' }] });
    });
  });

  describe('events', () => {
    it('adds a person met at a fair as an outer-circle contact with a 7-day follow-up', async () => {
      const created = await send('POST', '/api/events', {
        name: 'AAFP National Conference',
        startDate: '2026-11-20',
        endDate: '2026-11-21',
        place: 'Kansas City, MO',
      });
      expect(created.status).toBe(201);
      const event = await json<{ id: string; prep: unknown[] }>(created);
      expect(event.prep).toHaveLength(4);
      const met = await send('POST', `/api/events/${event.id}/people`, {
        name: 'Kofi Mensah',
        role: 'resident',
      });
      expect(met.status).toBe(201);
      const { contact } = await json<{ contact: ContactView }>(met);
      expect(contact).toMatchObject({ circle: 'outer', metHow: 'Met at AAFP National Conference' });
      const followUp = (await tasks()).items.find((t) => t.ruleId === 'event-follow-up');
      expect(followUp).toMatchObject({ contactId: contact.id, dueDate: '2026-11-28' });
    });
  });

  describe('import', () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Álvarez;José;;Dr.;',
      'FN:José Álvarez',
      'EMAIL:jalvarez@example.org',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'EMAIL:nobody@example.org',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Zoë Okafor-Brandt',
      'EMAIL:zoe.okafor@',
      ' stlukes.example.org',
      'END:VCARD',
    ].join('\r\n');

    it('previews a vCard file without storing anything: the broken card is reported at its line', async () => {
      const response = await send('POST', '/api/contacts/import/preview', {
        filename: 'contacts.vcf',
        contentBase64: base64(vcf),
      });
      expect(response.status).toBe(200);
      const preview = await json<ContactImportReport>(response);
      expect(preview).toMatchObject({ format: 'vcard', total: 3, valid: 2, invalid: 1 });
      expect(preview.errors.map((e) => e.line)).toEqual([7]);
      expect(preview.create.map((c) => c.contact.name)).toEqual(['José Álvarez', 'Zoë Okafor-Brandt']);
      const names = (await json<{ items: ContactView[] }>(await send('GET', '/api/contacts'))).items;
      expect(names.map((c) => c.name)).not.toContain('José Álvarez');
    });

    it('imports the valid cards and reports the broken one', async () => {
      const response = await send('POST', '/api/contacts/import', {
        filename: 'contacts.vcf',
        contentBase64: base64(vcf),
      });
      expect(response.status).toBe(201);
      const report = await json<ContactImportReport>(response);
      expect(report.createdIds).toHaveLength(2);
      expect(report.errors).toMatchObject([{ line: 7 }]);
      const { items } = await json<{ items: ContactView[] }>(await send('GET', '/api/contacts?q=okafor'));
      expect(items).toMatchObject([{ name: 'Zoë Okafor-Brandt', email: 'zoe.okafor@stlukes.example.org' }]);
    });

    it('imports a LinkedIn export; people already stored are reported as duplicates, not overwritten', async () => {
      const linkedin = [
        'Notes:',
        '"When exporting your connection data, you may notice that some of the email addresses are missing."',
        '',
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
        'José,Álvarez,https://www.linkedin.com/in/jose-alvarez-md,jalvarez@example.org,"Mercy Health, Family Medicine Residency",Program Director,15 Mar 2023',
        'Priya,Raman,https://www.linkedin.com/in/praman,,Rural Health Clinic,Attending,10 Apr 2022',
        ',,https://www.linkedin.com/in/ghost,,,,01 Feb 2024',
      ].join('\r\n');
      const response = await send('POST', '/api/contacts/import', {
        filename: 'Connections.csv',
        contentBase64: base64(linkedin),
      });
      expect(response.status).toBe(201);
      const report = await json<ContactImportReport>(response);
      expect(report.format).toBe('linkedin-csv');
      expect(report.create.map((c) => c.contact.name)).toEqual(['Priya Raman']);
      expect(report.duplicates).toMatchObject([
        { line: 5, existingName: 'José Álvarez', reasons: ['same-email'] },
      ]);
      expect(report.errors).toMatchObject([{ line: 7 }]);
      const { items } = await json<{ items: ContactView[] }>(await send('GET', '/api/contacts?q=lvarez'));
      expect(items).toHaveLength(1);
      expect(items[0]?.affiliation.institution).toBeNull();

      const priya = (await json<{ items: ContactView[] }>(await send('GET', '/api/contacts?q=raman')))
        .items[0];
      expect(priya).toMatchObject({ metHow: 'LinkedIn', circle: 'outer' });
      expect(priya?.notes).toContain('Position: Attending');
    });

    it('reports the same file imported again as duplicates only', async () => {
      const report = await json<ContactImportReport>(
        await send('POST', '/api/contacts/import', { filename: 'contacts.vcf', contentBase64: base64(vcf) }),
      );
      expect(report.createdIds).toEqual([]);
      expect(report.duplicates.map((d) => d.existingName)).toEqual(['José Álvarez', 'Zoë Okafor-Brandt']);
    });

    it('refuses a file it cannot read with a 422 naming the file', async () => {
      const response = await send('POST', '/api/contacts/import', {
        filename: 'contacts.txt',
        contentBase64: base64('hello'),
      });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ errors: [{ path: 'filename' }] });
    });

    it('exports contacts as vCard and CSV', async () => {
      const vcard = await (await send('GET', '/api/contacts/export.vcf')).text();
      expect(vcard).toContain('FN:Zoë Okafor-Brandt');
      const csv = await (await send('GET', '/api/contacts/export.csv')).text();
      expect(csv.split('\r\n')[0]).toMatch(/^Name,/);
    });
  });

  describe('duplicates and merging', () => {
    it('finds two records of one person and merges them, keeping all history', async () => {
      const a = await json<ContactView>(
        await send('POST', '/api/contacts', {
          name: 'Samuel Park',
          role: 'faculty',
          email: 'spark@valley.example',
        }),
      );
      const b = await json<ContactView>(
        await send('POST', '/api/contacts', {
          name: 'Sam Park',
          role: 'other',
          email: 'SPark@valley.example',
          tags: ['IMG-friendly'],
        }),
      );
      await send('POST', `/api/contacts/${b.id}/interactions`, { kind: 'call', date: '2026-11-02' });
      const { items } = await json<{ items: { a: ContactView; b: ContactView; reasons: string[] }[] }>(
        await send('GET', '/api/contacts/duplicates'),
      );
      const pair = items.find((p) => [p.a.id, p.b.id].sort().join() === [a.id, b.id].sort().join());
      expect(pair?.reasons).toContain('same-email');

      const merged = await send('POST', '/api/contacts/merge', { keepId: a.id, mergeId: b.id });
      expect(merged.status).toBe(200);
      expect(await merged.json()).toMatchObject({ id: a.id, role: 'faculty', tags: ['IMG-friendly'] });
      const detail = await json<{ timeline: { kind: string }[] }>(await send('GET', `/api/contacts/${a.id}`));
      expect(detail.timeline.map((i) => i.kind)).toEqual(['call']);
      expect((await send('GET', `/api/contacts/${b.id}`)).status).toBe(404);
    });

    it('answers at most a page of pairs, says how many there are, and keeps the strongest', async () => {
      // 33 records sharing one address make 528 pairs; one more pair shares an email and nearly the name.
      for (let i = 0; i < 33; i++) {
        await send('POST', '/api/contacts', {
          name: `Resident ${i}`,
          role: 'resident',
          email: 'desk@clinic.example',
        });
      }
      const { items, total, truncated } = await json<{
        items: { reasons: string[] }[];
        total: number;
        truncated: boolean;
      }>(await send('GET', '/api/contacts/duplicates'));
      expect(total).toBeGreaterThanOrEqual(528);
      expect(truncated).toBe(true);
      expect(items).toHaveLength(500);
      expect(items.every((pair) => pair.reasons.includes('same-email'))).toBe(true);
    });
  });
  describe('settings', () => {
    it('starts from the defaults and refuses a bad value, naming the field', async () => {
      expect(await json(await send('GET', '/api/network/settings'))).toMatchObject({
        mentorUpdateDays: 90,
        giveBeforeAskN: 3,
        applicationSubmitDate: null,
        matchDay: null,
        letterTarget: { usFamilyMedicine: 2, total: 3 },
      });
      const bad = await send('PUT', '/api/network/settings', {
        mentorUpdateDays: 2,
        giveBeforeAskN: 3,
        applicationSubmitDate: null,
        matchDay: null,
        letterTarget: { usFamilyMedicine: 2, total: 3 },
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ errors: [{ path: 'mentorUpdateDays' }] });
    });

    it('asks for reintroductions once a submission date three weeks out is saved', async () => {
      const created = await send('POST', '/api/contacts', {
        name: 'Omar Haddad',
        title: 'Dr.',
        role: 'faculty',
        affiliation: { acgmeId: '1200100001', institution: null },
      });
      const omar = await json<ContactView>(created);
      const reintroductions = async () =>
        (await tasks()).items.filter(
          (task) => task.ruleId === 'reintroduce-before-submission' && task.contactId === omar.id,
        );
      expect(await reintroductions()).toEqual([]);

      const saved = await send('PUT', '/api/network/settings', {
        mentorUpdateDays: 90,
        giveBeforeAskN: 3,
        applicationSubmitDate: '2026-12-16',
        matchDay: null,
        letterTarget: { usFamilyMedicine: 0, total: 1 },
      });
      expect(saved.status).toBe(200);
      expect(await reintroductions()).toEqual([expect.objectContaining({ dueDate: '2026-12-02' })]);
    });

    it('checks letters against the saved target unless the request names one', async () => {
      const saved = await json<{ missing: { usFamilyMedicine: number; any: number } }>(
        await send('GET', '/api/letters/readiness'),
      );
      expect(saved.missing.usFamilyMedicine).toBe(0);
      const asked = await json<{ missing: { usFamilyMedicine: number; any: number } }>(
        await send('GET', '/api/letters/readiness?usFamilyMedicine=2&total=3'),
      );
      expect(asked.missing.usFamilyMedicine).toBe(2);
    });
  });
});
