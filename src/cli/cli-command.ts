/** What every CLI command receives: its argument, the options, the streams, and the answer context on demand. */
import type { AnswerContext } from '../core/answer/answer-values.js';
import type { CliIo } from './cli-io.js';

export interface CliOptions {
  json: boolean;
  batch: boolean;
  csv: boolean;
  limit?: number;
  date?: string;
  /** Who is making a change (`progress set`). */
  by?: string;
}

export interface CliRun {
  /** The positional words after the command, joined by spaces. */
  argument: string;
  options: CliOptions;
  io: CliIo;
  /** Opens the answer context (the plan and its search index); only commands that answer call it. */
  context(): AnswerContext;
  /** The environment the configuration is read from (DATA_DIR, DIGEST_TZ …). */
  env: Readonly<Record<string, string | undefined>>;
}

/** A command returns its exit code; bad input is a thrown CliUsageError. */
export type CliCommand = (run: CliRun) => Promise<number> | number;
