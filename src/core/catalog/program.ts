import { z } from 'zod';
import { CENSUS_DIVISIONS, isStateCode } from '../geo/census.js';
import { storableText } from '../shared/storable-text.js';
import { SPECIALTY_IDS } from './specialty.js';

/**
 * A fact about a program that someone researched: the value, where it came from and when.
 * A fact that is absent is unknown — Matchwise never fills it with a guess.
 */
export const factSchema = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    source: storableText().trim().min(1, 'Say where this fact comes from'),
    asOf: z.iso.date({ message: 'Use a date like 2026-09-01' }),
  });

export type Fact<T> = { value: T; source: string; asOf: string };

export const programFactsSchema = z
  .object({
    /** Sponsors J-1 visas (through ECFMG). */
    visaJ1: factSchema(z.boolean()),
    /** Sponsors H-1B visas. */
    visaH1b: factSchema(z.boolean()),
    /** Considers graduates of medical schools outside the U.S. at all. */
    acceptsImgs: factSchema(z.boolean()),
    /** Share of current residents who are IMGs, 0..1. */
    imgShare: factSchema(z.number().min(0).max(1)),
    /** Minimum USMLE Step 2 CK score the program states. */
    minStep2Score: factSchema(z.number().int().min(1).max(300)),
    /** Typical (median or mean) Step 2 CK of interviewed applicants, as published or reported. */
    typicalStep2Score: factSchema(z.number().int().min(1).max(300)),
    /** Graduates more than this many years ago are not considered. */
    maxYearsSinceGraduation: factSchema(z.number().int().min(0).max(60)),
    /** Applicants with more failed attempts than this (on any USMLE/COMLEX exam) are not considered. */
    maxFailedAttempts: factSchema(z.number().int().min(0).max(10)),
    /** U.S. clinical experience required (months; 0 means not required). */
    minUsceMonths: factSchema(z.number().min(0).max(60)),
    /** Program describes itself as rural or rural-track. */
    rural: factSchema(z.boolean()),
  })
  .partial();

export type ProgramFacts = z.infer<typeof programFactsSchema>;
export type ProgramFactKey = keyof ProgramFacts;
export const PROGRAM_FACT_KEYS = Object.keys(programFactsSchema.shape) as ProgramFactKey[];

export const PROGRAM_TYPES = ['university', 'community-university', 'community', 'military'] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];

/** ACGME program ids are ten digits; the demo catalog uses DEMO- ids so they can never collide. */
export const ACGME_ID_PATTERN = /^\d{10}$/;
export const DEMO_ID_PATTERN = /^DEMO-\d{6}$/;

export const programSchema = z.object({
  acgmeId: storableText()
    .trim()
    .refine((id) => ACGME_ID_PATTERN.test(id) || DEMO_ID_PATTERN.test(id), 'ACGME id must be 10 digits'),
  nrmpCode: storableText()
    .trim()
    .regex(/^[0-9A-Z]{9,11}$/, 'NRMP code is 9-11 letters and digits')
    .nullable(),
  name: storableText().trim().min(1, 'Program name is required').max(300),
  institution: storableText().trim().max(300).nullable(),
  city: storableText().trim().min(1, 'City is required').max(120),
  state: storableText().refine(isStateCode, 'Unknown U.S. state'),
  censusDivision: z.enum(CENSUS_DIVISIONS).nullable(),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  specialty: z.enum(SPECIALTY_IDS),
  /** Positions offered in the Match; null when unknown. */
  positions: z.number().int().min(0).max(500).nullable(),
  programType: z.enum(PROGRAM_TYPES).nullable(),
  facts: programFactsSchema,
  /** True for the generated demo catalog: shown as "synthetic" wherever it appears. */
  synthetic: z.boolean(),
  /** Where the row came from, e.g. "import fm-programs.csv 2026-11-25" or "demo catalog". */
  origin: storableText().min(1),
});

export type Program = z.infer<typeof programSchema>;
