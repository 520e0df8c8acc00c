/**
 * Follow-ups in a conversation: 下一条, 上一条, 再下一条, 全文, 展开, 还有吗 … mean something only
 * after an answer. What an answer leaves behind for them is a {@link ThreadContext} (which the
 * Slack app keeps per thread in its state store, so it survives a restart); this module reads a
 * follow-up and says what it asks for. `那第43条呢` needs no context: it names its measure.
 */
import { z } from 'zod';
import type { Answer } from './answer-schema.js';
import { ANSWER_SHOWS } from './answer-values.js';

export const ThreadContextSchema = z.object({
  /** The last question that was searched, for 还有吗. */
  question: z.string().optional(),
  /** The measures the last answer showed, in order. */
  measures: z.array(z.number().int().positive()),
  /** The measure the last answer was about, for 下一条 and 全文. */
  focus: z.number().int().positive().optional(),
  /** How many results of `question` have been shown so far. */
  shown: z.number().int().nonnegative(),
  /** The plan the measures are from (`2014`): 下一条 steps within it. Absent in conversations kept before plans had ids. */
  plan: z.string().optional(),
});
export type ThreadContext = z.infer<typeof ThreadContextSchema>;

export type FollowUp = { type: 'step'; by: number } | { type: 'full' } | { type: 'more' };

const FILLER =
  /^(?:那一条的?|这一条的?|那条的?|这条的?|它的|它|那么|那|好的?|嗯|ok|然后|接着|再|请|麻烦|把|给我|帮我)*|(?:呢|吗|吧|啊|呀|是什么|是啥|讲什么|说什么|讲的什么|讲的啥|发我|给我|看看|看一下|一下|的内容|内容|[\s\p{P}\p{S}])*$/gu;
const NEXT = /^(?:再|接着|继续)?(?:往下|往后)?(?:看)?(?:下一(?:条|个|项)|下条|后一(?:条|项)|后面一条|下面一条|往下一条|往后一条)$|^(?:继续|接着看|往下|往后)$/u;
const PREVIOUS = /^(?:再)?(?:往上|往前)?(?:上一(?:条|个|项)|上条|前一(?:条|个|项)|前面一条|上面一条|往前一条|往上一条)$/u;
const FULL = /^(?:全文|展开|展开说说|详细|详细内容|完整内容|完整的|原文|具体内容|全部内容|看全文|全文发我|完整)$/u;
const MORE = /^(?:还有|还有别的|还有其他|还有其他的|还有哪些|其他的|别的|更多|更多的|再来几条|还有没有)$/u;

/** What a message asks if it is a follow-up, else undefined. `normalised`: the cleaned, simplified, folded text. */
export function readFollowUp(normalised: string): FollowUp | undefined {
  const core = normalised.replace(FILLER, '');
  if (NEXT.test(core)) return { type: 'step', by: 1 };
  if (PREVIOUS.test(core)) return { type: 'step', by: -1 };
  if (FULL.test(core)) return { type: 'full' };
  if (MORE.test(core)) return { type: 'more' };
  return undefined;
}

/** What an answer leaves for the next message in its conversation. */
export function contextAfter(answer: Answer, previous?: ThreadContext): ThreadContext {
  const measures = answer.results.slice(0, ANSWER_SHOWS).map((r) => r.number);
  // An answer to a mistyped message leaves the conversation as it was (or open, if it had nothing yet).
  if (answer.kind === 'none' && answer.notice?.code !== 'no-match') return previous ?? { measures: [], shown: 0 };
  const searched = answer.kind === 'search' || answer.kind === 'not-covered';
  return {
    ...(searched ? { question: answer.query } : {}),
    measures,
    ...(measures[0] !== undefined ? { focus: measures[0] } : {}),
    shown: searched ? measures.length : 0,
    plan: answer.results[0]?.plan?.id ?? answer.plan.id,
  };
}
