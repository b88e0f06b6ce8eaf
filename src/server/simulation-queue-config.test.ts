import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATION_WORKERS, simulationQueueFromEnv } from './simulation-queue-config.js';

const DATABASE_URL = 'postgres://matchwise:secret@db.internal:5432/matchwise';

describe('which servers queue simulations in PostgreSQL', () => {
  it('a hosted server on PostgreSQL does, running two at once unless told otherwise', () => {
    expect(simulationQueueFromEnv({ MATCHWISE_MODE: 'hosted', DATABASE_URL })).toEqual({
      databaseUrl: DATABASE_URL,
      workers: DEFAULT_SIMULATION_WORKERS,
    });
    expect(
      simulationQueueFromEnv({ MATCHWISE_MODE: 'hosted', DATABASE_URL, MATCHWISE_SIMULATION_WORKERS: '0' }),
    ).toEqual({ databaseUrl: DATABASE_URL, workers: 0 });
  });

  it('local mode does not, even on PostgreSQL', () => {
    expect(simulationQueueFromEnv({ DATABASE_URL })).toBeNull();
    expect(simulationQueueFromEnv({ MATCHWISE_MODE: 'local', DATABASE_URL })).toBeNull();
    expect(simulationQueueFromEnv({ MATCHWISE_MODE: 'hosted', DATABASE_URL: ' ' })).toBeNull();
  });

  it('refuses a worker count that is not a whole number from 0 to 16, naming the variable', () => {
    for (const bad of ['-1', '1.5', 'two', '17']) {
      expect(() =>
        simulationQueueFromEnv({ MATCHWISE_MODE: 'hosted', DATABASE_URL, MATCHWISE_SIMULATION_WORKERS: bad }),
      ).toThrow(/MATCHWISE_SIMULATION_WORKERS/);
    }
  });
});
