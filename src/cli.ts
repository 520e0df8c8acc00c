#!/usr/bin/env node
/** Command-line entry: `npm run cli -- ask "…"`, or the `ipplan` bin. */
import { openAnswerContext } from './core/answer/open-answer-context.js';
import { openLocalApplication } from './compose.js';
import { runCli } from './cli/run-cli.js';
import { readCliConfig } from './cli/terminal/cli-config.js';
import { processIo, writeLine } from './cli/terminal/cli-io.js';
import { createLogger } from './logger.js';

const io = processIo();
process.exitCode = await runCli(process.argv.slice(2), io, {
  openContext: () =>
    openAnswerContext({
      onStaleIndex: (reason) => writeLine(io.stderr, `warning: the prebuilt search index is not usable (${reason}); rebuilt it in memory. Run \`npm run build:index\` to refresh index/.`),
      onNearMeaningsOff: (reason) => writeLine(io.stderr, `warning: answering without near meanings (${reason}). Run \`npm run build:index\` (it fetches the word vectors from the npm registry).`),
    }),
  openApplication: (context, access) => openLocalApplication(context, readCliConfig(process.env), access, createLogger({ level: 'warn', destination: process.stderr })),
});
