import type { CouplesList, RankListBody, RankListView } from '../lib/api/season.js';

/** The rank list as the page edits it before Save. */
export interface RankDraft {
  ranked: string[];
  wouldNotAttend: string[];
  couplesEnabled: boolean;
  partnerName: string;
  /** mine: ACGME id or '' (no match); partner: free text, '' (no match). */
  pairs: { mine: string; partner: string }[];
}

export function draftFromRankList(view: RankListView): RankDraft {
  return {
    ranked: view.ranked.map((entry) => entry.acgmeId),
    wouldNotAttend: [...view.wouldNotAttend],
    couplesEnabled: view.couples !== null,
    partnerName: view.couples?.partnerName ?? '',
    pairs: (view.couples?.pairs ?? []).map((pair) => ({
      mine: pair.mine ?? '',
      partner: pair.partner ?? '',
    })),
  };
}

/**
 * The PUT body: couples only in couples mode, with empty cells sent as null ("no match").
 *
 * @example rankListBody({ ranked: ['a'], wouldNotAttend: [], couplesEnabled: false, partnerName: '', pairs: [] })
 */
export function rankListBody(draft: RankDraft, minimumRanked?: number): RankListBody {
  const couples: CouplesList | null = draft.couplesEnabled
    ? {
        partnerName: draft.partnerName.trim(),
        pairs: draft.pairs
          .map((pair) => ({ mine: pair.mine || null, partner: pair.partner.trim() || null }))
          .filter((pair) => pair.mine !== null || pair.partner !== null),
      }
    : null;
  return {
    ranked: draft.ranked,
    wouldNotAttend: draft.wouldNotAttend,
    couples,
    ...(minimumRanked === undefined ? {} : { minimumRanked }),
  };
}

/** True when the draft differs from what is saved (so Save matters and a what-if simulates the draft). */
export function isRankDraftDirty(draft: RankDraft, view: RankListView): boolean {
  return JSON.stringify(rankListBody(draft)) !== JSON.stringify(rankListBody(draftFromRankList(view)));
}

/** Puts a program at the bottom of the list (include) or takes it off (exclude). */
export function setRanked(draft: RankDraft, acgmeId: string, ranked: boolean): RankDraft {
  const without = draft.ranked.filter((id) => id !== acgmeId);
  return { ...draft, ranked: ranked ? [...without, acgmeId] : without };
}

export function setWouldNotAttend(draft: RankDraft, acgmeId: string, value: boolean): RankDraft {
  const without = draft.wouldNotAttend.filter((id) => id !== acgmeId);
  return { ...draft, wouldNotAttend: value ? [...without, acgmeId] : without };
}
