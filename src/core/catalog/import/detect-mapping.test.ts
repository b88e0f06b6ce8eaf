import { describe, expect, it } from 'vitest';
import { checkMapping, detectMapping, headerKey, missingRequiredFields } from './detect-mapping.js';

describe('detectMapping', () => {
  it('reads the columns of the 2019 family medicine list', () => {
    const headers = ['acgme_id', 'program_name', 'city', 'state', 'census_division', 'latitude', 'longitude'];
    expect(detectMapping(headers)).toEqual([
      'acgmeId',
      'name',
      'city',
      'state',
      'censusDivision',
      'latitude',
      'longitude',
    ]);
  });

  it('recognises the headers of a hand-made research sheet, whatever their case and punctuation', () => {
    const headers = [
      'ACGME ID',
      'Program Name',
      'Sponsoring Institution',
      'City',
      'State',
      'Lat',
      'Lng',
      'Specialty',
      'Positions offered',
      'Program Type',
      'NRMP Program Code',
      'Sponsors J-1',
      'H-1B',
      'IMG %',
      'Min Step 2',
      'Notes',
    ];
    expect(detectMapping(headers)).toEqual([
      'acgmeId',
      'name',
      'institution',
      'city',
      'state',
      'latitude',
      'longitude',
      'specialty',
      'positions',
      'programType',
      'nrmpCode',
      'visaJ1',
      'visaH1b',
      'imgShare',
      'minStep2Score',
      null,
    ]);
  });

  it('maps each field at most once, preferring the more specific header', () => {
    // "Program ID" could be the ACGME id, but a column that says "ACGME ID" is the better match.
    expect(detectMapping(['Program ID', 'ACGME ID', 'Name', 'Program Name'])).toEqual([
      null,
      'acgmeId',
      null,
      'name',
    ]);
  });

  it('looks past a parenthetical when the whole header is not known', () => {
    expect(detectMapping(['Positions (PGY-1)', 'Latitude [deg]'])).toEqual(['positions', 'latitude']);
  });

  it('lets an exact header win over one read without its parenthetical', () => {
    expect(detectMapping(['Positions (PGY-1)', 'Quota'])).toEqual([null, 'positions']);
  });

  it('keeps "IMG %" apart from an unrelated "IMG" column', () => {
    expect(headerKey('IMG %')).toBe('imgpct');
    expect(detectMapping(['IMG'])).toEqual([null]);
  });
});

describe('missingRequiredFields', () => {
  it('names the required fields no column feeds', () => {
    const mapping = detectMapping(['Program Name', 'Town', 'Latitude', 'Longitude']);
    expect(missingRequiredFields(mapping)).toEqual(['acgmeId', 'state']);
  });

  it('is empty when id, name, city and state are all mapped', () => {
    expect(missingRequiredFields(['acgmeId', 'name', 'city', 'state', null])).toEqual([]);
  });
});

describe('checkMapping', () => {
  const headers = ['Id', 'Title', 'Town', 'ST'];

  it('accepts a mapping a person chose', () => {
    expect(checkMapping(headers, ['acgmeId', 'name', 'city', 'state'])).toMatchObject({ ok: true });
  });

  it('refuses a mapping of the wrong length or with a field twice', () => {
    expect(checkMapping(headers, ['acgmeId', 'name'])).toMatchObject({ ok: false });
    const twice = checkMapping(headers, ['acgmeId', 'name', 'name', 'state']);
    expect(twice).toMatchObject({ ok: false });
    if (!twice.ok) expect(twice.error.message).toContain('"Title" and "Town"');
  });
});
