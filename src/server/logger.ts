import { pino } from 'pino';

export type Logger = pino.Logger;

/** JSON logs to stdout (structured for hosted use); `silent` in tests unless MATCHWISE_LOG_LEVEL is set. */
export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: { app: 'matchwise' } });
}
