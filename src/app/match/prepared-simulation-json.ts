import type { PreparedSimulation } from './rank-list-simulation.js';

/**
 * A prepared simulation as text for the job queue, and back, unchanged: the process that runs a queued job
 * simulates exactly the list and profile the request was checked against. Plain JSON would not do: the
 * applicant's screen holds NaN for a missing score (JSON writes null) and the program names are a Map (JSON
 * writes {}). Both travel as tagged objects no real value has.
 *
 * @example
 * const text = encodePreparedSimulation(prepared);
 * decodePreparedSimulation(text); // deep-equal to prepared, NaN and Map included
 */
export function encodePreparedSimulation(prepared: PreparedSimulation): string {
  return JSON.stringify(prepared, (_key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
    if (value instanceof Map) return { $map: [...value] };
    return value;
  });
}

export function decodePreparedSimulation(text: string): PreparedSimulation {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    if (keys.length !== 1) return value;
    const tagged = value as { $number?: unknown; $map?: unknown };
    if (typeof tagged.$number === 'string') return Number(tagged.$number);
    if (Array.isArray(tagged.$map)) return new Map(tagged.$map as [unknown, unknown][]);
    return value;
  }) as PreparedSimulation;
}
