import { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { appsCommand } from './commands/apps-command.js';
import { exportCommand } from './commands/backup-command.js';
import { catalogCommand } from './commands/catalog-command.js';
import { contactsCommand } from './commands/contacts-command.js';
import { importCommand } from './commands/import-command.js';
import { matchCommand } from './commands/match-command.js';
import { pickCommand } from './commands/pick-command.js';
import { profileCommand } from './commands/profile-command.js';
import { programsCommand } from './commands/programs-command.js';
import { rolCommand } from './commands/rol-command.js';
import { serveCommand } from './commands/serve-command.js';
import { tasksCommand } from './commands/tasks-command.js';
import { usersCommand } from './commands/users-command.js';

/** The `matchwise` command; every subcommand talks to the same database as the server. */
export function buildCli(io: CliIo): Command {
  const program = new Command('matchwise').description(
    'Matchwise: residency program lists with honest odds, kept on your machine',
  );
  for (const command of [
    serveCommand,
    importCommand,
    exportCommand,
    programsCommand,
    profileCommand,
    catalogCommand,
    pickCommand,
    contactsCommand,
    tasksCommand,
    appsCommand,
    rolCommand,
    matchCommand,
    usersCommand,
  ]) {
    program.addCommand(command(io));
  }
  keepInProcess(program, io);
  return program;
}

/** Commander exits the process on usage errors; tests and callers need an exit code instead, at every depth. */
function keepInProcess(command: Command, io: CliIo): void {
  command
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) });
  for (const sub of command.commands) keepInProcess(sub, io);
}

/** Runs argv (without node and script) and resolves to the exit code. */
export async function runCli(io: CliIo, argv: string[]): Promise<number> {
  try {
    await buildCli(io).parseAsync(argv, { from: 'user' });
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    if (typeof code === 'number') return code;
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }
  return io.exitCode;
}
