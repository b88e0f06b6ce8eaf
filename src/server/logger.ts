import { pino } from 'pino';

/** What the app logs through: pino on the server, the console in the browser edition. */
export type Logger = Pick<pino.Logger, 'info' | 'warn' | 'error'>;

/** JSON logs to stdout (structured for hosted use); `silent` in tests unless MATCHWISE_LOG_LEVEL is set. */
export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: { app: 'matchwise' } });
}
