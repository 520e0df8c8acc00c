/**
 * A question → what to search for. The question is cleaned and folded, checked for a reference to
 * a measure or area, and read as a set of *concepts*: each content word of the question, each
 * English phrase, each unknown stretch of characters. A concept carries the search terms that
 * satisfy it, each with a credit: the word itself 1, words inside it less, the plan's wording for
 * a synonym, an English term or a corrected typo a little less than what was literally typed, and
 * the plan's concept for an everyday word (大闸蟹 → 地理标志, from the concept lexicon) less again,
 * and only for words the plan itself does not use: a question in the plan's own words is searched
 * exactly as it was typed. Last and least, a word that neither the plan nor the lexicons know
 * reaches the plan's words of nearly the same meaning through the word bridge (有名 → 知名, from a
 * general-purpose dictionary), with credit in proportion to how close they are.
 *
 * Concepts, not terms, are what confidence is measured on: a question is answered well when the
 * hit covers its concepts, however many terms each one expanded to.
 */
import type { AnswerFocus } from '../text/snippet.js';
import type { Tokenizer } from '../text/tokenize.js';
import { QUESTION_WORDS } from '../text/stop-words.js';
import { foldText } from '../text/fold-text.js';
import { cleanQuestion, toSimplified } from './clean-question.js';
import type { EnglishMatch, ReadEnglish } from './english-glossary.js';
import { parsePlanReference, type PlanReference } from './plan-reference.js';
import type { FindSynonyms, SynonymMatch } from './synonym-expansion.js';
import type { FindRelated, RelatedMatch } from '../bridge/word-bridge.js';
import type { CorrectTypos, Correction } from './typo-correction.js';

/** Credit of a term towards its concept. */
export const CREDIT = {
  typed: 1,
  english: 1,
  inner: 0.6,
  innerOfUnknown: 0.5,
  correction: 0.8,
  synonym: 0.75,
  synonymInner: 0.45,
  everyday: 0.6,
  everydayInner: 0.35,
  /** The most a bridged word earns (times the bridge's strength, 0–1). */
  related: 0.45,
} as const;

export interface Concept {
  /** What the question said. */
  label: string;
  /** Whether the question's own word is one the plan uses (as opposed to an unknown word or an English phrase). */
  inPlan: boolean;
  /** Terms that satisfy the concept → their credit (0–1). */
  credits: Map<string, number>;
  start: number;
  end: number;
  /** Read through the concept lexicon: an everyday word for something the plan names. */
  everyday?: true;
  /** Read through the word bridge: a word of nearly the same meaning as some of the plan's. */
  related?: true;
}

export interface QueryTerm {
  term: string;
  weight: number;
}

export interface QuestionAnalysis {
  /** The question as typed, cleaned of invisible characters. */
  question: string;
  /** Simplified, folded form. */
  normalised: string;
  reference?: PlanReference;
  concepts: Concept[];
  /** Every term worth searching for, with its highest credit: what goes to MiniSearch. */
  terms: QueryTerm[];
  synonyms: SynonymMatch[];
  /** Everyday words read as the plan's concepts (the concept lexicon). */
  everyday: SynonymMatch[];
  /** Words the plan and the lexicons don't know, read through the word bridge. */
  related: RelatedMatch[];
  corrections: Correction[];
  english: EnglishMatch[];
  /** What kind of answer the question wants (for choosing the snippet). */
  focus: AnswerFocus;
}

export interface QueryUnderstanding {
  tokenizer: Tokenizer;
  findSynonyms: FindSynonyms;
  /** Everyday words → the plan's concepts they stand for. */
  findEveryday: FindSynonyms;
  /** Other words → the plan's words of nearly the same meaning (the word bridge). */
  findRelated: FindRelated;
  readEnglish: ReadEnglish;
  correctTypos: CorrectTypos;
  /** How many plan documents contain the term; 0 for terms the plan never uses. */
  documentFrequency: (term: string) => number;
  /** Whether a word is in the segmenter's dictionary (plan words and everyday words alike). */
  isKnownWord: (word: string) => boolean;
}

const HAN = /^\p{Script=Han}$/u;
const ASKS_FOR_NUMBER = /多少|多久|多长|几个|几年|几月|几天|几项|几条|几家|几次|第几|哪一?年|哪几年|何时|什么时候|比例|期限|时限|周期/u;
const ASKS_FOR_THING = /(?:什么|哪个|哪部|哪项|哪种|哪类|哪份|哪些|哪一个|哪一部|哪一项)(\p{Script=Han}{1,6})/u;
/** Answer heads that name a document: the answer is a 《title》. */
const TITLE_HEADS = [
  '名称',
  '名字',
  '文件',
  '法律',
  '法规',
  '条例',
  '办法',
  '规定',
  '纲要',
  '意见',
  '指南',
  '报告',
  '标准',
  '条约',
  '公约',
  '协定',
  '规划',
  '计划',
  '政策',
];

function answerFocus(normalised: string, tokenizer: Tokenizer): AnswerFocus {
  const thing = ASKS_FOR_THING.exec(normalised);
  const head = thing ? tokenizer.segment(thing[1] as string)[0]?.word : undefined;
  const wantsTitle = (head !== undefined && TITLE_HEADS.some((t) => head.includes(t))) || /叫什么|名称|名字/u.test(normalised);
  return { ...(head ? { head } : {}), wantsNumber: ASKS_FOR_NUMBER.test(normalised), wantsTitle, question: normalised };
}
/** Words with Latin letters (digits alone, as in 9个月, stay with the Chinese text). */
const LATIN_WORDS = /[a-z0-9'-]*[a-z][a-z0-9'-]*/gu;

function credit(concept: Concept, term: string, value: number): void {
  concept.credits.set(term, Math.max(value, concept.credits.get(term) ?? 0));
}

/**
 * Cuts the runs of unknown characters (天气, 区块链存证) that straddle `start` or `end`, so an
 * everyday word inside one is a concept of its own and the rest stays what it was (区块链 | 存证).
 */
function splitUnknownRuns(concepts: Concept[], start: number, end: number): void {
  for (const at of [start, end]) {
    const index = concepts.findIndex((c) => !c.inPlan && c.credits.size === 0 && c.start < at && c.end > at);
    const run = concepts[index];
    if (!run) continue;
    const cut = at - run.start;
    const head: Concept = { ...run, label: run.label.slice(0, cut), credits: new Map(), end: at };
    const tail: Concept = { ...run, label: run.label.slice(cut), credits: new Map(), start: at };
    concepts.splice(index, 1, head, tail);
  }
}

/**
 * Makes the concepts inside an everyday word (小 | 程序 in 小程序) one concept, the word, keeping
 * what each part was credited with: the word, not its pieces, is what the question names.
 */
function mergeWithin(concepts: Concept[], start: number, end: number, word: string): void {
  const inside = concepts.filter((c) => c.start >= start && c.end <= end && c.end > c.start);
  const first = inside[0];
  // Words all of the plan's own (成果 | 交易) stay as typed; a single unknown word needs no merging.
  if (!first || inside.every((c) => c.inPlan) || (inside.length === 1 && !first.inPlan)) return;
  const credits = new Map<string, number>();
  for (const c of inside) for (const [term, value] of c.credits) credits.set(term, Math.max(value, credits.get(term) ?? 0));
  const merged: Concept = { label: word, inPlan: false, credits, start, end };
  concepts.splice(concepts.indexOf(first), 0, merged);
  for (const c of inside) concepts.splice(concepts.indexOf(c), 1);
}

export function analyseQuestion(raw: string, deps: QueryUnderstanding): QuestionAnalysis {
  const { tokenizer, findSynonyms, readEnglish, correctTypos, documentFrequency } = deps;
  const question = cleanQuestion(raw);
  const normalised = foldText(toSimplified(question));
  const reference = parsePlanReference(normalised);

  // Latin words are read by the glossary; the rest, same length, by the Chinese pipeline.
  const chinese = normalised.replace(LATIN_WORDS, (w) => ' '.repeat(w.length));
  const concepts: Concept[] = [];
  let unknownRun: Concept | undefined;

  for (const word of tokenizer.segment(chinese)) {
    if (QUESTION_WORDS.has(word.word) || word.terms.length === 0) {
      unknownRun = undefined;
      continue;
    }
    const known = documentFrequency(word.word) > 0;
    if (!known && word.word.length === 1 && HAN.test(word.word)) {
      // Characters the plan never uses alone: together they are one unknown word (天气, 绿卡).
      if (unknownRun && unknownRun.end === word.start) {
        unknownRun.label += word.word;
        unknownRun.end = word.end;
        continue;
      }
      unknownRun = { label: word.word, inPlan: false, credits: new Map(), start: word.start, end: word.end };
      concepts.push(unknownRun);
      continue;
    }
    unknownRun = undefined;
    const concept: Concept = { label: word.word, inPlan: known, credits: new Map(), start: word.start, end: word.end };
    if (word.terms[0] === word.word) credit(concept, word.word, CREDIT.typed);
    // Inside a word the plan never uses, a plan word is weak evidence (世界杯 is not about 世界).
    for (const inner of word.innerTerms) credit(concept, inner, known ? CREDIT.inner : CREDIT.innerOfUnknown);
    concepts.push(concept);
  }

  const overlapping = (start: number, end: number): Concept[] => concepts.filter((c) => c.start < end && c.end > start);
  /**
   * Credits `wordings` to the concepts the stretch `start…end` overlaps (a new concept if none).
   * `unknown`: 'prefer' credits only the words the plan doesn't use when there are some (a typo
   * lives there; correctly typed neighbours keep their own terms); 'only' credits nothing else.
   */
  const addWording = (
    start: number,
    end: number,
    label: string,
    wordings: readonly string[],
    full: number,
    inner: number,
    unknown?: 'prefer' | 'only',
  ): void => {
    let targets = overlapping(start, end);
    if (unknown && targets.some((c) => !c.inPlan)) targets = targets.filter((c) => !c.inPlan);
    else if (unknown === 'only' && targets.length > 0) return;
    if (targets.length === 0) {
      const concept: Concept = { label, inPlan: false, credits: new Map(), start, end };
      concepts.push(concept);
      targets = [concept];
    }
    for (const wording of wordings) {
      for (const word of tokenizer.segment(wording)) {
        for (const target of targets) {
          if (word.terms[0] === word.word) credit(target, word.word, full);
          for (const t of word.innerTerms) credit(target, t, inner);
        }
      }
    }
  };

  // A listed word inside a longer word of the plan's own (名牌 in 傍名牌) is the plan's word already.
  const insidePlanWord = (start: number, end: number): boolean =>
    concepts.some((c) => c.inPlan && c.start <= start && c.end >= end && c.end - c.start > end - start);
  const synonyms = findSynonyms(chinese).filter((s) => !insidePlanWord(s.start, s.end));
  for (const s of synonyms) addWording(s.start, s.end, s.word, s.targets, CREDIT.synonym, CREDIT.synonymInner);
  // Typos hide where words broke: characters left standing alone, and stretches that are no word
  // at all. A real word the plan doesn't use (投资) is a different word, not a slip.
  const suspects = concepts.filter((c) => c.end - c.start === 1 || (!c.inPlan && !deps.isKnownWord(c.label))).map((c) => [c.start, c.end] as const);
  const corrections = correctTypos(chinese, suspects);
  for (const c of corrections) addWording(c.start, c.end, c.typed, [c.word], CREDIT.correction, CREDIT.inner * CREDIT.correction, 'prefer');
  // Everyday words for the plan's concepts, where the question's words are not the plan's own.
  const covered = (start: number, end: number): boolean => synonyms.some((s) => s.start < end && s.end > start);
  const everyday = deps.findEveryday(chinese).filter((s) => !insidePlanWord(s.start, s.end) && !covered(s.start, s.end));
  for (const e of everyday) {
    splitUnknownRuns(concepts, e.start, e.end);
    mergeWithin(concepts, e.start, e.end, e.word);
    addWording(e.start, e.end, e.word, e.targets, CREDIT.everyday, CREDIT.everydayInner, 'only');
    for (const c of overlapping(e.start, e.end)) if (!c.inPlan) c.everyday = true;
  }

  // The word bridge, for words nothing above has read: the plan's words for them are unknown to
  // the lexicons, so each is searched as its nearest plan words, with credit by how near they are.
  const unread = concepts.filter(
    (c) =>
      !c.inPlan &&
      c.everyday !== true &&
      c.end > c.start &&
      !covered(c.start, c.end) &&
      ![...c.credits].some(([t, v]) => v >= CREDIT.synonym && documentFrequency(t) > 0),
  );
  const related = unread.flatMap((c) => deps.findRelated(c.label).map((r) => ({ ...r, start: r.start + c.start, end: r.end + c.start })));
  for (const r of related) {
    splitUnknownRuns(concepts, r.start, r.end);
    mergeWithin(concepts, r.start, r.end, r.word);
    for (const c of overlapping(r.start, r.end)) {
      if (c.inPlan) continue;
      for (const t of r.targets) credit(c, t.word, CREDIT.related * t.strength);
      c.related = true;
    }
  }

  const englishReading = readEnglish(normalised);
  const englishStart = normalised.length; // English concepts have no place in the Chinese text
  for (const match of englishReading.matches) {
    const concept: Concept = { label: match.words, inPlan: false, credits: new Map(), start: englishStart, end: englishStart };
    for (const wording of match.terms) {
      for (const word of tokenizer.segment(wording)) {
        if (word.terms[0] === word.word) credit(concept, word.word, CREDIT.english);
        for (const t of word.innerTerms) credit(concept, t, CREDIT.inner);
      }
    }
    concepts.push(concept);
  }
  for (const word of englishReading.unknown) {
    concepts.push({ label: word, inPlan: false, credits: new Map(), start: englishStart, end: englishStart });
  }

  const weights = new Map<string, number>();
  for (const concept of concepts) {
    for (const [term, value] of concept.credits) {
      if (documentFrequency(term) > 0) weights.set(term, Math.max(value, weights.get(term) ?? 0));
    }
  }
  const terms = [...weights].map(([term, weight]) => ({ term, weight }));

  return {
    question,
    normalised,
    ...(reference ? { reference } : {}),
    concepts,
    terms,
    synonyms,
    everyday,
    related,
    corrections,
    english: englishReading.matches,
    focus: answerFocus(normalised, tokenizer),
  };
}
