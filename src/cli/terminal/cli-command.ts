/** What every CLI command receives: its argument, the options, the streams, and what it answers from, on demand. */
import type { Application } from '../../app/application.js';
import type { AnswerContext } from '../../core/answer/answer-values.js';
import type { AnswerLibrary } from '../../core/answer/open-answer-library.js';
import type { CliIo } from './cli-io.js';

export interface CliOptions {
  json: boolean;
  batch: boolean;
  csv: boolean;
  /** Overwrite newer records and accept plans the library does not hold (`progress import`). */
  force: boolean;
  limit?: number;
  date?: string;
  /** Who is making a change (`progress set`). */
  by?: string;
  /** Which year's plan (`--plan 2015`); the current plan without it. */
  plan?: string;
  /** A tarball of the word-vector package to build the near meanings from (`build-index`), instead of fetching it. */
  wordVectors?: string;
}

/** The application over the state the configuration names, and how to let go of that state. */
export interface OpenedApplication {
  application: Application;
  close(): Promise<void>;
}

/** `read`: nothing is created and nothing recorded; `write`: an administrator's change, created if need be. */
export type StateAccess = 'read' | 'write';

export interface CliRun {
  /** The positional words after the command, joined by spaces. */
  argument: string;
  options: CliOptions;
  io: CliIo;
  /** Opens the answer context (the plan and its search index); only commands that answer call it. */
  context(): AnswerContext;
  /** Every plan and its search (opened with the context). */
  library(): AnswerLibrary;
  /** Opens the application over the stored state (the record, the digest); close it when done. */
  openApplication(access: StateAccess): Promise<OpenedApplication>;
}

/** A command returns its exit code; bad input is a thrown CliUsageError. */
export type CliCommand = (run: CliRun) => Promise<number> | number;
