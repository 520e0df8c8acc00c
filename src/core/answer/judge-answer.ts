/**
 * Whether the text a search found answers the question, decided from the words that carry the
 * question, not from any overlap. A measure answers when it states every carrying word (or the
 * plan's wording for it) and, if the question asks for a kind of fact (a date, a place, an amount,
 * who leads), states a fact of that kind. Otherwise the plan does not say it, and the answer says
 * so first, naming what is missing, before offering the nearest text as related.
 */
import type { QuestionAnalysis } from '../search/query/analyse-question.js';
import type { ConceptRole, SearchHit } from '../search/plan-search.js';
import { ASKED_FOR_NAMES, askedFor, states, type AskedFor } from './asked-for.js';
import type { Confidence } from './answer-schema.js';

/** A carrying word stated with less than this credit is not stated (数据 only inside 数据库: 0.5). */
const STATED = 0.55;
/** Stated only in other words (a synonym, an English term) this well or better: still sure. */
const STATED_PLAINLY = 0.9;
/**
 * Things the question names that the plan never names (人工智能, 注册费) decline the question when they
 * weigh at least this share of everything it names; below that they are details around a subject
 * the plan does cover (网上盗版电影小说: the plan covers online piracy, not films by name).
 */
const MISSING_SUBJECTS = 0.5;
/** An everyday word the hit states outweighs things the plan never names at this share of their weight. */
const EVERYDAY_OVER_MISSING = 0.5;
/** Below this share of the question's weight, the nearest text is shown with 请核对. */
const WEAK_COVERAGE = 0.55;
/**
 * Kinds of rights, each the subject of its own measures: a question about one (专利审查周期) is not
 * answered by a measure about another (商标审查周期), however much else they share.
 */
const RIGHTS = ['专利', '商标', '版权', '著作权', '植物新品种', '地理标志', '集成电路布图设计', '商业秘密', '域名', '外观设计', '实用新型'];

export type Missing =
  | { kind: 'fact'; asked: AskedFor }
  | { kind: 'words'; phrase: string }
  /** One kind of right asked about (专利审查周期), another stated (商标审查周期). */
  | { kind: 'other-right'; phrase: string; stated: string };

export type Verdict = { covered: true; confidence: Exclude<Confidence, 'none'> } | { covered: false; missing: Missing };

/** The question's words around the concept at `index`, as typed (simplified): 专利审查周期. */
function phraseOf(analysis: QuestionAnalysis, roles: readonly ConceptRole[], index: number): string {
  const carrying = roles.map((r) => r === 'subject' || r === 'plan');
  const concepts = analysis.concepts;
  const at = concepts[index];
  if (!at) return '';
  if (at.start === at.end) return at.label; // an English word has no place in the Chinese text
  let first = index;
  let last = index;
  while (first > 0 && carrying[first - 1] && concepts[first - 1]?.end === concepts[first]?.start) first -= 1;
  while (last < concepts.length - 1 && carrying[last + 1] && concepts[last + 1]?.start === concepts[last]?.end) last += 1;
  return analysis.normalised.slice(concepts[first]?.start ?? at.start, concepts[last]?.end ?? at.end);
}

/** The facts a question asks for that `text` does not state; lead units and budgets the plan never states. */
export function unstatedFacts(analysis: QuestionAnalysis, text: string): AskedFor[] {
  return askedFor(analysis.normalised).filter((kind) => !states(kind, text));
}

/**
 * Whether the hit states a concept of the plan the question named in everyday words (大闸蟹 →
 * 地理标志, from the concept lexicon): then the question is about what the hit is about, and the
 * rest of what it names (the port, the county, the product) is its story.
 */
export function statesEverydayConcept(analysis: QuestionAnalysis, hit: SearchHit): boolean {
  return analysis.concepts.some((c, i) => c.everyday === true && (hit.support[i] ?? 0) >= STATED);
}

/**
 * One kind of right asked about, another stated (专利审查周期 → 商标审查周期). What is asked is in
 * the last clause when it names a right (商标审查周期控制在9个月，那发明专利的呢): rights named
 * before it are the premise.
 */
function otherRight(analysis: QuestionAnalysis, roles: readonly ConceptRole[], text: string): Missing | undefined {
  const clauses = analysis.normalised.split(/[，,；;。！!？?]/u).filter((c) => c.trim().length > 0);
  const lastClause = clauses.at(-1) ?? analysis.normalised;
  const lastStart = analysis.normalised.lastIndexOf(lastClause);
  const askedPart = RIGHTS.some((r) => lastClause.includes(r)) ? lastClause : analysis.normalised;
  for (const [i, c] of analysis.concepts.entries()) {
    if (roles[i] === 'none') continue;
    if (askedPart === lastClause && c.start < lastStart) continue;
    const asked = RIGHTS.find((r) => c.label.includes(r));
    // Another right the text states, unless the question asks about that one too (商标、专利).
    const other = RIGHTS.find((r) => r !== asked && text.includes(r) && !askedPart.includes(r));
    if (asked && other && !text.includes(asked)) {
      const phrase = phraseOf(analysis, roles, i);
      return { kind: 'other-right', phrase, stated: phrase.replace(asked, other) };
    }
  }
  return undefined;
}

export function judgeAnswer(analysis: QuestionAnalysis, roles: readonly ConceptRole[], weights: readonly number[], hit: SearchHit, text: string): Verdict {
  const [fact] = unstatedFacts(analysis, text);
  if (fact) return { covered: false, missing: { kind: 'fact', asked: fact } };
  const mismatch = otherRight(analysis, roles, text);
  if (mismatch) return { covered: false, missing: mismatch };
  const unstated = (i: number): boolean => (hit.support[i] ?? 0) < STATED;
  const weightOf = (i: number): number => weights[i] ?? 0;
  const weak = hit.coverage < WEAK_COVERAGE;

  // Things the question names that the plan never does decline it when they weigh as much as what
  // it does state: fewer are the circumstances of a question in everyday words (学生, 电脑, 房子).
  const carried = roles.reduce((sum, role, i) => sum + (role === 'subject' || role === 'plan' ? weightOf(i) : 0), 0);
  const missingSubjects = roles.flatMap((role, i) => (role === 'subject' && unstated(i) && !analysis.concepts[i]?.everyday ? [i] : []));
  const missingWeight = missingSubjects.reduce((sum, i) => sum + weightOf(i), 0);
  // A question in everyday words about a concept the hit states, which outweighs what the plan
  // never names: answered, to be checked (the rest is the story around it).
  const everydayStated = analysis.concepts.reduce((sum, c, i) => sum + (c.everyday && !unstated(i) ? weightOf(i) : 0), 0);
  if (everydayStated > 0 && everydayStated >= missingWeight * EVERYDAY_OVER_MISSING) return { covered: true, confidence: 'low' };
  const [subject] = missingSubjects;
  if (subject !== undefined && missingWeight >= carried * MISSING_SUBJECTS) {
    return { covered: false, missing: { kind: 'words', phrase: phraseOf(analysis, roles, subject) } };
  }
  if (weak) return { covered: true, confidence: 'low' };
  const weakest = Math.min(1, ...roles.flatMap((role, i) => (role === 'subject' || role === 'plan' ? [hit.support[i] ?? 0] : [])));
  return { covered: true, confidence: weakest >= STATED_PLAINLY ? 'high' : weakest >= STATED ? 'medium' : 'low' };
}

/** "计划原文没有…" for what is missing. */
export function missingSentence(missing: Missing): string {
  if (missing.kind === 'other-right') return `计划原文没有规定${missing.phrase}；计划只规定了${missing.stated}。`;
  if (missing.kind === 'fact') {
    const name = ASKED_FOR_NAMES[missing.asked];
    return missing.asked === 'lead' || missing.asked === 'issuer' || missing.asked === 'budget' || missing.asked === 'progress'
      ? `计划原文未列明${name}。`
      : `计划原文没有写明${name}。`;
  }
  return `计划原文没有提到“${missing.phrase}”。`;
}
