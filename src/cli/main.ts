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
};

process.exitCode = await runCli(io, process.argv.slice(2));
