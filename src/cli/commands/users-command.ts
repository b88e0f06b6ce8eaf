import { Command } from 'commander';
import { accountsFor, servingModeFromEnv } from '../../app/hosted-mode.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';
import { withWholeDatabase } from '../open-cli-database.js';

/** Hosted accounts need PostgreSQL; local mode has none to manage. Says so and returns false otherwise. */
function hostedDatabase(io: CliIo): boolean {
  if (io.env.DATABASE_URL?.trim()) return true;
  const serving = servingModeFromEnv(io.env);
  io.stderr(
    `${serving.ok ? 'Accounts exist only in hosted mode, on PostgreSQL: set DATABASE_URL (and MATCHWISE_MODE=hosted for the server).' : serving.message}\n`,
  );
  io.exitCode = 1;
  return false;
}

/** The password on standard input: its first line, so `echo pw | …` and a file with a final newline both work. */
async function passwordFromStdin(io: CliIo): Promise<string> {
  const text = io.readStdin ? await io.readStdin() : '';
  return text.split(/\r?\n/)[0] ?? '';
}

export function usersCommand(io: CliIo): Command {
  const users = new Command('users').description(
    'hosted mode: the accounts on this server (operator commands)',
  );

  users
    .command('add')
    .description('create an account; the password is read from standard input, never from the command line')
    .argument('<email>', 'the user’s email (their login)')
    .requiredOption('--password-stdin', 'read the password from standard input (required)')
    .action(async (email: string) => {
      if (!hostedDatabase(io)) return;
      const password = await passwordFromStdin(io);
      await withWholeDatabase(io, async (db) => {
        const added = await accountsFor(db).addUser(email, password);
        if (!added.ok) {
          for (const issue of added.error) io.stderr(`${issue.path}: ${issue.message}\n`);
          io.exitCode = 1;
          return;
        }
        io.stdout(`Added ${added.value.email}\n`);
      });
    });

  users
    .command('list')
    .description('every account, with how many live sessions it has')
    .action(async () => {
      if (!hostedDatabase(io)) return;
      await withWholeDatabase(io, async (db) => {
        const list = await accountsFor(db).listUsers();
        const rows = list.map((user) => [
          user.email,
          user.createdAt.toISOString().slice(0, 10),
          String(user.sessions),
        ]);
        io.stdout(`${formatTable(['Email', 'Created', 'Sessions'], rows)}\n`);
      });
    });

  users
    .command('reset-link')
    .description('print a one-time password-reset link (valid 24 h) to hand to the user; no mail is sent')
    .argument('<email>', 'the account’s email')
    .action(async (email: string) => {
      if (!hostedDatabase(io)) return;
      await withWholeDatabase(io, async (db) => {
        const issued = await accountsFor(db).issueResetToken(email);
        if (!issued) {
          io.stderr(`No account for ${email}\n`);
          io.exitCode = 1;
          return;
        }
        const base = (servingModeFromEnv(io.env).ok && io.env.MATCHWISE_PUBLIC_URL?.trim()) || '';
        const origin = base.replace(/\/+$/, '') || 'http://localhost:5177';
        io.stdout(`${origin}/reset#${issued.token}\n`);
        io.stderr(
          `One use, valid until ${issued.expiresAt.toISOString()}.${base ? '' : ' Set MATCHWISE_PUBLIC_URL to print your site’s address.'}\n`,
        );
      });
    });

  return users;
}
