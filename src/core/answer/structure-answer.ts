/**
 * Answers to questions about where things stand in the plan (structure-question.ts), built from
 * the plan model, never from search: the plan knows every area's measures in order, so 倒数第三条
 * is the third from the end of that list, and 第79条的下一条 is none, because the plan has 79.
 */
import { findArea } from '../plan/find-in-plan.js';
import type { Area, Plan } from '../plan/plan-schema.js';
import type { Answer, MeasurePlace, Notice } from './answer-schema.js';
import { areaRef, emptyAnswer, type AnswerContext } from './answer-values.js';
import { clearArea } from './lookup-area.js';
import { notices, placeWords } from './notices.js';
import { overviewAnswer } from './overview-answer.js';
import { areaTitledBy } from './plan-questions.js';
import { areaAnswer, measuresAnswer } from './reference-answer.js';
import type { Place, Scope, StructureQuestion } from './structure-question.js';

/** General words people add after an area's subject (基础能力建设, 国际交流工作). */
const TRAILING_GENERAL = /(?:建设|工作|方面|相关|有关|的)+$/u;

/** The area a scope names, the notice when its place is past the plan's areas, or unclear when its words pick out none. */
type ScopeArea = { type: 'plan' } | { type: 'area'; area: Area } | { type: 'missing'; notice: Notice } | { type: 'unclear' };

function areaOfScope(ctx: AnswerContext, scope: Scope): ScopeArea {
  const { plan } = ctx;
  switch (scope.type) {
    case 'plan':
      return { type: 'plan' };
    case 'area-words': {
      // 基础能力建设部分: the title says 基础能力.
      const titled = areaTitledBy(scope.words, plan) ?? areaTitledBy(scope.words.replace(TRAILING_GENERAL, ''), plan);
      const number = titled ?? clearArea(ctx, scope.words);
      const area = number === undefined ? undefined : findArea(plan, number);
      return area ? { type: 'area', area } : { type: 'unclear' };
    }
    case 'area': {
      const area = findArea(plan, scope.from === 'start' ? scope.place : plan.areas.length - scope.place + 1);
      return area ? { type: 'area', area } : { type: 'missing', notice: notices.noSuchArea(placeWords(scope.from, scope.place), plan.areas.length) };
    }
  }
}

function placeSaid(place: Place): string {
  if (place.place === 1) return place.from === 'end' ? '最后一条' : '第一条';
  return `${placeWords(place.from, place.place)}条`;
}

/** The measure at `place` in `numbers` (the plan's or an area's, in order); 第N条 in an area may be the plan's own number. */
function measureAt(numbers: readonly number[], place: Place): { measure: number; place: number } | undefined {
  if (place.numbered && numbers.includes(place.place)) return { measure: place.place, place: numbers.indexOf(place.place) + 1 };
  const measure = numbers[place.from === 'start' ? place.place - 1 : numbers.length - place.place];
  return measure === undefined ? undefined : { measure, place: place.place };
}

function placesAnswer(ctx: AnswerContext, query: string, scope: Scope, places: readonly Place[]): Answer | undefined {
  const { plan } = ctx;
  const counted = areaOfScope(ctx, scope);
  if (counted.type === 'unclear') return undefined;
  if (counted.type === 'missing') return emptyAnswer(plan, query, counted.notice);
  const area = counted.type === 'area' ? counted.area : undefined;
  const numbers = area ? area.measureNumbers : plan.measures.map((m) => m.number);
  const found: MeasurePlace[] = [];
  for (const place of places) {
    const at = measureAt(numbers, place);
    if (!at) {
      const where = area ? `${area.numeral}、${area.title}` : '计划';
      return emptyAnswer(plan, query, notices.noSuchPlace(where, numbers.length, numbers[0] ?? 0, numbers.at(-1) ?? 0, placeSaid(place)));
    }
    if (found.some((f) => f.measure === at.measure)) continue;
    found.push({ type: 'counted', measure: at.measure, from: place.from, place: at.place, ...(area ? { area: areaRef(area) } : {}) });
  }
  return {
    ...measuresAnswer(
      ctx,
      query,
      found.map((f) => f.measure),
    ),
    places: found,
  };
}

function neighbourAnswer(ctx: AnswerContext, query: string, of: number, side: 'next' | 'previous'): Answer {
  const count = ctx.plan.measures.length;
  if (of < 1 || of > count) return measuresAnswer(ctx, query, [of]);
  const measure = side === 'next' ? of + 1 : of - 1;
  if (measure < 1 || measure > count) return emptyAnswer(ctx.plan, query, notices.noNeighbour(of, side, count));
  return { ...measuresAnswer(ctx, query, [measure]), places: [{ type: 'neighbour', measure, of, side }] };
}

/** The areas with the most (or the fewest) measures, `rank` 2 the second most: several when they tie. */
function areasBySize(plan: Plan, extreme: 'most' | 'fewest', rank: number): number[] {
  const sizes = [...new Set(plan.areas.map((a) => a.measureNumbers.length))].sort((a, b) => (extreme === 'most' ? b - a : a - b));
  const target = sizes[rank - 1];
  return plan.areas.filter((a) => a.measureNumbers.length === target).map((a) => a.number);
}

/** The areas with as many measures as another area. */
function areasOfEqualSize(plan: Plan): number[] {
  const size = (a: Area): number => a.measureNumbers.length;
  return plan.areas.filter((a) => plan.areas.some((b) => b !== a && size(b) === size(a))).map((a) => a.number);
}

/** The answer to a structure question, or undefined when it names an area in words that pick out none. */
export function structureAnswer(ctx: AnswerContext, query: string, question: StructureQuestion): Answer | undefined {
  switch (question.type) {
    case 'neighbour':
      return neighbourAnswer(ctx, query, question.of, question.side);
    case 'places':
      return placesAnswer(ctx, query, question.scope, question.places);
    case 'area-extreme': {
      const facet = question.extreme === 'most' ? 'most-measures' : 'fewest-measures';
      return overviewAnswer(ctx, query, facet, { named: areasBySize(ctx.plan, question.extreme, question.rank), rank: question.rank });
    }
    case 'area-equal':
      return overviewAnswer(ctx, query, 'equal-measures', { named: areasOfEqualSize(ctx.plan) });
    case 'area': {
      const named = areaOfScope(ctx, question.scope);
      if (named.type === 'missing') return emptyAnswer(ctx.plan, query, named.notice);
      return named.type === 'area' ? areaAnswer(ctx, query, named.area.number) : undefined;
    }
  }
}
