#!/usr/bin/env node
/** Command-line entry: `npm run cli -- ask "…"`, or the `ipplan` bin. */
import { openAnswerContext } from './compose.js';
import { runCli } from './cli/run-cli.js';
import { processIo, writeLine } from './cli/cli-io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo(), {
  openContext: (io) =>
    openAnswerContext({
      onStaleIndex: (reason) => writeLine(io.stderr, `warning: the prebuilt search index is not usable (${reason}); rebuilt it in memory. Run \`npm run build:index\` to refresh index/.`),
    }),
});
