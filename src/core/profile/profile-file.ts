import { z } from 'zod';
import { storableText } from '../shared/storable-text.js';
import { type ApplicantProfile, applicantProfileSchema } from './applicant-profile.js';

/** The JSON file a profile is exported to and imported from; versioned so later schemas can migrate it. */
export const PROFILE_FILE_FORMAT = 'matchwise-profile';
export const PROFILE_FILE_VERSION = 1;

export const profileFileSchema = z.object({
  format: z.literal(PROFILE_FILE_FORMAT),
  version: z.literal(PROFILE_FILE_VERSION),
  exportedAt: storableText().optional(),
  profile: applicantProfileSchema,
});

export type ProfileFile = z.infer<typeof profileFileSchema>;

export function toProfileFile(profile: ApplicantProfile, exportedAt: Date): ProfileFile {
  return {
    format: PROFILE_FILE_FORMAT,
    version: PROFILE_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    profile,
  };
}

/**
 * Accepts the export envelope or a bare profile, so a profile written by hand imports too.
 * Errors keep the path inside the file (`profile.exams.step2ck` for an envelope).
 */
export const profileImportSchema = z
  .union([profileFileSchema, applicantProfileSchema])
  .transform((value) =>
    'format' in value && 'profile' in value ? value.profile : (value as ApplicantProfile),
  );
