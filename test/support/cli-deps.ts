/** What the CLI runs on in tests: the shared answer context, and the application over the state `env` names. */
import type { CliDeps } from '../../src/cli/run-cli.js';
import { readCliConfig } from '../../src/cli/terminal/cli-config.js';
import { openLocalApplication } from '../../src/compose.js';
import { testAnswerContext } from './answer-context.js';
import { captureLogger } from './capture-logger.js';

export function cliDeps(env: Readonly<Record<string, string | undefined>> = process.env): CliDeps {
  return {
    openContext: testAnswerContext,
    openApplication: (context, access) => openLocalApplication(context, readCliConfig(env), access, captureLogger().logger),
  };
}
