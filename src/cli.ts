#!/usr/bin/env node
/** Command-line entry: `npm run cli -- ask "…"`, or the `ipplan` bin. */
import { join } from 'node:path';
import { openAnswerLibrary } from './core/answer/open-answer-library.js';
import { openLocalApplication } from './compose.js';
import { runCli } from './cli/run-cli.js';
import { readCliConfig } from './cli/terminal/cli-config.js';
import { processIo, writeLine } from './cli/terminal/cli-io.js';
import { createLogger } from './logger.js';

const io = processIo();
process.exitCode = await runCli(process.argv.slice(2), io, {
  openLibrary: () => {
    const config = readCliConfig(process.env);
    return openAnswerLibrary({
      ...(config.plans.dir ? { plansDir: config.plans.dir } : {}),
      ...(config.plans.current ? { currentPlan: config.plans.current } : {}),
      cacheDir: join(config.dataDir, 'plan-indexes'),
      onStaleIndex: (reason) =>
        writeLine(
          io.stderr,
          `warning: the prebuilt search index is not usable (${reason}); rebuilt it in memory. Run \`npm run build:index\` to refresh index/.`,
        ),
      onNearMeaningsOff: (reason) =>
        writeLine(
          io.stderr,
          `warning: answering without near meanings (${reason}). Run \`npm run build:index\` (it fetches the word vectors from the npm registry).`,
        ),
    });
  },
  openApplication: (library, access) =>
    openLocalApplication(library, readCliConfig(process.env), access, createLogger({ level: 'warn', destination: process.stderr })),
});
