import { isOsteopathic } from '../draft.js';
import { NumberField, RadioField, SelectField } from '../fields.js';
import { useProfileForm } from '../form-context.js';

const ATTEMPTS_HINT = '1 means you passed on the first try.';

export function ExamsStep() {
  const { draft } = useProfileForm();
  const step1Kind = draft['exams.step1.kind'];
  return (
    <>
      <fieldset className="subsection">
        <legend>USMLE Step 1</legend>
        <RadioField
          path="exams.step1.kind"
          legend="Step 1 result"
          hint="Step 1 has been reported pass/fail since January 2022; earlier takers have a three-digit score."
          options={[
            { value: 'pass-fail', label: 'Pass/fail' },
            { value: 'scored', label: 'Three-digit score' },
            { value: 'not-taken', label: 'Not taken yet' },
          ]}
        />
        {step1Kind === 'pass-fail' ? (
          <SelectField
            path="exams.step1.passed"
            label="Step 1 outcome"
            options={[
              { value: 'yes', label: 'Passed' },
              { value: 'no', label: 'Not passed yet' },
            ]}
          />
        ) : null}
        {step1Kind === 'scored' ? <NumberField path="exams.step1.score" label="USMLE Step 1 score" /> : null}
        <NumberField path="exams.step1Attempts" label="Step 1 attempts" hint={ATTEMPTS_HINT} />
      </fieldset>

      <fieldset className="subsection">
        <legend>USMLE Step 2 CK</legend>
        <NumberField
          path="exams.step2ck"
          label="USMLE Step 2 CK score"
          hint="Leave empty if you have not taken it yet."
        />
        <NumberField path="exams.step2ckAttempts" label="Step 2 CK attempts" hint={ATTEMPTS_HINT} />
      </fieldset>

      {isOsteopathic(draft) ? (
        <fieldset className="subsection">
          <legend>COMLEX-USA</legend>
          <SelectField
            path="exams.comlexLevel1Passed"
            label="COMLEX Level 1"
            options={[
              { value: 'yes', label: 'Passed' },
              { value: 'no', label: 'Not passed yet' },
              { value: 'not-taken', label: 'Not taken yet' },
            ]}
          />
          <NumberField
            path="exams.comlexLevel2"
            label="COMLEX Level 2-CE score"
            hint="Leave empty if you have not taken it yet."
          />
          <NumberField path="exams.comlexAttempts" label="COMLEX attempts" hint={ATTEMPTS_HINT} />
        </fieldset>
      ) : (
        <p className="muted">COMLEX-USA questions appear when your applicant type is U.S. DO.</p>
      )}
    </>
  );
}
