import { geoAlbersUsa, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import statesTopology from 'us-atlas/states-10m.json';
import { normalizeState } from '../../core/geo/census.js';

/** The map's drawing size; the SVG scales to its container through viewBox. */
export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;

export interface StateShape {
  code: string | null;
  name: string;
  d: string;
}

export interface MapGeometry {
  states: StateShape[];
  /** Interior borders drawn once, so shared edges are not stroked twice. */
  borders: string;
  project: (longitude: number, latitude: number) => [number, number] | null;
}

let cached: MapGeometry | null = null;

/**
 * U.S. states from the bundled us-atlas TopoJSON (Census Bureau cartographic boundaries, 1:10m), in the
 * Albers USA projection (Alaska and Hawaii inset). Computed once, on first use; no network.
 */
export function mapGeometry(): MapGeometry {
  if (cached) return cached;
  const topology = statesTopology as unknown as Topology<{
    states: GeometryCollection<{ name: string }>;
  }>;
  const projection = geoAlbersUsa()
    .scale(1300)
    .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]);
  const path = geoPath(projection);
  const collection = feature(topology, topology.objects.states);
  const states = collection.features.map((state) => ({
    code: normalizeState(state.properties?.name ?? ''),
    name: state.properties?.name ?? '',
    d: path(state) ?? '',
  }));
  const borders = path(mesh(topology, topology.objects.states, (a, b) => a !== b)) ?? '';
  cached = {
    states,
    borders,
    project: (longitude, latitude) => projection([longitude, latitude]),
  };
  return cached;
}
