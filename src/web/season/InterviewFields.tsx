import { useId } from 'react';
import type { Interview } from '../lib/api/season.js';
import { InputField, SelectField } from '../network/fields.js';
import { COMMON_TIME_ZONES } from './interview-time.js';

const MODE_OPTIONS = [
  { value: 'virtual', label: 'Virtual' },
  { value: 'in-person', label: 'In person' },
];

interface InterviewFieldsProps {
  interviewAt: string;
  timeZone: string;
  mode: Interview['mode'];
  onChange: (change: Partial<{ interviewAt: string; timeZone: string; mode: Interview['mode'] }>) => void;
  errors: Partial<Record<'interviewAt' | 'timeZone' | 'mode', string>>;
}

/** Date and time in the program's zone, the zone (IANA, with US suggestions) and virtual or in person. */
export function InterviewFields({ interviewAt, timeZone, mode, onChange, errors }: InterviewFieldsProps) {
  const zonesId = useId();
  return (
    <>
      <InputField
        type="datetime-local"
        name="interviewAt"
        label="Interview date and time"
        hint="The program's local time."
        value={interviewAt}
        onChange={(value) => onChange({ interviewAt: value })}
        error={errors.interviewAt}
      />
      <InputField
        name="timeZone"
        label="Time zone"
        hint="The program’s zone from its state and city; check it against the invitation."
        list={zonesId}
        value={timeZone}
        onChange={(value) => onChange({ timeZone: value })}
        error={errors.timeZone}
      />
      <datalist id={zonesId}>
        {COMMON_TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <SelectField
        name="mode"
        label="Format"
        value={mode}
        onChange={(value) => onChange({ mode: value as Interview['mode'] })}
        options={MODE_OPTIONS}
        error={errors.mode}
      />
    </>
  );
}
