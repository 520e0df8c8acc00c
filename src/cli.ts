#!/usr/bin/env node
/** Command-line entry: `npm run cli -- ask "…"`, or the `ipplan` bin. */
import { runCli } from './cli/run-cli.js';
import { processIo } from './cli/cli-io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
