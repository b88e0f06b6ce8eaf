#!/usr/bin/env node
import os from 'node:os';
import { runCli } from './build-cli.js';
import { type CliIo, writerUntilPipeCloses } from './cli-io.js';

const io: CliIo = {
  stdout: writerUntilPipeCloses(process.stdout),
  stderr: writerUntilPipeCloses(process.stderr),
  env: process.env,
  homeDir: os.homedir(),
  cwd: process.cwd(),
  exitCode: 0,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

process.exitCode = await runCli(io, process.argv.slice(2));
