import { createContext, useContext } from 'react';
import type { DraftErrors, DraftPath, ProfileDraft } from './draft.js';

/** What every profile field needs: its value, its error, and how to report a change or a blur. */
export interface ProfileForm {
  draft: ProfileDraft;
  errors: DraftErrors;
  setField: <P extends DraftPath>(path: P, value: ProfileDraft[P]) => void;
  /** Validates one field when focus leaves it. */
  blurField: (path: DraftPath) => void;
}

export const ProfileFormContext = createContext<ProfileForm | null>(null);

export function useProfileForm(): ProfileForm {
  const form = useContext(ProfileFormContext);
  if (!form) throw new Error('Profile fields must be rendered inside ProfileFormContext');
  return form;
}
