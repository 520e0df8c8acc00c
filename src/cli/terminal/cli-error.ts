/** Input the CLI refuses: printed as one line on standard error, exit code 2. */
import type { Answer } from '../../core/answer/answer-schema.js';
import { hasControlCharacters } from '../../core/search/query/clean-question.js';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export class CliUsageError extends Error {
  readonly exitCode = EXIT.usage;

  constructor(
    message: string,
    /** A short machine-readable reason (`empty`, `out-of-range`, `control-characters` …). */
    readonly code = 'usage',
  ) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** Notices that mean the input itself was wrong (as opposed to "nothing found"). */
const INPUT_PROBLEMS: ReadonlySet<string> = new Set(['empty', 'too-long', 'out-of-range', 'bad-range']);

export function rejectControlCharacters(input: string): void {
  if (hasControlCharacters(input)) throw new CliUsageError('输入包含控制字符，请只输入文字。', 'control-characters');
}

/** Throws the answer's notice as a usage error when the input was at fault. */
export function rejectBadInput(answer: Answer): void {
  if (answer.notice && INPUT_PROBLEMS.has(answer.notice.code) && answer.kind === 'none') {
    throw new CliUsageError(answer.notice.message, answer.notice.code);
  }
}
