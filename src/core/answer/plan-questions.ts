/**
 * Questions about the plan's structure rather than about a subject in it: the plan as a whole
 * (how many measures, which areas, why it was made, which year, an outline) and a whole area
 * named in everyday words (保护这一块, 国际交流部分, 基础能力方面) or pasted as its heading
 * (三、提高知识产权保护效果). Places in the plan (倒数第三条, 第五部分) are structure-question.ts.
 *
 * Each form is recognised from the question's wording, then checked against the plan: an area
 * named by its words is the one whose title (or, behind a structural word such as 部分, whose
 * title and goals) those words pick out clearly.
 */
import type { Area, Plan } from '../plan/plan-schema.js';
import type { OverviewFacet } from './answer-schema.js';

export type PlanQuestion =
  | { type: 'overview'; facet: OverviewFacet }
  | { type: 'area'; number: number }
  /** Words naming an area, to be weighed against the areas' titles and goals by search. */
  | { type: 'area-words'; words: string };

/** Words that point at a part of the plan: strong (部分 is always structural) or weak (方面 also means "regarding"; 这方面 only refers back, 这些方面 after a list names them). */
const STRONG_AREA_WORD = /这一?块|那一?块|这一?部分|那一?部分|部分|板块|大块|这一?领域|那个领域|这个领域|领域下面/u;
const WEAK_AREA_WORD = /(?<!这|那|这个|那个)(?:方面|领域)/u;
/** Behind a structural word, words that ask for the whole area, not for something in it. */
const WHOLE_AREA_ASK =
  /(?:说|讲|涵盖|包括|包含)了?哪些|想做成什么|想达到什么|要实现什么|怎么做|措施|目标|有哪些|多少条|几条|讲了?什么|讲的什么|讲的啥|讲了啥|说了些?什么|内容|列一下|列出|概括|清单|安排|做哪些|打算|部署|思路|干些什么|做些什么|要做什么/u;
/** Words that ask for an area's plan as a whole even without a structural word (整体有什么打算). */
const AS_A_WHOLE = /整体|总体|总的|整个|总的来说|总的思路|全盘/u;
const GOALS_WORD = /目标任务|目标/u;
/** What may stand around the words naming an area. */
const AREA_TALK =
  /想做成什么|想达到什么|要实现什么|怎么做|如何做|涵盖|包括|包含|哪些事|打算|部署|思路|干些什么|做些什么|整体|总体|总的|计划里|计划|这一?块|那一?块|这一?部分|那一?部分|这个|那个|部分|板块|大块|领域|方面|目标任务|工作措施|目标|任务|措施|工作|一共|总共|共有|多少条|几条|多少|有几|都|下面|下的|里面|列一下|列出|给我|发我|概括|总结|展开|说说|讲讲|介绍|主要|重点|今年|安排|要做|做哪些事|做什么|具体|帮我|摘一下|清单|一份|的|是|啥|什么|哪些|有|了|些|吗|呢|啊|讲|说|请|看看|一下|和|与|、|条|项|几|[\s\p{P}\p{S}]/gu;

/** Questions about the whole plan, with what they ask. */
const OVERVIEW: ReadonlyArray<{ facet: OverviewFacet; pattern: RegExp }> = [
  {
    facet: 'purpose',
    pattern:
      /为什么(?:要)?(?:制定|出台|搞|印发|推出|编制|出)|为何制定|(?:主要)?目的|宗旨|依据什么|根据什么|什么精神|背景|为了落实|落实哪个|出台原因|制定的原因/u,
  },
  { facet: 'year', pattern: /哪一?年的|哪个年度|什么年份|哪年的/u },
  { facet: 'measure-count', pattern: /(?:一共|总共|共|总计|合计)?有?(?:多少|几)条(?:措施|工作措施)?|措施.{0,4}(?:多少|几)条|多少项措施/u },
  {
    facet: 'areas',
    pattern:
      /(?:几|多少|[一二三四五六七八九十\d]+)个?(?:部分|领域|方面|大块|块|板块|大领域)|(?:所有|全部|各个|每个)的?大?(?:部分|领域|方面|大块|块|板块)|哪(?:几|些)个?(?:大的?)?(?:部分|领域|方面|块|板块)|分(?:成|为)?(?:哪|几)|(?:一级|大)?标题|框架|结构|目录|大纲|每块|各有多少|(?:从)?第几条到第几条|起止|(?:连续|统一|重新|从头|分别|按部分|各部分)(?:编号|编的号|排号)|编号(?:是|都)?(?:连续|统一|重新|从头|分别|按部分|每部分|接着)/u,
  },
  { facet: 'summary', pattern: /概括一下|概述|简介|总体介绍|简单介绍|讲讲这份|介绍一下这|整体(?:情况|内容)|汇报|主要内容|讲了什么|说了什么/u },
];
/** A question about the whole plan says little besides: these words, the plan itself, filler (longer words first). */
const ABOUT_THE_PLAN =
  /知识产权|具体|当初|当时|内容|覆盖|涵盖|安排|针对|大概|大致|包括|包含|涉及|主要|能不能|能否|可以|句话|简单|简要|工作|怎么样|怎样|如何|计划|推进计划|这份|整份|这个|这是|整个|整体|文件|本|全部|总共|一共|共|总计|合计|有|都|是|的|了|吗|呢|啊|啥|什么|哪些|哪|几|多少|给我|我|要|跟|领导|把|列一下|列出来|列出|列|出来|来|一下|请|讲讲|讲|说|分别|叫|名字|名称|各|大|每|个|分|这|那|最|排在|成|为|用|样|下|一|能/gu;

function onlyAbout(text: string, vocabulary: RegExp, extra: RegExp): boolean {
  return (
    text
      .replace(extra, '')
      .replace(vocabulary, '')
      .replace(/[\s\p{P}\p{S}\d]/gu, '').length === 0
  );
}

/** An area's title as people shorten it: without 知识产权 (提高知识产权保护效果 → 提高保护效果). */
function titleWords(area: Area): string {
  return area.title.replace(/知识产权/gu, '');
}

/** The one area whose title holds every word of `words` (保护, 国际交流, 公共服务), if there is one. */
export function areaTitledBy(words: string, plan: Plan): number | undefined {
  const chunks = words
    .replace(/知识产权/gu, ' ')
    .split(/\s+/u)
    .filter((c) => [...c].length >= 2);
  if (chunks.length === 0) return undefined;
  const named = plan.areas.filter((area) => chunks.every((c) => titleWords(area).includes(c)));
  return named.length === 1 ? named[0]?.number : undefined;
}

/**
 * Whether the question names nothing after its 方面 or 领域 (国际合作方面今年有什么打算): then the
 * words before it name an area. In 知识产权领域的反垄断有哪些内容 it names 反垄断, the subject.
 */
function nothingNamedAfter(text: string): boolean {
  const match = WEAK_AREA_WORD.exec(text);
  if (!match) return false;
  const after = text.slice(match.index + match[0].length);
  return !/\p{Script=Han}{2}/u.test(after.replace(AREA_TALK, ' '));
}

/** `normalised`: the cleaned, simplified, folded question. */
export function readPlanQuestion(normalised: string, plan: Plan): PlanQuestion | undefined {
  const text = normalised.replace(/[？?！!。.]+$/u, '').trim();

  // A pasted heading, with or without its numeral: 三、提高知识产权保护效果.
  const heading = text.replace(/^[一二三四五六七八九十\d]+\s*[、.．]\s*/u, '').replace(/\s+/gu, '');
  for (const area of plan.areas) {
    const title = area.title.replace(/\s+/gu, '');
    if (heading === title || (heading.startsWith(title) && onlyAbout(heading.slice(title.length), AREA_TALK, /$^/u)))
      return { type: 'area', number: area.number };
  }

  // Part of a heading (运用效益, 战略组织实施水平): the one area whose title contains it.
  if ([...heading].length >= 4 && /^\p{Script=Han}+$/u.test(heading)) {
    const containing = plan.areas.filter((area) => area.title.replace(/\s+/gu, '').includes(heading));
    if (containing.length === 1 && containing[0]) return { type: 'area', number: containing[0].number };
  }

  for (const { facet, pattern } of OVERVIEW) {
    if (
      pattern.test(text) &&
      onlyAbout(
        text.replace(new RegExp(pattern.source, 'gu'), ''),
        ABOUT_THE_PLAN,
        /措施|条|项|部分|领域|方面|块|板块|框架|年度|年|精神|制定|出台|依据|目的|会议|要求|落实|为什么|为了|哪个|标题|名字|汇报|领导|简单|概括|还是|开始|接着|的话|全计划|全文/gu,
      )
    ) {
      return { type: 'overview', facet };
    }
  }
  const strong = STRONG_AREA_WORD.test(text);
  const weak = WEAK_AREA_WORD.test(text);
  const goals = GOALS_WORD.test(text);
  const words = text.replace(AREA_TALK, ' ').replace(/\s+/gu, ' ').trim();

  if (/\p{Script=Han}{2}/u.test(words) && (strong || weak || goals)) {
    // Words that are all part of one area's title name that area (保护, 国际交流, 公共服务).
    const titled = areaTitledBy(words, plan);
    if (titled !== undefined) return { type: 'area', number: titled };
    // Behind a structural word (or 整体, 总体), other words are weighed against every area's title and goals.
    if ((strong || (weak && nothingNamedAfter(text))) && WHOLE_AREA_ASK.test(text)) return { type: 'area-words', words };
  }
  // Several subjects listed and asked about together (人才培养、中介服务、宣传教育…怎么安排的), or
  // a subject asked about as a whole (整体有什么打算): the area they belong to, if one stands out.
  const listed = (text.match(/、/gu) ?? []).length >= 1 && /安排|部署|打算|思路|怎么说|计划/u.test(text);
  if ((AS_A_WHOLE.test(text) || listed) && WHOLE_AREA_ASK.test(text) && /\p{Script=Han}{2}/u.test(words)) {
    return { type: 'area-words', words: words.replace(AS_A_WHOLE, ' ').trim() };
  }

  return undefined;
}
