/**
 * U.S. states (plus DC and Puerto Rico) with their Census Bureau region and division.
 * Source: U.S. Census Bureau, "Census Regions and Divisions of the United States".
 * Puerto Rico is outside the nine divisions; the Bureau lists it separately, so it has none here.
 */
export const CENSUS_DIVISIONS = [
  'New England',
  'Middle Atlantic',
  'East North Central',
  'West North Central',
  'South Atlantic',
  'East South Central',
  'West South Central',
  'Mountain',
  'Pacific',
] as const;
export type CensusDivision = (typeof CENSUS_DIVISIONS)[number];

export const CENSUS_REGIONS = ['Northeast', 'Midwest', 'South', 'West'] as const;
export type CensusRegion = (typeof CENSUS_REGIONS)[number];

export const DIVISION_REGION: Record<CensusDivision, CensusRegion> = {
  'New England': 'Northeast',
  'Middle Atlantic': 'Northeast',
  'East North Central': 'Midwest',
  'West North Central': 'Midwest',
  'South Atlantic': 'South',
  'East South Central': 'South',
  'West South Central': 'South',
  Mountain: 'West',
  Pacific: 'West',
};

interface StateInfo {
  name: string;
  division: CensusDivision | null;
}

export const STATES: Record<string, StateInfo> = {
  AL: { name: 'Alabama', division: 'East South Central' },
  AK: { name: 'Alaska', division: 'Pacific' },
  AZ: { name: 'Arizona', division: 'Mountain' },
  AR: { name: 'Arkansas', division: 'West South Central' },
  CA: { name: 'California', division: 'Pacific' },
  CO: { name: 'Colorado', division: 'Mountain' },
  CT: { name: 'Connecticut', division: 'New England' },
  DE: { name: 'Delaware', division: 'South Atlantic' },
  DC: { name: 'District of Columbia', division: 'South Atlantic' },
  FL: { name: 'Florida', division: 'South Atlantic' },
  GA: { name: 'Georgia', division: 'South Atlantic' },
  HI: { name: 'Hawaii', division: 'Pacific' },
  ID: { name: 'Idaho', division: 'Mountain' },
  IL: { name: 'Illinois', division: 'East North Central' },
  IN: { name: 'Indiana', division: 'East North Central' },
  IA: { name: 'Iowa', division: 'West North Central' },
  KS: { name: 'Kansas', division: 'West North Central' },
  KY: { name: 'Kentucky', division: 'East South Central' },
  LA: { name: 'Louisiana', division: 'West South Central' },
  ME: { name: 'Maine', division: 'New England' },
  MD: { name: 'Maryland', division: 'South Atlantic' },
  MA: { name: 'Massachusetts', division: 'New England' },
  MI: { name: 'Michigan', division: 'East North Central' },
  MN: { name: 'Minnesota', division: 'West North Central' },
  MS: { name: 'Mississippi', division: 'East South Central' },
  MO: { name: 'Missouri', division: 'West North Central' },
  MT: { name: 'Montana', division: 'Mountain' },
  NE: { name: 'Nebraska', division: 'West North Central' },
  NV: { name: 'Nevada', division: 'Mountain' },
  NH: { name: 'New Hampshire', division: 'New England' },
  NJ: { name: 'New Jersey', division: 'Middle Atlantic' },
  NM: { name: 'New Mexico', division: 'Mountain' },
  NY: { name: 'New York', division: 'Middle Atlantic' },
  NC: { name: 'North Carolina', division: 'South Atlantic' },
  ND: { name: 'North Dakota', division: 'West North Central' },
  OH: { name: 'Ohio', division: 'East North Central' },
  OK: { name: 'Oklahoma', division: 'West South Central' },
  OR: { name: 'Oregon', division: 'Pacific' },
  PA: { name: 'Pennsylvania', division: 'Middle Atlantic' },
  RI: { name: 'Rhode Island', division: 'New England' },
  SC: { name: 'South Carolina', division: 'South Atlantic' },
  SD: { name: 'South Dakota', division: 'West North Central' },
  TN: { name: 'Tennessee', division: 'East South Central' },
  TX: { name: 'Texas', division: 'West South Central' },
  UT: { name: 'Utah', division: 'Mountain' },
  VT: { name: 'Vermont', division: 'New England' },
  VA: { name: 'Virginia', division: 'South Atlantic' },
  WA: { name: 'Washington', division: 'Pacific' },
  WV: { name: 'West Virginia', division: 'South Atlantic' },
  WI: { name: 'Wisconsin', division: 'East North Central' },
  WY: { name: 'Wyoming', division: 'Mountain' },
  PR: { name: 'Puerto Rico', division: null },
};

export const STATE_CODES = Object.keys(STATES);

export function isStateCode(code: string): boolean {
  return Object.hasOwn(STATES, code);
}

/** Accepts a postal code ("ny") or a full name ("New York"); returns the postal code or null. */
export function normalizeState(input: string): string | null {
  const trimmed = input.trim();
  const upper = trimmed.toUpperCase();
  if (isStateCode(upper)) return upper;
  const lower = trimmed.toLowerCase();
  for (const [code, info] of Object.entries(STATES)) {
    if (info.name.toLowerCase() === lower) return code;
  }
  return null;
}

export function divisionOf(state: string): CensusDivision | null {
  return STATES[state]?.division ?? null;
}

/** The census region of a state, or null (Puerto Rico, unknown codes). */
export function regionOf(state: string): CensusRegion | null {
  const division = divisionOf(state);
  return division === null ? null : DIVISION_REGION[division];
}
