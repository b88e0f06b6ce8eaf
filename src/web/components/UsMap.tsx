import { useId, useMemo } from 'react';
import type { Program } from '../../core/catalog/program.js';
import { plural } from '../lib/labels.js';
import { MAP_HEIGHT, MAP_WIDTH, mapGeometry } from './us-map-geometry.js';

interface UsMapProps {
  /** Every program in the catalog, drawn as faint context dots. */
  programs: readonly Program[];
  /** The programs that match the current filters, drawn highlighted. */
  highlighted: readonly Program[];
  /** States to shade (the state filter). */
  highlightedStates?: readonly string[];
  selectedId?: string | null;
  /** What the table beside the map is called, for the description. */
  tableName?: string;
}

interface Dot {
  id: string;
  x: number;
  y: number;
}

function project(programs: readonly Program[]): { dots: Dot[]; unplaced: number } {
  const { project: toPoint } = mapGeometry();
  const dots: Dot[] = [];
  let unplaced = 0;
  for (const program of programs) {
    const point =
      program.latitude !== null && program.longitude !== null
        ? toPoint(program.longitude, program.latitude)
        : null;
    if (point) dots.push({ id: program.acgmeId, x: point[0], y: point[1] });
    else unplaced += 1;
  }
  return { dots, unplaced };
}

/**
 * The map's accessible name, "Map of 37 programs". The state count ("in 3 states") goes in the description
 * so the name never contains the word "state", which would make the map a second match for the State
 * filter's label in label-based lookups (getByLabel in tests, label lists in assistive technology).
 */
export function mapLabel(programs: readonly Program[]): string {
  return `Map of ${plural(programs.length, 'program')}`;
}

export const stateCount = (programs: readonly Program[]): number =>
  new Set(programs.map((program) => program.state)).size;

/**
 * Programs as dots on a U.S. map, drawn offline from the bundled atlas. The SVG is one image with a name
 * and description; the programs table on the page is its text alternative.
 */
export function UsMap({
  programs,
  highlighted,
  highlightedStates = [],
  selectedId = null,
  tableName,
}: UsMapProps) {
  const descriptionId = useId();
  const geometry = mapGeometry();
  const highlightedIds = useMemo(() => new Set(highlighted.map((p) => p.acgmeId)), [highlighted]);
  const context = useMemo(
    () => project(programs.filter((program) => !highlightedIds.has(program.acgmeId))),
    [programs, highlightedIds],
  );
  const main = useMemo(() => project(highlighted), [highlighted]);
  const shaded = new Set(highlightedStates);
  const selected = main.dots.find((dot) => dot.id === selectedId);
  const others = programs.length - highlighted.length;

  return (
    <figure className="us-map">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-label={mapLabel(highlighted)}
        aria-describedby={descriptionId}
        preserveAspectRatio="xMidYMid meet"
      >
        <g className="map-states">
          {geometry.states.map((state) => (
            <path
              key={state.name}
              d={state.d}
              className={state.code && shaded.has(state.code) ? 'is-shaded' : undefined}
            />
          ))}
        </g>
        <path className="map-borders" d={geometry.borders} />
        <g className="map-dots-context">
          {context.dots.map((dot) => (
            <circle key={dot.id} cx={dot.x} cy={dot.y} r={3} />
          ))}
        </g>
        <g className="map-dots">
          {main.dots.map((dot) => (
            <circle key={dot.id} cx={dot.x} cy={dot.y} r={4.5} />
          ))}
        </g>
        {selected ? <circle className="map-selected" cx={selected.x} cy={selected.y} r={10} /> : null}
      </svg>
      <figcaption id={descriptionId} className="map-caption">
        <span className="legend-dot is-highlighted" aria-hidden="true" />{' '}
        {plural(highlighted.length, 'program')} in {plural(stateCount(highlighted), 'state')}
        {others > 0 ? ' matching your filters' : ' in your catalog'}
        {others > 0 ? (
          <>
            {'; '}
            <span className="legend-dot is-context" aria-hidden="true" /> {plural(others, 'other program')} in
            grey
          </>
        ) : null}
        .{' '}
        {main.unplaced > 0
          ? `${plural(main.unplaced, 'program')} without coordinates (or outside the map, e.g. Puerto Rico) ${main.unplaced === 1 ? 'is' : 'are'} not drawn. `
          : ''}
        {tableName ? `The ${tableName} table lists every program shown.` : null}
      </figcaption>
    </figure>
  );
}
