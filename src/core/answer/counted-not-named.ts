/**
 * Things the plan counts but does not name. Measure 15 says 在3个专利导航实验区开展… and never
 * says which three; measure 71 speaks of “法律六进” and never lists the six. A question asking for
 * them one by one (分别在哪, 是哪几个, 名单, 哪六进) is answered "the plan gives only the number",
 * citing the measure that gives it, never with the measure as if it named them.
 *
 * A measure counts what the question asks about when the question says the same count (3个, 六进)
 * or names what is counted (那几个实验区, 试点城市) in words the measure uses around its count; it
 * names them when a list (、, ：, 包括) follows the count in the same clause.
 */
import type { Measure } from '../plan/plan-schema.js';
import { parseNumberWord } from '../search/query/number-words.js';
import type { Answer } from './answer-schema.js';
import { lookupAnswer, measureResult, type AnswerContext } from './answer-values.js';
import { notices } from './notices.js';

/** A count as written: digits or Chinese numerals (one alone is no count: 一批, 一个). */
const NUMBER = '(\\d{1,4}|[一二两三四五六七八九十百]{1,4})';
/** What a count counts in: 个 (not 个月), 家, 项, 批, 所, 座, 处, 类, 种, 进, 次, 届. */
const UNIT = '(个(?!月|小时|工作日)|家|项|批|所|座|处|类|种|进|次|届)';
/** A count in a measure: 3个, 2—3个, 第十次, 六进. */
const MEASURE_COUNT = new RegExp(`(第)?(?<![\\d一二两三四五六七八九十百])${NUMBER}(?:\\s*[—–\\-~至到]\\s*${NUMBER})?\\s*${UNIT}`, 'gu');
/** Where what a question counts ends: a verb, a preposition or a particle after the noun (几个省|被确定为). */
const COUNTED_ENDS = '是的在有都分哪呢吗啊和与及列被为设要将会能可已还给从到对叫';
/** Words every part of the plan uses: sharing only these says nothing about what is counted. */
const EVERYWHERE = /^(?:知识产?权?|识产权?|产权|工作|建设|开展|推进|加强|实施|推动|相关|国家|全国|领域|部分|方面)$/u;
/** A count in a question, with what it counts after it: 3个专利导航实验区, 那几个试点城市, 哪六进. */
const QUESTION_COUNT = new RegExp(`(\\d{1,4}|[一二两三四五六七八九十百]{1,4}|几)\\s*${UNIT}([^\\s\\p{P}\\p{S}${COUNTED_ENDS}]{0,8})`, 'gu');
/** Words that ask for things one by one. */
const ENUMERATE = new RegExp(
  [
    '(?:分别|具体)(?:是|在|叫|有|设在|位于|落在|指)?(?:哪|什么)',
    '在哪',
    '是哪(?:里|儿)',
    '都(?:有|是)哪',
    '是哪(?:几|些)',
    '哪几(?:个|家|所|项|批|座|处|次|类|种)',
    '名单',
    '名称',
    '叫什么名',
    '怎么列',
    `哪[一二两三四五六七八九十\\d]{1,3}${UNIT}`,
  ].join('|'),
  'u',
);
/** A list after a count names what it counts: 五个方面：…, 包括…, A、B、C. */
const NAMES_FOLLOW = /[：:]|包括|即|分别是|、.*、/u;
/** What is counted must share this many characters in a row with the words around the count. */
const SHARED_RUN = 2;

export interface CountedNotNamed {
  measure: Measure;
  /** The clause that gives the count, as the plan writes it. */
  clause: string;
  /** Where the clause starts in the measure's display text. */
  start: number;
  /** The count within the clause: `[start, end)`. */
  count: [number, number];
}

interface QuestionCount {
  value: number | undefined;
  unit: string;
  /** What it counts: the words after it (专利导航实验区), or before the ask. */
  counted: string;
}

function questionCounts(text: string): QuestionCount[] {
  return [...text.matchAll(QUESTION_COUNT)].map((m) => ({
    value: m[1] === '几' ? undefined : parseNumberWord(m[1] ?? ''),
    unit: m[2] ?? '',
    counted: m[3] ?? '',
  }));
}

/** How many characters in a row `a` and `b` share, words every part of the plan uses aside. */
function sharedRun(a: string, b: string): number {
  let best = '';
  for (let i = 0; i < a.length; i += 1) {
    for (let j = i + best.length + 1; j <= a.length; j += 1) {
      if (b.includes(a.slice(i, j))) best = a.slice(i, j);
      else break;
    }
  }
  return EVERYWHERE.test(best) ? 0 : best.length;
}

/** A measure's clauses with where each starts in its display text. */
function placedClauses(measure: Measure): Array<{ text: string; start: number }> {
  let at = 0;
  return measure.clauses.map((text) => {
    const placed = { text, start: at };
    at += text.length;
    return placed;
  });
}

/** How well a count in `measure` answers to what the question counts; 0 when it does not. */
function countIn(measure: Measure, asked: readonly QuestionCount[], question: string): { found: CountedNotNamed; weight: number } | undefined {
  const clauses = placedClauses(measure);
  let best: { found: CountedNotNamed; weight: number } | undefined;
  clauses.forEach((clause, i) => {
    for (const m of clause.text.matchAll(MEASURE_COUNT)) {
      const ordinal = m[1] !== undefined;
      const value = parseNumberWord(m[2] ?? '');
      const upTo = m[3] !== undefined ? parseNumberWord(m[3]) : undefined;
      if (value === undefined || (value < 2 && !ordinal && upTo === undefined)) continue;
      const at = m.index ?? 0;
      if (NAMES_FOLLOW.test(clause.text.slice(at + m[0].length))) continue;
      // Around the count: the clause before it (加快实施专利导航试点工程) and its own.
      const around = `${clauses[i - 1]?.text ?? ''}${clause.text}`;
      for (const q of asked) {
        // The same count: 3个 for 3个, or 哪六个 when the question quotes the measure's 六进.
        const sameCount = q.value !== undefined && q.value === (upTo ?? value) && (q.unit === m[4] || question.includes(m[0]));
        const shared = sharedRun(q.counted, around);
        if (!sameCount && shared < SHARED_RUN) continue;
        const weight = shared + (sameCount ? SHARED_RUN : 0);
        if (!best || weight > best.weight) best = { found: { measure, clause: clause.text, start: clause.start, count: [at, at + m[0].length] }, weight };
      }
    }
  });
  return best;
}

/**
 * The measure among `candidates` (best first) that counts what `normalised` asks to have named
 * one by one, without naming them; undefined when the question asks no such thing or none does.
 */
export function findCountedNotNamed(normalised: string, candidates: readonly Measure[]): CountedNotNamed | undefined {
  if (!ENUMERATE.test(normalised)) return undefined;
  const asked = questionCounts(normalised);
  if (asked.length === 0) return undefined;
  let best: { found: CountedNotNamed; weight: number } | undefined;
  for (const measure of candidates) {
    const found = countIn(measure, asked, normalised);
    if (found && (!best || found.weight > best.weight)) best = found;
  }
  return best?.found;
}

/** The plan gives only the number: said first, with the measure that gives it offered as related. */
export function countedNotNamedAnswer(ctx: AnswerContext, query: string, counted: CountedNotNamed): Answer {
  const { measure, clause, start, count } = counted;
  const snippet = { text: clause, start, end: start + clause.length, highlights: [count] };
  const result = measureResult(ctx.plan, measure, snippet, 1);
  const quoted = clause
    .replace(/[，,；;。]$/u, '')
    .replace(/“/gu, '‘')
    .replace(/”/gu, '’');
  return {
    ...lookupAnswer(ctx.plan, query, 'not-covered', [result]),
    confidence: 'none',
    confidenceScore: 0,
    notice: notices.countedNotNamed(quoted, measure.number),
  };
}
