import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { TaskState } from '../core/network/playbook/task-state.js';
import { parseStoredRow } from './parse-stored-row.js';
import type { DatabaseSchema } from './schema.js';

/** What the user did with a playbook task, as stored (tasks themselves are recomputed on every read). */
export const taskStateSchema = z.discriminatedUnion('status', [
  z.object({ taskId: z.string().min(1), status: z.literal('done') }),
  z.object({ taskId: z.string().min(1), status: z.literal('dismissed') }),
  z.object({
    taskId: z.string().min(1),
    status: z.literal('snoozed'),
    until: z.iso.date({ message: 'Use a date like 2026-09-01' }),
  }),
]);

export interface TaskStateRepository {
  list(): Promise<TaskState[]>;
  /** Creates or replaces the state of one task. */
  set(state: TaskState): Promise<TaskState>;
  /** Forgets the state: the task is open again. */
  clear(taskId: string): Promise<void>;
}

/** One owner's task states: every read filters by `ownerId`, every write stores it. */
export function createTaskStateRepository(db: Kysely<DatabaseSchema>, ownerId: string): TaskStateRepository {
  return {
    async list() {
      const rows = await db
        .selectFrom('task_states')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .orderBy('task_id')
        .execute();
      return rows.map((row) =>
        parseStoredRow(
          taskStateSchema,
          {
            taskId: row.task_id,
            status: row.status,
            ...(row.until === null ? {} : { until: row.until }),
          },
          `task state ${row.task_id}`,
        ),
      );
    },

    async set(state) {
      const valid = taskStateSchema.parse(state);
      const until = valid.status === 'snoozed' ? valid.until : null;
      await db
        .insertInto('task_states')
        .values({ owner_id: ownerId, task_id: valid.taskId, status: valid.status, until })
        .onConflict((oc) =>
          oc
            .columns(['owner_id', 'task_id'])
            .doUpdateSet({ status: valid.status, until, updated_at: sql<Date>`now()` }),
        )
        .execute();
      return valid;
    },

    async clear(taskId) {
      await db
        .deleteFrom('task_states')
        .where('owner_id', '=', ownerId)
        .where('task_id', '=', taskId)
        .execute();
    },
  };
}
