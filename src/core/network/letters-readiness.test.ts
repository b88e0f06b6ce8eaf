import { describe, expect, it } from 'vitest';
import { lettersReadiness } from './letters-readiness.js';
import { letter } from './test-support.js';

const uploadedFm = (id: string) => letter({ id, writerContactId: id, uploadedOn: '2026-09-01' });

describe('letters readiness for a family medicine application', () => {
  it('is ready with two U.S. family medicine letters and one more, uploaded', () => {
    const r = lettersReadiness([
      uploadedFm('a'),
      uploadedFm('b'),
      letter({ id: 'c', writerContactId: 'c', kind: 'non-us', uploadedOn: '2026-09-02' }),
    ]);
    expect(r).toMatchObject({
      ready: true,
      have: { usFamilyMedicine: 2, total: 3 },
      missing: { usFamilyMedicine: 0, any: 0 },
      message:
        'Letters ready: 3 letters uploaded, 2 from U.S. family medicine. Counted 3 letters (2 U.S., 2 family medicine), on your Letters board.',
    });
  });

  it('is not ready with three letters of which only one is from U.S. family medicine', () => {
    const r = lettersReadiness([
      uploadedFm('a'),
      letter({ id: 'b', writerContactId: 'b', kind: 'us-other-primary-care', uploadedOn: '2026-09-01' }),
      letter({ id: 'c', writerContactId: 'c', kind: 'non-us', uploadedOn: '2026-09-01' }),
    ]);
    expect(r.ready).toBe(false);
    expect(r.missing).toEqual({ usFamilyMedicine: 1, any: 0 });
    expect(r.message).toBe(
      'You still need 1 U.S. family medicine letter uploaded (target: 2 U.S. family medicine, 3 in all). Counted 3 letters (2 U.S., 1 family medicine), on your Letters board.',
    );
  });

  it('counts agreed letters as pending, not as had', () => {
    const r = lettersReadiness([
      uploadedFm('a'),
      letter({ id: 'b', writerContactId: 'b', agreedOn: '2026-11-01' }),
    ]);
    expect(r).toMatchObject({
      ready: false,
      have: { usFamilyMedicine: 1, total: 1 },
      missing: { usFamilyMedicine: 1, any: 1 },
      pending: { usFamilyMedicine: 1, total: 1 },
    });
    expect(r.message).toBe(
      'You still need 1 U.S. family medicine letter and 1 more of any kind uploaded (target: 2 U.S. family medicine, 3 in all). 1 letter requested or agreed is not uploaded yet. Counted 2 letters (2 U.S., 2 family medicine), on your Letters board.',
    );
  });

  it('follows a configured target', () => {
    expect(lettersReadiness([uploadedFm('a')], { usFamilyMedicine: 1, total: 1 }).ready).toBe(true);
  });
});
