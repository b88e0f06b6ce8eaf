import type { Logger } from '../../../server/logger.js';

/**
 * The app's logger in the browser edition: warnings and errors to the console (the browser's developer tools),
 * request lines dropped — there is no operator reading them, and the console is the user's.
 */
export function consoleLogger(): Logger {
  const log =
    (write: (...args: unknown[]) => void) =>
    (...args: unknown[]) =>
      write('[matchwise]', ...args);
  return {
    info: () => {},
    warn: log(console.warn),
    error: log(console.error),
  } as Logger;
}
