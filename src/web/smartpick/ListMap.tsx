import { useCallback, useMemo } from 'react';
import type { ProgramVerdict } from '../../core/smartpick/recommend.js';
import { type MapCategory, type MapProgram, stateCount, UsMap } from '../components/UsMap.js';
import { plural } from '../lib/labels.js';
import { NO_TIER, TIER_KEY_LABELS, tierById } from './tiers.js';

/** Tiers on the map: a shape as well as a colour each. */
const TIER_CATEGORIES: readonly MapCategory[] = [
  { key: 'reach', label: TIER_KEY_LABELS.reach, shape: 'triangle' },
  { key: 'target', label: TIER_KEY_LABELS.target, shape: 'square' },
  { key: 'likely', label: TIER_KEY_LABELS.likely, shape: 'circle' },
];
const NO_TIER_CATEGORY: MapCategory = { key: NO_TIER, label: TIER_KEY_LABELS.none, shape: 'diamond' };

interface ListMapProps {
  list: readonly ProgramVerdict[];
  /** The catalog, for coordinates; programs not on the list are drawn as grey context. */
  catalog: readonly MapProgram[];
}

/** The listed programs on the U.S. map, by tier; the tier tables are its text alternative. */
export function ListMap({ list, catalog }: ListMapProps) {
  const tiers = useMemo(() => tierById(list), [list]);
  const listed = useMemo(() => catalog.filter((program) => tiers.has(program.acgmeId)), [catalog, tiers]);
  const categoryOf = useCallback((acgmeId: string) => tiers.get(acgmeId), [tiers]);
  const categories = useMemo(
    () =>
      list.some((verdict) => verdict.tier === null)
        ? [...TIER_CATEGORIES, NO_TIER_CATEGORY]
        : TIER_CATEGORIES,
    [list],
  );
  return (
    <section aria-labelledby="list-map-heading" className="card map-card list-map">
      <h2 id="list-map-heading">Map</h2>
      <UsMap
        programs={catalog}
        highlighted={listed}
        categories={categories}
        categoryOf={categoryOf}
        label={`Map of ${plural(listed.length, 'program')} on your list by tier`}
        summary={`${plural(listed.length, 'program')} on your list in ${plural(stateCount(listed), 'state')}`}
      />
      <p className="muted small">The tier tables above list every program on the map, with its details.</p>
    </section>
  );
}
