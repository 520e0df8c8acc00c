/**
 * Whether a message posted in a help channel asks something, so the bot answers it there without
 * an @mention and says nothing to the rest (chatter, thanks, announcements). A pure rule of the
 * text alone, checked in this order:
 *
 * Rule 1: empty, or only emoji, links and punctuation: not a question.
 * Rule 2: an announcement (【通知】, 通知：, 公告, 温馨提示 …) or a notice to all (请各单位, 请大家):
 *         not a question, whatever it contains — announcements ask people to do things.
 * Rule 3: a greeting or thanks on its own (大家好, 谢谢, 收到, 好的): not a question.
 * Rule 4: a question mark (？ or ?): a question.
 * Rule 5: a question particle ending a clause (吗, 呢, 么), or a question word (怎么, 如何, 哪, 是否,
 *         能否, 多少, 什么, 谁, 为什么, 有没有, 是不是, 请问 …): a question.
 * Rule 6: a reference to the plan (第42条, 措施15, 第三部分): a question (show me that).
 * Anything else is not a question.
 *
 * It leans towards silence: a help channel's members can always @mention the bot, but a bot that
 * answers chatter is soon muted.
 */
import { foldText } from '../search/text/fold-text.js';
import { parsePlanReference } from '../search/query/plan-reference.js';

/** Messages longer than this are posts, not questions, unless they end asking (Rule 4/5 on the last clause). */
export const MAX_QUESTION_MESSAGE = 500;

const ANNOUNCEMENT =
  /^(?:[【[]\s*(?:通知|公告|提醒|温馨提示|通报|会议通知|重要通知)\s*[】\]]|(?:通知|公告|提醒|温馨提示|通报)\s*[:：])|^(?:请各(?:单位|部门|位同事|位)|请大家|各位同事|各单位|大家注意)[^？?]*[。！!]?$/u;
const GREETING_OR_THANKS =
  /^(?:大家好|你好|您好|早上好|上午好|中午好|下午好|晚上好|早安|晚安|哈喽|hi|hello|hey|谢谢(?:大家|你|您|啦|了)?|感谢(?:大家|你|您)?|多谢|辛苦了?|收到(?:了)?|好的|好滴|ok|okay|明白(?:了)?|了解(?:了)?|嗯+|哈+|赞|\+1)[\s!！。.~～,，]*$/iu;
const QUESTION_MARK = /[？?]/u;
/** A particle that makes the clause before it a question: at the end of a clause only. */
const PARTICLE = /(?:吗|嘛|呢|么)(?=[\s,，。！!～~…]*$|[,，。；;！!]|[啊呀])/u;
const QUESTION_WORD =
  /怎么|怎样|如何|为什么|为何|为啥|哪(?!怕)|是否|能否|可否|是不是|能不能|可不可以|有没有|要不要|需不需要|该不该|多少|多久|多长|几(?:个|项|条|家|年|月|天|次|号|时)|什么|啥|谁|请问|想问|问一下|咨询一下|求助/u;
/** A reference must say what it refers to: a bare number (收到 3 份) is not one. */
const NAMES_A_PLACE = /第|措施|条|部分|领域|measure|area/u;
/** Nothing that reads: emoji, symbols, punctuation, Slack's :emoji: codes and links. */
const NOTHING_TO_READ = /^(?:\s|\p{P}|\p{S}|\p{Extended_Pictographic}|:[a-z0-9_+-]+:|https?:\/\/\S+)*$/u;

/** Whether `text` (what the person typed, Slack's markup already removed) asks something. */
export function isQuestion(text: string): boolean {
  const folded = foldText(text).trim();
  if (NOTHING_TO_READ.test(folded)) return false; // Rule 1
  if (ANNOUNCEMENT.test(folded)) return false; // Rule 2
  if (GREETING_OR_THANKS.test(folded)) return false; // Rule 3
  // A long post asks only if its last sentence does.
  const asked = [...folded].length > MAX_QUESTION_MESSAGE ? lastSentence(folded) : folded;
  if (QUESTION_MARK.test(asked)) return true; // Rule 4
  if (PARTICLE.test(asked) || QUESTION_WORD.test(asked)) return true; // Rule 5
  return NAMES_A_PLACE.test(asked) && parsePlanReference(asked) !== undefined; // Rule 6
}

function lastSentence(text: string): string {
  const sentences = text
    .split(/(?<=[。！!？?\n])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return sentences.at(-1) ?? text;
}
