/** What every CLI command receives: its argument, the options, the streams, and the answer context on demand. */
import type { AnswerContext } from '../core/answer/answer-values.js';
import type { CliIo } from './cli-io.js';

export interface CliOptions {
  json: boolean;
  batch: boolean;
  limit?: number;
  date?: string;
}

export interface CliRun {
  /** The positional words after the command, joined by spaces. */
  argument: string;
  options: CliOptions;
  io: CliIo;
  /** Opens the answer context (the plan and its search index); only commands that answer call it. */
  context(): AnswerContext;
}

/** A command returns its exit code; bad input is a thrown CliUsageError. */
export type CliCommand = (run: CliRun) => Promise<number> | number;
