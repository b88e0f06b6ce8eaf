import { SPECIALTY_IDS } from '../../../core/catalog/specialty.js';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  VISA_NEEDS,
} from '../../../core/profile/applicant-profile.js';
import { specialtyLabel, VISA_NEED_LABELS } from '../../lib/labels.js';
import { SelectField, TextField } from '../fields.js';

export function AboutStep() {
  return (
    <>
      <TextField path="name" label="Name" hint="Optional; only shown to you." autoComplete="name" />
      <SelectField
        path="applicantType"
        label="Applicant type"
        placeholder="Choose…"
        options={APPLICANT_TYPES.map((type) => ({ value: type, label: APPLICANT_TYPE_LABELS[type] }))}
        hint="IMG: graduate of a medical school outside the U.S. and Canada."
      />
      <SelectField
        path="visaNeed"
        label="Visa you need for residency"
        options={VISA_NEEDS.map((need) => ({ value: need, label: VISA_NEED_LABELS[need] }))}
      />
      <SelectField
        path="targetSpecialty"
        label="Target specialty"
        options={SPECIALTY_IDS.map((id) => ({ value: id, label: specialtyLabel(id) }))}
      />
    </>
  );
}
