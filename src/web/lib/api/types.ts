import type { ImportField, ImportReport, RowError } from '../../../core/catalog/import/types.js';
import type { Program } from '../../../core/catalog/program.js';
import type { ApplicantProfile } from '../../../core/profile/applicant-profile.js';
import type { SmartPickSettings } from '../../../core/smartpick/settings-schema.js';

/** Response shapes of docs/api.md. */

export interface Health {
  status: 'ok';
  engine: 'pglite' | 'postgres';
  programs: number;
}

/** One page of the filtered catalog; `total` and `synthetic` count every match, not just the page. */
export interface ProgramList {
  total: number;
  synthetic: number;
  page: number;
  limit: number;
  pages: number;
  items: Program[];
}

/** What the map draws of a program (GET /api/programs/map). */
export type ProgramPoint = Pick<
  Program,
  'acgmeId' | 'name' | 'state' | 'latitude' | 'longitude' | 'synthetic'
>;

/** Every program matching the filters, reduced to its place and label. */
export interface ProgramMap {
  total: number;
  synthetic: number;
  items: ProgramPoint[];
}

export interface DemoCatalogResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportRequest {
  filename: string;
  contentBase64: string;
  mapping?: (ImportField | null)[];
}

export interface ImportPreview {
  filename: string;
  format: 'csv' | 'xlsx';
  headers: string[];
  mapping: (ImportField | null)[];
  detectedMapping: (ImportField | null)[];
  fields: ImportField[];
  requiredFields: ImportField[];
  missingFields: ImportField[];
  totalRows: number;
  valid: number;
  invalid: number;
  duplicates: { line: number; acgmeId: string; firstLine: number }[];
  errors: RowError[];
  plan: { create: number; update: number; unchanged: number };
  sample: Program[];
}

export type ImportRecord = ImportReport & { id: string | number; createdAt: string };

export interface ProfileRecord {
  profile: ApplicantProfile;
  updatedAt: string;
}

/** SmartPick settings as stored by the server (docs/api.md, "SmartPick"): the core schema's type. */
export type { SmartPickSettings };

/** What the page sends to try settings without saving them. */
export type SmartPickOverride = Partial<SmartPickSettings>;
