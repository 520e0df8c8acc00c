import type { Answer } from '../core/answer/answer-schema.js';
import { hasControlCharacters } from '../core/search/query/clean-question.js';
import { CliUsageError } from './cli-error.js';

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
