import { explainProgram, recommend, whatIf } from '../../core/smartpick/index.js';

/**
 * The pure SmartPick computations the server runs off the event loop. Each takes and returns plain data
 * (structured-clone safe), so the same table serves the worker thread and the inline fallback.
 */
export const COMPUTE_TASKS = {
  recommend,
  whatIf,
  explainProgram,
} as const;

export type ComputeTaskName = keyof typeof COMPUTE_TASKS;
export type ComputeInput<T extends ComputeTaskName> = Parameters<(typeof COMPUTE_TASKS)[T]>[0];
export type ComputeOutput<T extends ComputeTaskName> = ReturnType<(typeof COMPUTE_TASKS)[T]>;

export interface ComputeRequest {
  id: number;
  task: ComputeTaskName;
  input: unknown;
}

export type ComputeResponse =
  | { id: number; ok: true; output: unknown }
  | { id: number; ok: false; message: string };

export function runComputeTask(request: ComputeRequest): ComputeResponse {
  try {
    const task = COMPUTE_TASKS[request.task] as (input: unknown) => unknown;
    return { id: request.id, ok: true, output: task(request.input) };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}
