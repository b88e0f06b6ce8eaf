import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { toProblem } from '../lib/api/problem.js';
import { type RankListView, seasonApi, seasonKeys, useApplications, useRankList } from '../lib/api/season.js';
import { plural } from '../lib/labels.js';
import {
  draftFromRankList,
  isRankDraftDirty,
  type RankDraft,
  rankListBody,
  setRanked,
  setWouldNotAttend,
} from '../season/rank-list-draft.js';
import { moveItem, positionAnnouncement } from '../season/reorder.js';
import { SimulationPanel } from '../season/SimulationPanel.js';

const DRAG_TYPE = 'application/x-matchwise-rank';

interface EditorProps {
  view: RankListView;
  names: Map<string, string>;
  interviewedIds: string[];
}

function CouplesEditor({
  draft,
  setDraft,
  names,
}: {
  draft: RankDraft;
  setDraft: (update: (d: RankDraft) => RankDraft) => void;
  names: Map<string, string>;
}) {
  const partnerId = useId();
  const setPair = (index: number, change: Partial<RankDraft['pairs'][number]>) =>
    setDraft((d) => ({ ...d, pairs: d.pairs.map((p, i) => (i === index ? { ...p, ...change } : p)) }));
  const myOptions = [...new Set([...draft.ranked, ...names.keys()])];
  return (
    <fieldset className="subsection couples-editor">
      <legend>Couples list</legend>
      <p className="muted small">
        Each line is one pair you and your partner would accept together, most wanted first. Leave a side
        empty for “no match” on that side.
      </p>
      <div className="field">
        <label htmlFor={partnerId}>Partner's name</label>
        <input
          id={partnerId}
          value={draft.partnerName}
          onChange={(event) => setDraft((d) => ({ ...d, partnerName: event.target.value }))}
        />
      </div>
      <ol className="couples-lines">
        {draft.pairs.map((pair, index) => (
          <li key={index} className="couples-line">
            <div className="field">
              <label htmlFor={`${partnerId}-mine-${index}`}>Line {index + 1}: my program</label>
              <select
                id={`${partnerId}-mine-${index}`}
                value={pair.mine}
                onChange={(event) => setPair(index, { mine: event.target.value })}
              >
                <option value="">No match</option>
                {myOptions.map((id) => (
                  <option key={id} value={id}>
                    {names.get(id) ?? id}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${partnerId}-partner-${index}`}>Line {index + 1}: partner's program</label>
              <input
                id={`${partnerId}-partner-${index}`}
                value={pair.partner}
                placeholder="No match"
                onChange={(event) => setPair(index, { partner: event.target.value })}
              />
            </div>
            <div className="couples-line-actions">
              <button
                type="button"
                className="button ghost small"
                disabled={index === 0}
                onClick={() => setDraft((d) => ({ ...d, pairs: moveItem(d.pairs, index, index - 1) }))}
              >
                Up<span className="visually-hidden"> line {index + 1}</span>
              </button>
              <button
                type="button"
                className="button ghost small"
                disabled={index === draft.pairs.length - 1}
                onClick={() => setDraft((d) => ({ ...d, pairs: moveItem(d.pairs, index, index + 1) }))}
              >
                Down<span className="visually-hidden"> line {index + 1}</span>
              </button>
              <button
                type="button"
                className="button ghost small"
                onClick={() => setDraft((d) => ({ ...d, pairs: d.pairs.filter((_, i) => i !== index) }))}
              >
                Remove<span className="visually-hidden"> line {index + 1}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button secondary small"
        onClick={() =>
          setDraft((d) => ({
            ...d,
            pairs: [...d.pairs, { mine: d.ranked[d.pairs.length] ?? '', partner: '' }],
          }))
        }
      >
        Add a pair
      </button>
    </fieldset>
  );
}

function RankListEditor({ view, names, interviewedIds }: EditorProps) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<RankDraft>(() => draftFromRankList(view));
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const dirty = isRankDraftDirty(draft, view);
  const nameOf = (id: string) => names.get(id) ?? id;

  const save = useMutation({
    mutationFn: () => seasonApi.saveRankList(rankListBody(draft)),
    onMutate: () => setAnnouncement('Saving your rank list…'),
    onSuccess: async (next) => {
      queryClient.setQueryData(seasonKeys.rankList, next);
      setDraft(draftFromRankList(next));
      setAnnouncement(
        `Rank list saved: ${plural(next.ranked.length, 'program')}${next.warnings.length > 0 ? `, ${plural(next.warnings.length, 'warning')}` : ''}.`,
      );
      await queryClient.invalidateQueries({ queryKey: seasonKeys.applications });
    },
    onError: () => setAnnouncement(''),
  });

  const move = (from: number, to: number, focus?: 'up' | 'down') => {
    const id = draft.ranked[from];
    if (id === undefined) return;
    const ranked = moveItem(draft.ranked, from, to);
    const index = ranked.indexOf(id);
    setDraft((d) => ({ ...d, ranked }));
    setAnnouncement(positionAnnouncement(nameOf(id), index, ranked.length));
    if (focus) {
      requestAnimationFrame(() => {
        const button = document.getElementById(`rank-${focus}-${id}`) as HTMLButtonElement | null;
        (button && !button.disabled
          ? button
          : document.getElementById(`rank-${focus === 'up' ? 'down' : 'up'}-${id}`)
        )?.focus();
      });
    }
  };

  const onDrop = (toIndex: number) => (event: DragEvent) => {
    event.preventDefault();
    const id = event.dataTransfer.getData(DRAG_TYPE) || dragging;
    setDragging(null);
    if (!id) return;
    const from = draft.ranked.indexOf(id);
    if (from >= 0) move(from, toIndex);
  };

  const notRanked = interviewedIds.filter((id) => !draft.ranked.includes(id));
  const wna = new Set(draft.wouldNotAttend);

  return (
    <>
      {view.warnings.length > 0 ? (
        <div className="alert alert-warning" role="status">
          <p className="alert-title">Check your list</p>
          <ul>
            {view.warnings.map((warning, index) => (
              <li key={`${warning.kind}-${warning.acgmeId ?? index}`}>{warning.message}</li>
            ))}
          </ul>
          {dirty ? <p className="small">These are for the saved list; save to check your changes.</p> : null}
        </div>
      ) : null}

      <div className="rank-layout">
        <section className="card" aria-labelledby="ranked-heading">
          <h2 id="ranked-heading" ref={listHeading} tabIndex={-1}>
            Your rank order list ({draft.ranked.length})
          </h2>
          <p className="muted small">
            First choice first. Drag a program, or use Up and Down. Rank every program you would attend; the
            minimum Matchwise checks for is {view.minimumRanked}.
          </p>
          {draft.ranked.length === 0 ? (
            <p className="empty-state">
              No program ranked yet. Add interviewed programs from the list beside.
            </p>
          ) : (
            <ol className="rank-list">
              {draft.ranked.map((id, index) => (
                <li
                  key={id}
                  className={`rank-item${dragging === id ? ' is-dragging' : ''}${wna.has(id) ? ' is-warn' : ''}`}
                  draggable
                  onDragStart={(event) => {
                    event.dataTransfer.setData(DRAG_TYPE, id);
                    event.dataTransfer.effectAllowed = 'move';
                    setDragging(id);
                  }}
                  onDragEnd={() => setDragging(null)}
                  onDragOver={(event) => {
                    event.preventDefault();
                    event.dataTransfer.dropEffect = 'move';
                  }}
                  onDrop={onDrop(index)}
                >
                  <span className="rank-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <div className="rank-body">
                    <span className="rank-name">{nameOf(id)}</span>
                    <label className="choice small">
                      <input
                        type="checkbox"
                        checked={wna.has(id)}
                        onChange={(event) => setDraft((d) => setWouldNotAttend(d, id, event.target.checked))}
                      />{' '}
                      Would not attend<span className="visually-hidden"> {nameOf(id)}</span>
                    </label>
                  </div>
                  <div className="rank-actions">
                    <button
                      id={`rank-up-${id}`}
                      type="button"
                      className="button ghost small"
                      disabled={index === 0}
                      onClick={() => move(index, index - 1, 'up')}
                    >
                      Up<span className="visually-hidden"> {nameOf(id)}</span>
                    </button>
                    <button
                      id={`rank-down-${id}`}
                      type="button"
                      className="button ghost small"
                      disabled={index === draft.ranked.length - 1}
                      onClick={() => move(index, index + 1, 'down')}
                    >
                      Down<span className="visually-hidden"> {nameOf(id)}</span>
                    </button>
                    <button
                      type="button"
                      className="button ghost small"
                      onClick={() => {
                        setDraft((d) => setRanked(d, id, false));
                        setAnnouncement(`Removed ${nameOf(id)} from the rank list.`);
                        listHeading.current?.focus();
                      }}
                    >
                      Remove<span className="visually-hidden"> {nameOf(id)} from the rank list</span>
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section className="card" aria-labelledby="not-ranked-heading">
          <h2 id="not-ranked-heading">Interviewed, not ranked ({notRanked.length})</h2>
          {notRanked.length === 0 ? (
            <p className="muted small">
              Every interviewed program is on your list. Programs appear here once they reach “Interviewed” on{' '}
              <Link to="/applications">Applications</Link>.
            </p>
          ) : (
            <ul className="compact-list">
              {notRanked.map((id) => (
                <li key={id} className="rank-candidate">
                  <span>{nameOf(id)}</span>
                  <label className="choice small">
                    <input
                      type="checkbox"
                      checked={wna.has(id)}
                      onChange={(event) => setDraft((d) => setWouldNotAttend(d, id, event.target.checked))}
                    />{' '}
                    Would not attend<span className="visually-hidden"> {nameOf(id)}</span>
                  </label>
                  <button
                    type="button"
                    className="button secondary small"
                    onClick={() => {
                      setDraft((d) => setRanked(d, id, true));
                      setAnnouncement(`Added ${nameOf(id)} at position ${draft.ranked.length + 1}.`);
                    }}
                  >
                    Rank<span className="visually-hidden"> {nameOf(id)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="couples-heading">
        <h2 id="couples-heading">Couples mode</h2>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.couplesEnabled}
            onChange={(event) => setDraft((d) => ({ ...d, couplesEnabled: event.target.checked }))}
          />{' '}
          We are applying as a couple
        </label>
        {draft.couplesEnabled ? <CouplesEditor draft={draft} setDraft={setDraft} names={names} /> : null}
      </section>

      <div className="actions rank-save">
        <button
          type="button"
          className="button primary"
          disabled={save.isPending || !dirty}
          aria-busy={save.isPending}
          onClick={() => save.mutate()}
        >
          Save rank list
        </button>
        <button
          type="button"
          className="button ghost"
          disabled={!dirty}
          onClick={() => {
            setDraft(draftFromRankList(view));
            setAnnouncement('Changes undone.');
          }}
        >
          Undo changes
        </button>
        <span className="small muted">
          {dirty ? 'Unsaved changes.' : view.updatedAt ? 'Saved.' : 'Not saved yet.'}
        </span>
      </div>
      <div role="status" aria-live="polite" className="page-status">
        {announcement ? <p className="status-info">{announcement}</p> : null}
      </div>
      {save.isError ? (
        <ProblemAlert problem={toProblem(save.error)} heading="The rank list was not saved" />
      ) : null}

      <SimulationPanel draftOrder={draft.ranked} unsaved={dirty} names={names} />
    </>
  );
}

/** The rank order list: order the interviewed programs, see the warnings, save, and simulate the odds. */
export function RankListPage() {
  const rankList = useRankList();
  const applications = useApplications();
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const a of applications.data?.applications ?? []) map.set(a.acgmeId, a.program.name);
    for (const c of rankList.data?.candidates ?? []) map.set(c.acgmeId, c.name);
    // A ranked program since removed from the catalog has no program: keep the name known from elsewhere.
    for (const r of rankList.data?.ranked ?? []) if (r.program) map.set(r.acgmeId, r.program.name);
    return map;
  }, [applications.data, rankList.data]);
  const interviewedIds = useMemo(() => {
    const ids = new Set<string>();
    for (const r of rankList.data?.ranked ?? []) if (r.interviewed) ids.add(r.acgmeId);
    for (const c of rankList.data?.candidates ?? []) ids.add(c.acgmeId);
    for (const id of rankList.data?.wouldNotAttend ?? []) ids.add(id);
    return [...ids];
  }, [rankList.data]);

  return (
    <>
      <title>Rank list · Matchwise</title>
      <div className="page-header">
        <h1>Rank list</h1>
        <p className="lede">
          Order the programs you interviewed with by where you want to train — not by where you think you will
          match. Matchwise checks for common mistakes and simulates your odds.
        </p>
        <div className="actions">
          <Link className="button ghost" to="/applications">
            Applications
          </Link>
          <Link className="button ghost" to="/season">
            Season timeline
          </Link>
        </div>
      </div>
      {rankList.isError ? (
        <ProblemAlert
          problem={toProblem(rankList.error)}
          heading="Your rank list could not be loaded"
          onRetry={() => void rankList.refetch()}
        />
      ) : null}
      {rankList.isPending ? <p className="busy-status">Loading your rank list…</p> : null}
      {rankList.data ? (
        <RankListEditor view={rankList.data} names={names} interviewedIds={interviewedIds} />
      ) : null}
    </>
  );
}
