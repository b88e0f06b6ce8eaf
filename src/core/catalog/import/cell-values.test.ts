import { describe, expect, it } from 'vitest';
import {
  isUnknownCell,
  parseAcgmeId,
  parseCensusDivision,
  parseCoordinate,
  parseProgramType,
  parseShare,
  parseSpecialty,
  parseState,
  parseWholeNumber,
  parseYesNo,
  shareScaleOf,
} from './cell-values.js';

const value = <T>(result: { ok: true; value: T } | { ok: false; error: string }) =>
  result.ok ? result.value : `error: ${result.error}`;

describe('cell readers', () => {
  it('reads ACGME ids the way Excel mangles them', () => {
    expect(value(parseAcgmeId('1209900101'))).toBe('1209900101');
    expect(value(parseAcgmeId('1209900101.0'))).toBe('1209900101');
    expect(value(parseAcgmeId('1.209900101E+09'))).toBe('1209900101');
    expect(value(parseAcgmeId("'1209900101"))).toBe('1209900101');
    expect(value(parseAcgmeId('120990010'))).toMatch(/leading zero/);
    expect(value(parseAcgmeId('DEMO-000001'))).toMatch(/demo-catalog id/);
    expect(value(parseAcgmeId('12099001010'))).toMatch(/^error/);
  });

  it('reads states by postal code or full name', () => {
    expect(value(parseState('ak'))).toBe('AK');
    expect(value(parseState('New York'))).toBe('NY');
    expect(value(parseState('N.Y.'))).toBe('NY');
    expect(value(parseState('Puerto Rico'))).toBe('PR');
    expect(value(parseState('Nwe York'))).toMatch(/not a U.S. state/);
  });

  it('reads census divisions loosely and "Territory" as outside them', () => {
    expect(value(parseCensusDivision('middle atlantic'))).toBe('Middle Atlantic');
    expect(value(parseCensusDivision('Mid-Atlantic'))).toBe('Middle Atlantic');
    expect(value(parseCensusDivision('Territory'))).toBe('none');
    expect(value(parseCensusDivision('Midwest'))).toMatch(/^error/);
  });

  it('reads coordinates with a decimal point or a European decimal comma, within range', () => {
    expect(value(parseCoordinate('61.2181', 'latitude'))).toBe(61.2181);
    expect(value(parseCoordinate('61,2181', 'latitude'))).toBe(61.2181);
    expect(value(parseCoordinate('-149.9003', 'longitude'))).toBe(-149.9003);
    expect(value(parseCoordinate('91', 'latitude'))).toMatch(/outside -90\.\.90/);
    expect(value(parseCoordinate('north', 'latitude'))).toMatch(/not a number/);
  });

  it('reads whole numbers, allowing Excel\'s "12.0" and a unit word', () => {
    const years = { min: 0, max: 60, what: 'Years', units: ['years', 'year'] };
    expect(value(parseWholeNumber('12.0', years))).toBe(12);
    expect(value(parseWholeNumber('5 years', years))).toBe(5);
    expect(value(parseWholeNumber('5.5', years))).toMatch(/whole number/);
    expect(value(parseWholeNumber('61', years))).toMatch(/outside 0\.\.60/);
  });

  it('reads yes/no in the ways spreadsheets write it', () => {
    for (const yes of ['yes', 'Y', 'TRUE', '1']) expect(value(parseYesNo(yes))).toBe(true);
    for (const no of ['no', 'n', 'False', '0']) expect(value(parseYesNo(no))).toBe(false);
    expect(value(parseYesNo('maybe'))).toMatch(/^error/);
  });

  it('reads an IMG share as a percent or a fraction, deciding bare numbers per column', () => {
    expect(value(parseShare('45%', 'fraction'))).toBe(0.45);
    expect(value(parseShare('0.45', 'fraction'))).toBe(0.45);
    expect(value(parseShare('45', 'percent'))).toBe(0.45);
    expect(value(parseShare('1', 'percent'))).toBe(0.01);
    expect(value(parseShare('140%', 'fraction'))).toMatch(/outside/);
    expect(shareScaleOf(['0.2', '0.5', ''])).toBe('fraction');
    expect(shareScaleOf(['1', '45', '70%'])).toBe('percent');
  });

  it('reads program types by their FREIDA wording', () => {
    expect(value(parseProgramType('Community-based, university-affiliated'))).toBe('community-university');
    expect(value(parseProgramType('University-based'))).toBe('university');
    expect(value(parseProgramType('Military'))).toBe('military');
  });

  it('reads specialties by id, name, ACGME code or abbreviation', () => {
    expect(value(parseSpecialty('Family Medicine'))).toBe('family-medicine');
    expect(value(parseSpecialty('FM'))).toBe('family-medicine');
    expect(value(parseSpecialty('140'))).toBe('internal-medicine');
    expect(value(parseSpecialty('Ob/Gyn'))).toBe('obstetrics-gynecology');
  });

  it('treats "unknown" and "n/a" like empty cells', () => {
    expect(['', ' ', 'N/A', 'unknown', '?', '—'].every(isUnknownCell)).toBe(true);
    expect(isUnknownCell('no')).toBe(false);
  });
});
