import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ApplicantProfile } from '../../core/profile/applicant-profile.js';
import type { ProgramVerdict } from '../../core/smartpick/recommend.js';
import type { RegionMode } from '../../core/smartpick/settings.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { api, SMARTPICK_EXPORT_URL } from '../lib/api/client.js';
import { ApiError, type Problem, toProblem } from '../lib/api/problem.js';
import {
  queryKeys,
  useAllPrograms,
  useProfile,
  useRecommendation,
  useSmartPickSettings,
} from '../lib/api/queries.js';
import { seasonKeys } from '../lib/api/season.js';
import type { ProfileRecord, SmartPickOverride, SmartPickSettings } from '../lib/api/types.js';
import { plural } from '../lib/labels.js';
import { useDebouncedValue } from '../lib/useDebouncedValue.js';
import { markListBuilt } from '../lib/visited.js';
import { AddToApplications } from '../season/AddToApplications.js';
import { formatPercentWithRange } from '../smartpick/format.js';
import type { ListActions } from '../smartpick/ListActions.js';
import { ListMap } from '../smartpick/ListMap.js';
import { ListSettingsForm } from '../smartpick/ListSettingsForm.js';
import { ListSummary } from '../smartpick/ListSummary.js';
import { MatchCurveChart } from '../smartpick/MatchCurveChart.js';
import { ProgramsOffList } from '../smartpick/ProgramsOffList.js';
import { RankedList } from '../smartpick/RankedList.js';
import { REGION_MODE_CHOICES, RegionsControl } from '../smartpick/RegionsControl.js';
import { SignalsList } from '../smartpick/SignalsList.js';
import {
  draftFromSettings,
  isSaved,
  overrideOf,
  parseDraft,
  type SettingsDraft,
  setStars,
  switchBudgetKind,
  toggleExclude,
  togglePin,
} from '../smartpick/settings-draft.js';
import { WhatIfPanel } from '../smartpick/WhatIfPanel.js';

const DEBOUNCE_MS = 400;

/**
 * Every write of the settings (Save settings, pin, exclude, stars) shares one mutation scope, so the PUTs run one
 * after another in the order the user made them. Each change is applied to the cached settings at once, and each
 * PUT sends the cached settings as they are when it runs: a later change always builds on the earlier ones, and
 * the last PUT holds them all.
 */
const SETTINGS_WRITE = { mutationKey: ['smartpick-settings-write'], scope: { id: 'smartpick-settings' } };

type SettingsChange = (settings: SmartPickSettings) => SmartPickSettings;

/** The 422 the recommendation answers when something is missing: which part (`profile` or `programs`). */
function missingPart(error: unknown): 'profile' | 'programs' | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const paths = error.problem.errors.map((e) => e.path);
  if (paths.includes('profile')) return 'profile';
  if (paths.includes('programs')) return 'programs';
  return null;
}

/** What to do before a list can be built: a profile, then a catalog (import, or the synthetic demo). */
function MissingSetup({ missing, problem }: { missing: 'profile' | 'programs'; problem: Problem | null }) {
  const queryClient = useQueryClient();
  const catalog = useAllPrograms();
  const catalogEmpty = catalog.data !== undefined && catalog.data.total === 0;
  const loadDemo = useMutation({
    mutationFn: api.loadDemoCatalog,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.programsAll }),
        queryClient.invalidateQueries({ queryKey: queryKeys.health }),
        queryClient.invalidateQueries({ queryKey: queryKeys.smartPick }),
      ]),
  });
  return (
    <section className="empty-state" aria-labelledby="missing-heading">
      <h2 id="missing-heading">
        {missing === 'profile' ? 'First, your profile' : 'Next, a program catalog'}
      </h2>
      {problem ? <p className="muted small">{problem.title}.</p> : null}
      {missing === 'profile' ? (
        <>
          <p>
            SmartPick builds your list from your exams, experience and preferences.{' '}
            <Link to="/profile">Fill in your profile</Link>, then come back here.
          </p>
          {catalogEmpty ? (
            <p>
              You will also need a program catalog: <Link to="/import">import your program list</Link> or load
              the synthetic demo catalog from <Link to="/">the checklist</Link>.
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p>
            SmartPick chooses from the programs in your catalog.{' '}
            <Link to="/import">Import your program list</Link> or load the synthetic demo catalog to try it.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => loadDemo.mutate()}
              disabled={loadDemo.isPending}
              aria-busy={loadDemo.isPending}
            >
              Load demo catalog (synthetic demo data)
            </button>
          </div>
          <div role="status" aria-live="polite">
            {loadDemo.isPending ? 'Loading the synthetic demo catalog…' : ''}
          </div>
          {loadDemo.isError ? (
            <ProblemAlert
              problem={toProblem(loadDemo.error)}
              heading="The demo catalog could not be loaded"
            />
          ) : null}
        </>
      )}
    </section>
  );
}

/** "My list": settings, the chances, the curve, the tiered list with explanations, signals, map and what-if. */
export function MyListPage() {
  const settings = useSmartPickSettings();
  const profile = useProfile();

  return (
    <>
      <title>My list · Matchwise</title>
      <div className="page-header">
        <h1>My list</h1>
        <p className="lede">
          The programs that give you the best chance of matching within your budget, with honest odds: try a
          budget and see the chances move, ask why any program is in or out, and export the list.
        </p>
      </div>
      {settings.isPending || profile.isPending ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" />
          Loading your settings…
        </p>
      ) : settings.isError || profile.isError ? (
        <ProblemAlert
          problem={toProblem(settings.error ?? profile.error)}
          heading="Your list settings could not be loaded"
          onRetry={() => {
            void settings.refetch();
            void profile.refetch();
          }}
        />
      ) : (
        <ListWorkspace saved={settings.data} profile={profile.data?.profile ?? null} />
      )}
    </>
  );
}

function ListWorkspace({ saved, profile }: { saved: SmartPickSettings; profile: ApplicantProfile | null }) {
  const queryClient = useQueryClient();
  const savedSettings = useSmartPickSettings();
  const profileBudget = profile?.budget ?? null;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(saved, profileBudget));
  const debouncedDraft = useDebouncedValue(draft, DEBOUNCE_MS);
  const parsed = useMemo(() => parseDraft(draft), [draft]);

  // The override sent with every request: the last valid values typed, so an invalid keystroke keeps the list.
  const [override, setOverride] = useState<SmartPickOverride>(() => {
    const initial = parseDraft(draftFromSettings(saved, profileBudget));
    return initial.ok ? overrideOf(initial.settings) : {};
  });
  useEffect(() => {
    const next = parseDraft(debouncedDraft);
    if (!next.ok) return;
    const value = overrideOf(next.settings);
    setOverride((current) => (JSON.stringify(current) === JSON.stringify(value) ? current : value));
  }, [debouncedDraft]);

  // Without a profile there is nothing to build: ask for one instead of a request that can only fail.
  const recommendation = useRecommendation(profile ? override : null);
  const catalog = useAllPrograms();
  const rec = recommendation.data;
  const [message, setMessage] = useState('');
  const listHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (recommendation.isSuccess) markListBuilt();
  }, [recommendation.isSuccess]);

  const syntheticIds = useMemo(
    () => new Set((catalog.data?.items ?? []).filter((p) => p.synthetic).map((p) => p.acgmeId)),
    [catalog.data],
  );
  const syntheticOnList = rec ? rec.list.filter((v) => syntheticIds.has(v.acgmeId)).length : 0;

  const latest = (): SmartPickSettings =>
    queryClient.getQueryData<SmartPickSettings>(queryKeys.smartPickSettings) ?? saved;
  /** Apply a change to the cached settings now (the page shows it at once); returns the settings it makes. */
  const applyLocally = (change: SettingsChange): SmartPickSettings => {
    const next = change(latest());
    queryClient.setQueryData(queryKeys.smartPickSettings, next);
    return next;
  };
  const putLatest = () => api.saveSmartPickSettings(latest());
  /** The saved settings become the cache's unless a later change waits to be saved; then the list re-runs. */
  const afterSave = (next: SmartPickSettings) => {
    if (queryClient.isMutating({ mutationKey: SETTINGS_WRITE.mutationKey }) <= 1)
      queryClient.setQueryData(queryKeys.smartPickSettings, next);
    // The budget is the profile's (one budget, one place): the profile and Applications' totals show it too.
    queryClient.setQueryData<ProfileRecord | null>(queryKeys.profile, (record) =>
      record && next.budget ? { ...record, profile: { ...record.profile, budget: next.budget } } : record,
    );
    void queryClient.invalidateQueries({ queryKey: seasonKeys.applications });
    return queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] === 'smartpick' && query.queryKey[1] !== 'settings',
    });
  };
  /** A write failed: show what the server has. */
  const afterError = () => {
    setMessage('');
    return queryClient.invalidateQueries({ queryKey: queryKeys.smartPickSettings, exact: true });
  };

  const save = useMutation({
    ...SETTINGS_WRITE,
    mutationFn: putLatest,
    onMutate: (change: SettingsChange) => {
      applyLocally(change);
      setMessage('Saving your settings…');
    },
    onSuccess: async (next) => {
      await afterSave(next);
      setMessage('Settings saved. The CSV export uses them.');
    },
    onError: afterError,
  });

  const toggle = useMutation({
    ...SETTINGS_WRITE,
    mutationFn: (_change: { change: SettingsChange; verdict: ProgramVerdict; action: string }) => putLatest(),
    onMutate: ({ change, verdict, action }) => {
      setMessage(`${action} ${verdict.name}…`);
      return { sent: applyLocally(change) };
    },
    onSuccess: async (next, { verdict, action }, context) => {
      await afterSave(next);
      const sent = context.sent;
      const excludedNow = sent.excludes.includes(verdict.acgmeId);
      setMessage(
        action === 'Excluding'
          ? `Excluded ${verdict.name}; it is now under “Programs not on the list”.`
          : action === 'Including'
            ? `${verdict.name} can be on the list again.`
            : sent.pins.includes(verdict.acgmeId)
              ? `Pinned ${verdict.name}: it stays on the list.`
              : `Unpinned ${verdict.name}.`,
      );
      if (excludedNow && verdict.status === 'in') listHeadingRef.current?.focus();
    },
    onError: afterError,
  });

  const rate = useMutation({
    ...SETTINGS_WRITE,
    mutationFn: (_rating: { verdict: ProgramVerdict; stars: number }) => putLatest(),
    onMutate: ({ verdict, stars }) => {
      applyLocally((settings) => setStars(settings, verdict.acgmeId, stars));
      setMessage(
        stars === 0
          ? `Removing your stars for ${verdict.name}…`
          : `Saving ${plural(stars, 'star')} for ${verdict.name}…`,
      );
    },
    onSuccess: async (next, { verdict, stars }) => {
      await afterSave(next);
      setMessage(
        stars === 0
          ? `${verdict.name} is not rated now; the list is updated.`
          : `${verdict.name}: ${plural(stars, 'star')} saved; the list is updated.`,
      );
      // The new list may have moved the program between the list and the programs off it: keep focus on the page.
      if (document.activeElement === document.body) listHeadingRef.current?.focus();
    },
    onError: afterError,
  });

  const places = useMutation({
    ...SETTINGS_WRITE,
    mutationFn: (_mode: RegionMode) => putLatest(),
    onMutate: (mode) => {
      applyLocally((settings) => ({ ...settings, regionMode: mode }));
      setMessage('Saving your places setting…');
    },
    onSuccess: async (next, mode) => {
      await afterSave(next);
      const label = REGION_MODE_CHOICES.find((choice) => choice.mode === mode)?.label ?? mode;
      setMessage(`My places: ${label.toLowerCase()} saved; the list is updated.`);
    },
    onError: afterError,
  });

  const current = savedSettings.data ?? saved;
  const actions: ListActions = {
    pins: new Set(current.pins),
    excludes: new Set(current.excludes),
    stars: current.stars,
    busy: toggle.isPending,
    onTogglePin: (verdict) =>
      toggle.mutate({
        change: (settings) => togglePin(settings, verdict.acgmeId),
        verdict,
        action: current.pins.includes(verdict.acgmeId) ? 'Unpinning' : 'Pinning',
      }),
    onToggleExclude: (verdict) =>
      toggle.mutate({
        change: (settings) => toggleExclude(settings, verdict.acgmeId),
        verdict,
        action: current.excludes.includes(verdict.acgmeId) ? 'Including' : 'Excluding',
      }),
    onSetStars: (verdict, stars) => rate.mutate({ verdict, stars }),
  };

  const pendingInput = parsed.ok && JSON.stringify(overrideOf(parsed.settings)) !== JSON.stringify(override);
  const updating = recommendation.isFetching || pendingInput;
  const missing = profile === null ? 'profile' : missingPart(recommendation.error);
  const formSaved = parsed.ok && isSaved(parsed.settings, current, profileBudget);
  const status = updating
    ? 'Updating…'
    : rec && !recommendation.isError
      ? `Up to date: ${plural(rec.pMatch.listSize, 'program')}, P(match) ${formatPercentWithRange(rec.pMatch.probability, rec.pMatch.range)}.`
      : '';
  const budgetNote = rec
    ? rec.budget.kind === 'dollars'
      ? `Pays for ${plural(rec.budget.programs, 'program')} under the fee schedule.`
      : null
    : null;
  const exportStale = !formSaved;

  return (
    <>
      {missing ? null : (
        <div className="mylist-top">
          <div className="card summary-card" aria-busy={updating}>
            {rec && !missing ? (
              <ListSummary recommendation={rec} syntheticCount={syntheticOnList} />
            ) : recommendation.isPending && !missing ? (
              <p role="status">
                <span className="spinner" aria-hidden="true" />
                Building your list…
              </p>
            ) : (
              <p className="muted">Your chances appear here once SmartPick can build a list.</p>
            )}
          </div>
        </div>
      )}

      <div role="status" aria-live="polite" className="page-status">
        {message ? <p className="status-info">{message}</p> : null}
      </div>
      {toggle.isError ? (
        <ProblemAlert problem={toProblem(toggle.error)} heading="That change was not saved" />
      ) : null}
      {rate.isError ? (
        <ProblemAlert problem={toProblem(rate.error)} heading="Your stars were not saved" />
      ) : null}

      {missing ? (
        <MissingSetup
          missing={missing}
          problem={recommendation.error ? toProblem(recommendation.error) : null}
        />
      ) : recommendation.isError ? (
        <ProblemAlert
          problem={toProblem(recommendation.error)}
          heading="The list could not be built"
          onRetry={() => void recommendation.refetch()}
        />
      ) : null}

      {rec && !missing ? (
        <div className="mylist-results" aria-busy={updating}>
          <section aria-labelledby="list-heading" className="list-section">
            <div className="section-header">
              <h2 id="list-heading" ref={listHeadingRef} tabIndex={-1}>
                Your list
              </h2>
              <div className="actions">
                <AddToApplications
                  acgmeIds={rec.list.map((v) => v.acgmeId)}
                  label="Add list to applications"
                />
                <a className="button secondary" href={SMARTPICK_EXPORT_URL} download="matchwise-list.csv">
                  Export CSV
                </a>
              </div>
            </div>
            <p className="muted small">
              {plural(rec.list.length, 'program')} in the order they joined the list (pins and signals first,
              then by what each adds to P(match)). <a href="#list-settings">Change the budget or signals</a>.{' '}
              {exportStale
                ? 'The CSV export uses your saved settings: save these first to export this list.'
                : 'The CSV export is this list, with the columns an ERAS planning spreadsheet needs.'}
            </p>
            {rec.list.length === 0 ? (
              <p className="empty-state">
                No program is on the list. Raise the budget, or see below why each program is out.
              </p>
            ) : (
              <RankedList
                list={rec.list}
                syntheticIds={syntheticIds}
                actions={actions}
                override={override}
                stopAfter={rec.stopPoint.size}
              />
            )}
          </section>
        </div>
      ) : null}

      {missing ? null : (
        <section className="card list-settings-card" id="list-settings" aria-label="List settings">
          <ListSettingsForm
            draft={draft}
            errors={parsed.ok ? {} : parsed.errors}
            onChange={setDraft}
            onKindChange={(kind) =>
              setDraft((current) => switchBudgetKind(current, kind, savedSettings.data ?? saved))
            }
            onSave={() => {
              if (parsed.ok) {
                const form = parsed.settings;
                save.mutate((settings) => ({ ...settings, ...form }));
              }
            }}
            saving={save.isPending}
            saved={formSaved && !save.isPending}
            status={status}
            busy={updating}
            budgetNote={budgetNote}
            matchYear={rec?.matchYear}
          />
          {save.isError ? (
            <ProblemAlert problem={toProblem(save.error)} heading="Settings were not saved" />
          ) : null}
          {rec ? (
            <RegionsControl
              mode={current.regionMode ?? rec.regions.mode}
              stated={rec.regions.stated}
              outsideOnList={rec.regions.outsideOnList}
              outsideCap={rec.regions.outsideCap}
              busy={places.isPending}
              onChange={(mode) => places.mutate(mode)}
            />
          ) : null}
          {places.isError ? (
            <ProblemAlert problem={toProblem(places.error)} heading="Your places setting was not saved" />
          ) : null}
        </section>
      )}

      {rec && !missing ? (
        <div className="mylist-results" aria-busy={updating}>
          <section className="card" aria-labelledby="curve-heading">
            <h2 id="curve-heading">P(match) by number of programs</h2>
            <MatchCurveChart recommendation={rec} />
          </section>

          <ProgramsOffList programs={rec.programs} syntheticIds={syntheticIds} actions={actions} />

          <SignalsList recommendation={rec} />

          <ListMap list={rec.list} catalog={catalog.data?.items ?? []} />

          <WhatIfPanel programs={rec.programs} profile={profile} override={override} />
        </div>
      ) : null}
    </>
  );
}
