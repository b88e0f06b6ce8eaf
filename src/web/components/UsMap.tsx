import { type ReactNode, useId, useMemo } from 'react';
import type { Program } from '../../core/catalog/program.js';
import { plural } from '../lib/labels.js';
import { MAP_HEIGHT, MAP_WIDTH, mapGeometry } from './us-map-geometry.js';

/** What the map needs of a program: where it is and which state it is in. */
export type MapProgram = Pick<Program, 'acgmeId' | 'state' | 'latitude' | 'longitude'>;

interface UsMapProps {
  /** Every program in the catalog, drawn as faint context dots. */
  programs: readonly MapProgram[];
  /** The programs that match the current filters, drawn highlighted. */
  highlighted: readonly MapProgram[];
  /** States to shade (the state filter). */
  highlightedStates?: readonly string[];
  selectedId?: string | null;
  /** What the table beside the map is called, for the description. */
  tableName?: string;
  /**
   * Optional: draw the highlighted programs by category (e.g. tier), each with its own shape and colour
   * (CSS class `map-mark is-<key>`), with a legend in the caption. Without it the map looks as it always has.
   */
  categories?: readonly MapCategory[];
  /** The category key of a highlighted program; programs without one are drawn as plain dots. */
  categoryOf?: (acgmeId: string) => string | undefined;
  /** Replaces the accessible name "Map of N programs"; keep it starting with "Map of". */
  label?: string;
  /** Replaces the words after the legend ("N programs in M states …"). */
  summary?: ReactNode;
}

export type MapShape = 'circle' | 'square' | 'diamond' | 'triangle';

export interface MapCategory {
  key: string;
  label: string;
  /** A shape as well as a colour, so categories differ for people who do not see the colours. */
  shape: MapShape;
}

interface Dot {
  id: string;
  x: number;
  y: number;
}

/** One mark of a category, centred on (x, y), about as large as a dot of radius r. */
export function MapMark({
  shape,
  x,
  y,
  r,
  className,
}: {
  shape: MapShape;
  x: number;
  y: number;
  r: number;
  className?: string;
}) {
  switch (shape) {
    case 'square':
      return <rect className={className} x={x - r * 0.9} y={y - r * 0.9} width={r * 1.8} height={r * 1.8} />;
    case 'diamond':
      return (
        <path
          className={className}
          d={`M${x},${y - r * 1.25}L${x + r * 1.25},${y}L${x},${y + r * 1.25}L${x - r * 1.25},${y}Z`}
        />
      );
    case 'triangle':
      return (
        <path
          className={className}
          d={`M${x},${y - r * 1.3}L${x + r * 1.2},${y + r * 0.9}L${x - r * 1.2},${y + r * 0.9}Z`}
        />
      );
    default:
      return <circle className={className} cx={x} cy={y} r={r} />;
  }
}

/** A legend symbol: the category's mark in a small inline SVG. */
export function MapLegendMark({ category }: { category: MapCategory }) {
  return (
    <svg
      className="map-legend-mark"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <MapMark shape={category.shape} x={8} y={8} r={5} className={`map-mark is-${category.key}`} />
    </svg>
  );
}

function project(programs: readonly MapProgram[]): { dots: Dot[]; unplaced: number } {
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
export function mapLabel(programs: readonly MapProgram[]): string {
  return `Map of ${plural(programs.length, 'program')}`;
}

export const stateCount = (programs: readonly MapProgram[]): number =>
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
  categories,
  categoryOf,
  label,
  summary,
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
  const categoryByKey = useMemo(
    () => new Map((categories ?? []).map((category) => [category.key, category])),
    [categories],
  );
  const categoryCounts = useMemo(() => {
    const counts = new Map<string, number>();
    if (categoryOf) {
      for (const program of highlighted) {
        const key = categoryOf(program.acgmeId);
        if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return counts;
  }, [highlighted, categoryOf]);

  return (
    <figure className="us-map">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-label={label ?? mapLabel(highlighted)}
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
        <g className={categories ? 'map-dots map-dots-categories' : 'map-dots'}>
          {main.dots.map((dot) => {
            const category = categoryOf ? categoryByKey.get(categoryOf(dot.id) ?? '') : undefined;
            return category ? (
              <MapMark
                key={dot.id}
                shape={category.shape}
                x={dot.x}
                y={dot.y}
                r={5}
                className={`map-mark is-${category.key}`}
              />
            ) : (
              <circle key={dot.id} cx={dot.x} cy={dot.y} r={4.5} />
            );
          })}
        </g>
        {selected ? <circle className="map-selected" cx={selected.x} cy={selected.y} r={10} /> : null}
      </svg>
      <figcaption id={descriptionId} className="map-caption">
        {categories ? (
          <ul className="map-legend">
            {categories.map((category) => (
              <li key={category.key}>
                <MapLegendMark category={category} /> {category.label}:{' '}
                {plural(categoryCounts.get(category.key) ?? 0, 'program')}
              </li>
            ))}
          </ul>
        ) : (
          <>
            <span className="legend-dot is-highlighted" aria-hidden="true" />{' '}
          </>
        )}
        {summary ?? (
          <>
            {plural(highlighted.length, 'program')} in {plural(stateCount(highlighted), 'state')}
            {others > 0 ? ' matching your filters' : ' in your catalog'}
          </>
        )}
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
