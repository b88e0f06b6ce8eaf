import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { servingModeFromEnv } from '../../app/hosted-mode.js';
import { databaseOptionsFromEnv } from '../../db/index.js';
import { createLogger } from '../../server/logger.js';
import { parseAllowedHosts } from '../../server/security/allowed-hosts.js';
import { simulationQueueFromEnv } from '../../server/simulation-queue-config.js';
import { startServer } from '../../server/start-server.js';
import type { CliIo } from '../cli-io.js';
import { packageRoot } from '../package-root.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is 0-65535');
  return port;
}

export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .description('start the Matchwise web app and API')
    .option('--port <port>', 'port', parsePort, Number(io.env.PORT ?? 5177))
    .option(
      '--host <host>',
      'interface to listen on (0.0.0.0 to expose it when hosted)',
      io.env.HOST ?? '127.0.0.1',
    )
    .option(
      '--allowed-hosts <names>',
      'comma-separated host names it answers to besides localhost (required with 0.0.0.0)',
      io.env.MATCHWISE_ALLOWED_HOSTS ?? '',
    )
    .action(async (options: { port: number; host: string; allowedHosts: string }) => {
      const serving = servingModeFromEnv(io.env);
      if (!serving.ok) {
        io.stderr(`${serving.message}\n`);
        io.exitCode = 1;
        return;
      }
      const logger = createLogger(io.env.MATCHWISE_LOG_LEVEL ?? 'info');
      const server = await startServer({
        host: options.host,
        port: options.port,
        database: databaseOptionsFromEnv(io.env, io.homeDir),
        logger,
        webRoot: path.join(packageRoot(), 'dist', 'web'),
        allowedHosts: parseAllowedHosts(options.allowedHosts),
        mode: serving.mode,
        simulationQueue: simulationQueueFromEnv(io.env),
      });
      io.stdout(`Matchwise is running at ${server.url}\n`);
      const stop = (signal: string) => {
        logger.info({ signal }, 'shutting down');
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
}
