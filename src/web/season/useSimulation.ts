import { useCallback, useEffect, useRef, useState } from 'react';
import { type Problem, toProblem } from '../lib/api/problem.js';
import { type SimulationStatus, seasonApi } from '../lib/api/season.js';
import { loadLastSimulation, type StoredSimulation, saveLastSimulation } from './last-simulation.js';

/** How often a running simulation is asked for its progress. */
export const POLL_MS = 300;

/** A finished run: what was simulated (the saved list, or an unsaved order), its order, when, and the result. */
export type SimulationRun = StoredSimulation;

export interface SimulationState {
  status: SimulationStatus | null;
  problem: Problem | null;
  /** The latest finished run and the one before it, for the side-by-side what-if. */
  latest: SimulationRun | null;
  previous: SimulationRun | null;
  running: boolean;
  start: (input: { runs: number; rankList?: string[]; order: string[]; label: string }) => void;
  cancel: () => void;
}

/**
 * Starts a Monte Carlo run (POST /api/match/simulations), polls it every POLL_MS until it ends, and keeps the
 * last two results. The last one is also kept in this browser, so it is still there after a reload. Leaving the
 * page stops the polling and cancels a run still going.
 */
export function useSimulation(): SimulationState {
  const [status, setStatus] = useState<SimulationStatus | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [latest, setLatest] = useState<SimulationRun | null>(() => loadLastSimulation());
  const [previous, setPrevious] = useState<SimulationRun | null>(null);
  const [running, setRunning] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const current = useRef<{ id: string; label: string; order: string[] } | null>(null);
  const latestRef = useRef<SimulationRun | null>(latest);

  const stopPolling = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const poll = useCallback((id: string, label: string, order: string[]) => {
    timer.current = setTimeout(async () => {
      if (current.current?.id !== id) return;
      try {
        const next = await seasonApi.simulation(id);
        if (current.current?.id !== id) return;
        setStatus(next);
        if (next.status === 'running') {
          poll(id, label, order);
          return;
        }
        current.current = null;
        setRunning(false);
        if (next.status === 'done' && next.result) {
          const run = { label, order, at: new Date().toISOString(), result: next.result };
          saveLastSimulation(run);
          setPrevious(latestRef.current);
          latestRef.current = run;
          setLatest(run);
        } else if (next.status === 'failed') {
          setProblem({
            type: 'about:blank',
            title: next.error ?? 'The simulation failed',
            status: 500,
            errors: [],
          });
        }
      } catch (error) {
        current.current = null;
        setRunning(false);
        setProblem(toProblem(error));
      }
    }, POLL_MS);
  }, []);

  const start = useCallback(
    async ({
      runs,
      rankList,
      order,
      label,
    }: {
      runs: number;
      rankList?: string[];
      order: string[];
      label: string;
    }) => {
      stopPolling();
      setProblem(null);
      setRunning(true);
      setStatus({ id: '', status: 'running', completedRuns: 0, totalRuns: runs, result: null, error: null });
      try {
        const started = await seasonApi.startSimulation(rankList ? { runs, rankList } : { runs });
        current.current = { id: started.id, label, order };
        setStatus({
          id: started.id,
          status: 'running',
          completedRuns: 0,
          totalRuns: started.totalRuns,
          result: null,
          error: null,
        });
        poll(started.id, label, order);
      } catch (error) {
        setRunning(false);
        setStatus(null);
        setProblem(toProblem(error));
      }
    },
    [poll],
  );

  const cancel = useCallback(async () => {
    const run = current.current;
    stopPolling();
    current.current = null;
    setRunning(false);
    setStatus((s) => (s ? { ...s, status: 'canceled' } : s));
    if (run) {
      try {
        await seasonApi.cancelSimulation(run.id);
      } catch (error) {
        setProblem(toProblem(error));
      }
    }
  }, []);

  useEffect(
    () => () => {
      stopPolling();
      const run = current.current;
      current.current = null;
      if (run) void seasonApi.cancelSimulation(run.id).catch(() => undefined);
    },
    [],
  );

  return {
    status,
    problem,
    latest,
    previous,
    running,
    start: (input) => void start(input),
    cancel: () => void cancel(),
  };
}
