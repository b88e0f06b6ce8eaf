/**
 * Published family medicine Main Residency Match figures, as facts with their source lines in
 * shared/data/nrmp-family-medicine.md ("nrmp-fm Lnn"). The model is fitted on one year and checked on the other.
 * Groups are in POPULATION_GROUPS order: U.S. MD seniors, DO seniors, U.S. IMGs, non-U.S. IMGs, previous graduates
 * of U.S. MD and DO schools.
 */
export interface MatchYearFigures {
  readonly year: number;
  /** Categorical and combined family medicine positions offered. */
  readonly positions: number;
  /** Positions filled in the Main Match (before SOAP). */
  readonly filled: number;
  /** Filled by group, POPULATION_GROUPS order. */
  readonly filledByGroup: readonly [number, number, number, number, number];
  readonly source: string;
}

export const FM_MATCH_2024: MatchYearFigures = {
  year: 2024,
  positions: 5231,
  filled: 4595,
  filledByGroup: [1535, 1493, 749, 706, 112],
  source:
    'AAFP news 2024-03-15; Annals of Family Medicine 22(3):264 (nrmp-fm L8-12): 5,231 positions, 4,595 filled; U.S. MD 1,535, DO 1,493, U.S. IMG 749, non-U.S. IMG 706, previous U.S. graduates 112',
};

export const FM_MATCH_2023: MatchYearFigures = {
  year: 2023,
  positions: 5107,
  filled: 4530,
  /** Previous DO graduates 70 + previous U.S. MD graduates 91 (nrmp-fm L17); the one "other" is left out. */
  filledByGroup: [1499, 1514, 793, 562, 161],
  source:
    'AAFP "2023 Match Results for Family Medicine" (nrmp-fm L14-18): 5,107 positions, 4,530 matched; U.S. MD 1,499, DO 1,514, U.S. IMG 793, non-U.S. IMG 562, previous graduates 70 + 91',
};

export const FM_MATCH_YEARS = { 2023: FM_MATCH_2023, 2024: FM_MATCH_2024 } as const;

/** "Nearly 800 family medicine programs offered positions" in 2024 (nrmp-fm L10); 800 is our rounding. */
export const FM_PROGRAMS_2024 = 800;
