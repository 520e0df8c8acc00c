/**
 * Process entry for `npm start`: opens the plan and its search, then serves Slack when configured,
 * or the local console on a terminal.
 */
import { openAnswerContext } from './answer/open-answer-context.js';
import { processIo } from './cli/cli-io.js';
import { runLocalConsole } from './cli/local-console.js';

const io = processIo();
const ctx = openAnswerContext({
  onStaleIndex: (reason) => io.stderr.write(`warning: search index rebuilt in memory (${reason}); run npm run build:index\n`),
});
await runLocalConsole(ctx, io);
