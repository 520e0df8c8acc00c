/**
 * What kind of fact a question asks for, beyond its subject, and whether a text of the plan
 * states such a fact at all. The plan sets out measures; it names no budgets, fees, dates of
 * events, places or procedures for individuals, and lead units only where a measure closes with
 * them (plans from 2015 on: `（知识产权局牵头，…参与）`). A question asking for one of those
 * about a subject the plan does cover (剑网行动具体哪天开始) is answered "the plan does not say",
 * with the measure on the subject offered as related, never as the answer.
 */
import { readUnitsResponsible } from '../plan/units-responsible.js';

export type AskedFor =
  /** Who leads or is responsible (牵头, 负责, 哪个部门). */
  | 'lead'
  /** Who issued the plan (谁发布, 发文单位). */
  | 'issuer'
  /** Money the state spends (经费, 预算, 资金). */
  | 'budget'
  /** Money a person pays or receives (费用, 多少钱, 资助标准). */
  | 'money'
  /** A date or year (什么时候, 哪一年签的, 截止). */
  | 'date'
  /** A month or day (几月, 哪天, 几号): a year alone does not say it. */
  | 'day'
  /** How long (多久, 多长时间, 几个月, 周期). */
  | 'duration'
  /** Where (哪个城市, 哪些地方, 在哪办). */
  | 'place'
  /** Which named ones (哪几所大学, 分别是哪几个, 名单). */
  | 'names'
  /** How many of something (几个, 多少个, 第几次). */
  | 'count'
  /** A limit, share or score (上限, 最多, 比例, 分值). */
  | 'figure'
  /** How an individual goes about it (流程, 怎么申请, 需要什么材料, 报名). */
  | 'procedure'
  /** How far it has got (进展, 进度, 完成了吗). */
  | 'progress'
  /** An article of a law or treaty (商标法第五十七条): the plan quotes none. */
  | 'article';

interface Ask {
  kind: AskedFor;
  pattern: RegExp;
}

/** Checked in order; a question may ask for several things, all are reported. */
const ASKS: readonly Ask[] = [
  {
    kind: 'issuer',
    pattern:
      /(?:谁|哪个(?:部门|单位|机关)|哪家)(?:发布|印发|制定|出台|发的|签发)|发布(?:单位|部门|机关|日期|时间)|发文(?:单位|机关|日期|时间|字号)|印发(?:日期|时间)|是谁(?:发|出)的/u,
  },
  {
    kind: 'lead',
    pattern:
      /牵头|负责(?:单位|部门|人)|主管(?:部门|单位)|责任(?:单位|部门|人)|由谁|谁来(?:负责|管|抓|做)|谁负责|哪个部门(?!发布|印发)|哪些部门|哪个单位|哪家单位|归谁管|抓总/u,
  },
  {
    kind: 'budget',
    pattern:
      /多少经费|经费(?:预算)?(?:是|有|为)?多少|预算(?:是|有|为)?多少|经费预算|拨款多少|投入(?:了)?多少|花(?:了)?多少钱|资金(?:多少|规模|总额)|财政(?:投入|资金)多少/u,
  },
  {
    kind: 'money',
    pattern:
      /多少钱|赔多少|罚多少|赔偿多少|(?:保费|费用|价格|收费)(?:大概|大约|一般)?(?:是|要|为)?多少|收费吗|要收费|收不收费|要钱吗|收钱吗|谁(?:来)?出(?:这个|这笔)?钱|(?:费用|收费|价格|缴费)(?:是|要|为|大概)?多少|交多少|收多少|付多少|花多少|补贴(?:多少|标准)|资助(?:标准|金额|多少)|奖(?:金|励)(?:多少|标准)|多少元|几块钱|收费标准/u,
  },
  {
    kind: 'date',
    pattern:
      /什么时候|何时|啥时候|日期|截止|期限|时间表|时间节点|哪一?年(?:开始|完成|结束|实施|签|通过|批准|印发|发布|成立|出台|生效)|哪年哪月|哪几年|哪些年份?|开始时间|结束时间/u,
  },
  { kind: 'day', pattern: /哪天|哪一天|哪日|几号|几月|哪个月|哪月|开幕/u },
  { kind: 'duration', pattern: /多久|多长时间|多少天|几天|几个月|几年内|多少年|周期|时限|保护期/u },
  {
    kind: 'place',
    pattern:
      /哪个(?:城市|省|地方|地区|窗口)|去哪(?:里|儿)?办|哪些(?:城市|省份?|地方|地区)|哪几个(?:城市|省份?|地方|地区)|在哪(?:里|儿)?(?:办|举办|设|建|开|召开|举行)|在哪(?:里|儿)?$|设在哪|什么地方|地点|地址/u,
  },
  {
    kind: 'names',
    pattern: /哪几所|哪几家|哪几个(?!城市|省|地方|地区)|分别是哪|分别叫什么|名单|具体是哪(?:些|几)|哪些(?:大学|高校|企业|单位|机构|公司)|哪所/u,
  },
  {
    kind: 'count',
    pattern:
      /几个|多少个|几项|多少项|几家|多少家|几次|第几(?!条|项|部分|个领域)|多少次|几所|多少所|几批|多少批|多少件|多少起|多少宗|多少例|多少名|多少人|多少部/u,
  },
  {
    kind: 'figure',
    pattern:
      /(?:处罚|赔偿|收费|补贴|资助)标准|上限|下限|最多|最高|最低|比例|分值|占多少|多少分|额度|多少万|多少亿|百分之几|几成|量化目标|量化指标|具体指标|指标是多少|达到多少|拥有量|费率|定多少|多少才合理/u,
  },
  {
    kind: 'procedure',
    pattern: /流程|手续|步骤|怎么申请|如何申请|怎样申请|怎么办理|如何办理|怎么报|要准备|准备哪些|需要(?:什么|哪些)材料|提交(?:什么|哪些)|报名/u,
  },
  { kind: 'article', pattern: /(?:法|条例|规定|办法|细则|公约|条约|协定)第[\d一二三四五六七八九十百]+条|哪些条款|什么条款|具体条文|改了哪些|修改了哪些/u },
  {
    kind: 'progress',
    pattern:
      /进展|进度|完成(?:了吗|没有|得怎么样|情况|了多少)|落实(?:得怎么样|情况)|推进(?:得怎么样|情况)|到哪一步|效果(?:怎么样|如何)|成效(?:怎么样|如何)?|执行(?:下来|得)(?:怎么样|如何)?|谁赢了|结果(?:如何|怎么样)/u,
  },
];

/**
 * Words that ask only where the question asks: 几 and 哪天 are also indefinite (手里有几项发明，
 * 怕哪天被人告了 — "a few", "some day"), and then they stand in a clause before the one that asks.
 */
const INDEFINITE = /(?:^|[^第多])几(?:个|项|家|次|所|批)|哪天/u;

/** What `normalised` (a cleaned, simplified, folded question) asks for. */
export function askedFor(normalised: string): AskedFor[] {
  const clauses = normalised.split(/[，,；;。！!]/u).filter((c) => c.trim().length > 0);
  const last = clauses.at(-1) ?? normalised;
  // Indefinite words in an earlier clause say nothing of what is asked.
  const asked = clauses.map((c) => (c === last ? c : c.replace(INDEFINITE, ' '))).join('，');
  return ASKS.filter((ask) => ask.pattern.test(asked)).map((ask) => ask.kind);
}

const HAN_NUMBER = '[0-9一二两三四五六七八九十百千万]';
/** A text naming this many 《titles》 or more lists them: how many is there to count. */
const LISTED_TITLES = 3;
/** Provincial-level divisions and their capitals, and the other cities a text would name. */
const PLACES =
  /北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|石家庄|太原|沈阳|长春|哈尔滨|南京|杭州|合肥|福州|南昌|济南|郑州|武汉|长沙|广州|成都|贵阳|昆明|西安|兰州|西宁|呼和浩特|南宁|拉萨|银川|乌鲁木齐|深圳|厦门|苏州|青岛|宁波|大连|[^\s，。；、]{1,4}(?:省|自治区|市(?!场))/u;

/**
 * Whether `text` (one measure's) states a fact of the kind asked for. Lead units only when it
 * closes with the units responsible; issuers and budgets the plan never states.
 */
export function states(kind: AskedFor, text: string): boolean {
  switch (kind) {
    case 'lead':
      return readUnitsResponsible(text) !== undefined;
    case 'issuer':
    case 'budget':
    case 'progress':
    case 'article':
      return false;
    case 'money':
      return new RegExp(`${HAN_NUMBER}+\\s*(?:元|万元|亿元)`, 'u').test(text);
    case 'day':
      return new RegExp(`(?<!个)${HAN_NUMBER}{1,2}\\s*月(?!份?内)|月底|月中|月初`, 'u').test(text);
    case 'date':
      return new RegExp(`\\d{4}\\s*年(?:\\s*\\d{1,2}\\s*月)?|${HAN_NUMBER}{1,2}\\s*月(?:底|份|\\d{1,2}日)|年底|年内|年中|上半年|下半年|季度`, 'u').test(text);
    case 'duration':
      return new RegExp(`${HAN_NUMBER}+\\s*(?:个)?(?:月|年|天|日|周|小时)(?:内|以内)?|—\\d{4}\\s*年`, 'u').test(text);
    case 'place':
      return PLACES.test(text);
    case 'names':
      return PLACES.test(text) || /《[^》]+》|“[^”]+”|[\p{Script=Han}]{2,}(?:大学|学院)/u.test(text);
    case 'count':
      // A number, or a list to count: the titles it names one by one (第20条's five 《…》).
      return (
        new RegExp(`${HAN_NUMBER}+\\s*(?:个|项|家|次|所|批|条|类|种)|第${HAN_NUMBER}+次|\\d—\\d`, 'u').test(text) ||
        (text.match(/《[^》]+》/gu) ?? []).length >= LISTED_TITLES
      );
    case 'figure':
      return new RegExp(`${HAN_NUMBER}+\\s*(?:%|％|元|万|亿|分|倍)|百分之`, 'u').test(text);
    case 'procedure':
      return /程序|流程|手续|步骤/u.test(text);
  }
}

/** The Chinese name of what the plan does not state, for "计划原文没有写明…". */
export const ASKED_FOR_NAMES: Readonly<Record<AskedFor, string>> = {
  lead: '牵头单位或负责部门',
  issuer: '发布单位和发布日期',
  budget: '经费预算',
  money: '费用或资助金额',
  date: '具体日期或时间安排',
  day: '具体的月份或日期',
  duration: '时限',
  place: '具体地点',
  names: '具体名单',
  count: '具体数量',
  figure: '具体数额或比例',
  procedure: '办理流程',
  progress: '落实进展',
  article: '法律条文的内容',
};
