import type { Program } from '../../core/catalog/program.js';

/**
 * A valid family-medicine program in Brooklyn with one researched fact; override what the test is about.
 * ACGME ids must be ten digits (or DEMO-nnnnnn): pass `acgmeId` to make several.
 */
export function testProgram(overrides: Partial<Program> = {}): Program {
  return {
    acgmeId: '1203521001',
    nrmpCode: '1234120C0',
    name: 'Brooklyn Community Family Medicine',
    institution: 'Brooklyn Community Hospital',
    city: 'Brooklyn',
    state: 'NY',
    censusDivision: 'Middle Atlantic',
    latitude: 40.6782,
    longitude: -73.9442,
    specialty: 'family-medicine',
    positions: 8,
    programType: 'community',
    facts: { visaJ1: { value: true, source: 'program website', asOf: '2026-09-01' } },
    synthetic: false,
    origin: 'test fixture',
    ...overrides,
  };
}
