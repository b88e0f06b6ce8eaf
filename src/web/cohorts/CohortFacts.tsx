import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { PROGRAM_FACT_KEYS, type Program, type ProgramFactKey } from '../../core/catalog/program.js';
import { authApi } from '../account/auth-api.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { ApiError } from '../lib/api/problem.js';
import { FACT_LABELS, formatFactValue } from '../lib/labels.js';
import { cohortsApi } from './cohorts-api.js';

/**
 * On a program's page in hosted mode: what the user's cohorts shared about it — differing values side by side,
 * each with who, when, the source and confirmations, and a Confirm button — and sharing one of the user's own
 * facts. Renders nothing for a user in no cohort (and in local mode, where /api/cohorts does not exist).
 */
export function CohortFacts({ program }: { program: Program }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ['auth', 'me'], queryFn: authApi.me, staleTime: Number.POSITIVE_INFINITY });
  const cohorts = useQuery({
    queryKey: ['cohorts'],
    queryFn: cohortsApi.list,
    enabled: me.data?.mode === 'hosted',
  });
  const inCohort = (cohorts.data?.items.length ?? 0) > 0;
  const facts = useQuery({
    queryKey: ['cohorts', 'facts', program.acgmeId],
    queryFn: () => cohortsApi.facts(program.acgmeId),
    enabled: inCohort,
  });
  const own = PROGRAM_FACT_KEYS.filter((key) => program.facts[key] !== undefined);
  const [key, setKey] = useState<ProgramFactKey | ''>('');
  const [cohortId, setCohortId] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cohorts'] });
  const share = useMutation({
    mutationFn: () =>
      cohortsApi.share(
        cohortId || (cohorts.data?.items[0]?.id ?? ''),
        program.acgmeId,
        key || (own[0] ?? ''),
      ),
    onSuccess: () => void refresh(),
  });
  const confirm = useMutation({
    mutationFn: (target: { cohortId: string; factId: string }) =>
      cohortsApi.confirm(target.cohortId, target.factId),
    onSuccess: () => void refresh(),
  });
  if (!inCohort) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    share.mutate();
  }

  return (
    <section aria-labelledby="cohort-facts-heading">
      <h3 id="cohort-facts-heading">Shared by your cohort</h3>
      {facts.data && facts.data.groups.length === 0 ? (
        <p className="muted">Nothing shared about this program yet.</p>
      ) : null}
      {facts.data?.groups.map((group) => (
        <div key={group.key}>
          <h4>
            {FACT_LABELS[group.key]}
            {group.conflict ? ' — members disagree: SmartPick leaves it unknown' : ''}
          </h4>
          <ul className={group.conflict ? 'cohort-values conflict' : 'cohort-values'}>
            {group.values.map((value) => (
              <li key={String(value.value)}>
                <strong>{formatFactValue(group.key, { value: value.value, source: '', asOf: '' })}</strong>
                <ul className="small">
                  {value.shares.map((shared) => (
                    <li key={shared.id}>
                      {shared.sharedBy}
                      {shared.sharedByYou ? ' (you)' : ''}, shared {shared.sharedAt.slice(0, 10)} — source:{' '}
                      {shared.source}, {shared.asOf};{' '}
                      {shared.confirmations === 1
                        ? '1 confirmation'
                        : `${shared.confirmations} confirmations`}
                      {!shared.sharedByYou && !shared.confirmedByYou ? (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="button secondary"
                            onClick={() => confirm.mutate({ cohortId: shared.cohortId, factId: shared.id })}
                            aria-label={`Confirm ${FACT_LABELS[group.key]} shared by ${shared.sharedBy}: I checked this too`}
                          >
                            Confirm
                          </button>
                        </>
                      ) : null}
                      {shared.confirmedByYou ? ' · you confirmed it' : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {program.synthetic ? (
        <p className="muted">
          This is a synthetic demo program: its facts are generated, so there is nothing to share.
        </p>
      ) : own.length > 0 ? (
        <form onSubmit={submit}>
          <fieldset>
            <legend>Share with cohort</legend>
            <label>
              Fact (with the source and date you entered)
              <select
                value={key || own[0]}
                onChange={(event) => setKey(event.target.value as ProgramFactKey)}
              >
                {own.map((factKey) => {
                  const fact = program.facts[factKey];
                  return (
                    <option key={factKey} value={factKey}>
                      {FACT_LABELS[factKey]}: {fact ? formatFactValue(factKey, fact) : ''}
                    </option>
                  );
                })}
              </select>
            </label>
            {(cohorts.data?.items.length ?? 0) > 1 ? (
              <label>
                Cohort
                <select value={cohortId} onChange={(event) => setCohortId(event.target.value)}>
                  {cohorts.data?.items.map((cohort) => (
                    <option key={cohort.id} value={cohort.id}>
                      {cohort.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <p className="small muted">Only this fact is shared; your notes stay private.</p>
            <button type="submit" className="button" disabled={share.isPending}>
              Share with cohort
            </button>
          </fieldset>
        </form>
      ) : null}
      {[share.error, confirm.error].map((error, index) =>
        error instanceof ApiError ? <ProblemAlert key={String(index)} problem={error.problem} /> : null,
      )}
    </section>
  );
}
