/**
 * Seeded input generators for the fuzz suite. Every run is reproducible: the base seed is fixed
 * (override with `FUZZ_SEED=<integer>`), each property derives its own stream from the base seed
 * and its name, and every assertion message carries the seed, the case index and the input, so a
 * failure can be replayed with `FUZZ_SEED=… npx vitest run test/fuzz`.
 *
 * The inputs are what people (and hostile or broken clients) send: random Unicode from many
 * ranges (CJK, full-width forms, emoji with surrogate pairs and ZWJ sequences, combining marks,
 * right-to-left scripts and bidi controls, zero-width and control characters, lone surrogates),
 * Slack's own syntax (`<!channel>`, `<@U123>`, `<http://x|y>`, `*`, backticks, quotes),
 * number-like strings (`-1`, `1e9`, `0x2A`, `４２`, `四十二`) and words from the plan, at lengths
 * from nothing to 10,000 characters.
 */

/** The base seed of this run. */
export const FUZZ_SEED: number = parseSeed(process.env.FUZZ_SEED) ?? 0x5eed_2014;

function parseSeed(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n >>> 0 : undefined;
}

/** mulberry32: a tiny, fast 32-bit PRNG; good enough to spread inputs, and fully determined by its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string: turns a property's name into a stream offset. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }

  /** A stream of its own for the property `name`, derived from the run's base seed. */
  static for(name: string, base: number = FUZZ_SEED): Rng {
    return new Rng((base ^ hashName(name)) >>> 0);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from nothing');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of `choices`, each chosen in proportion to its weight. */
  weighted<T>(choices: ReadonlyArray<readonly [number, T]>): T {
    const total = choices.reduce((sum, [w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [w, value] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return (choices.at(-1) as readonly [number, T])[1];
  }
}

// ─── Pieces ──────────────────────────────────────────────────────────────────────────────────

/** Code point ranges `[from, to]`, both included. */
const RANGES = {
  asciiPrintable: [0x20, 0x7e],
  cjk: [0x4e00, 0x9fff],
  cjkExtensionB: [0x20000, 0x2a6df],
  fullwidth: [0xff01, 0xff5e],
  emoji: [0x1f300, 0x1faff],
  combining: [0x0300, 0x036f],
  hebrew: [0x0590, 0x05ff],
  arabic: [0x0600, 0x06ff],
  bidiEmbedding: [0x202a, 0x202e],
  bidiIsolate: [0x2066, 0x2069],
  zeroWidth: [0x200b, 0x200f],
  c0: [0x0000, 0x001f],
  c1: [0x007f, 0x009f],
  loneSurrogate: [0xd800, 0xdfff],
  privateUse: [0xe000, 0xe0ff],
  halfwidthKatakana: [0xff61, 0xff9f],
} as const satisfies Record<string, readonly [number, number]>;

type RangeName = keyof typeof RANGES;

/** Characters that are single troublemakers rather than ranges. */
const ODD_CHARACTERS = [
  '\u00a0', // no-break space
  '\u3000', // ideographic space
  '\u2028', // line separator
  '\u2029', // paragraph separator
  '\ufeff', // BOM
  '\ufffd', // replacement character
  '\ufffe', // noncharacter
  '\uffff', // noncharacter
  '\u00ad', // soft hyphen
  '\u034f', // combining grapheme joiner
  '\u180e', // Mongolian vowel separator
  '\u2060', // word joiner
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\v',
  '\f',
] as const;

/** Emoji as people send them: surrogate pairs, skin tones, ZWJ families, flags, keycaps, variation selectors. */
export const EMOJI_SEQUENCES = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇳', '1️⃣', '❤️', '🧑🏻‍💻', '👩‍⚖️', '🫠', ':white_check_mark:', ':warning:'] as const;

/** Slack's special syntax and mrkdwn: every one must reach Slack escaped, never as a mention or link. */
export const SLACK_SYNTAX = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!here|here>',
  '<!subteam^S123|@team>',
  '<!date^1392734382^{date}|x>',
  '<@U123>',
  '<@U123|name>',
  '<@U0BOT>',
  '<@W999>',
  '<#C123|general>',
  '<#C123>',
  '<http://x|y>',
  '<https://evil.example/a?b=c&d=e|点我>',
  '<http://x>',
  '<mailto:a@b|c>',
  '<tel:123|call>',
  '&lt;!channel&gt;',
  '&lt;@U123&gt;',
  '&amp;lt;!here&amp;gt;',
  '&amp;',
  '<',
  '>',
  '<!',
  '<@',
  '<#',
  '<http:',
  '*',
  '**',
  '_',
  '~',
  '`',
  '```',
  '```code```',
  '> quoted',
  '>>> ',
  '*粗体*',
  '_斜体_',
  '~删除~',
  '`代码`',
  '\n> 引用',
  '• ',
  '|',
  '\\',
  '"',
  "'",
  '{"q":"x"}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal's syntax, as hostile input
  '${x}',
  '%s',
] as const;

/** Strings that look like numbers, measure numbers or ranges, in every notation people use. */
export const NUMBER_LIKE = [
  '-1',
  '0',
  '00',
  '1e9',
  '1E9',
  '0x2A',
  '0X2a',
  '４２',
  '四十二',
  '七十九',
  '八十',
  '１００',
  'NaN',
  'Infinity',
  '-Infinity',
  '1.5',
  '.5',
  '+1',
  '  7  ',
  '15-20',
  '75-90',
  '20-15',
  '1-79',
  '0-0',
  '第零条',
  '第42条',
  '第四十二条',
  '措施 15',
  'measure 61',
  '#42',
  '第三部分',
  'area 3',
  '三',
  '8',
  '9007199254740993',
  '99999999',
  '一百零五',
  '两',
  '〇',
  '四二',
  '1,000',
  '1_000',
  '٤٢', // Arabic-Indic digits
  '४२', // Devanagari digits
  '⑦',
  'Ⅶ',
  '²',
] as const;

/** Words and phrases from the plan, so fuzzed questions also reach the search and its answers. */
export const PLAN_WORDS = [
  '商标',
  '专利',
  '专利导航',
  '剑网行动',
  '知识产权',
  '知产',
  '版权',
  '地理标志',
  '植物新品种',
  '国防知识产权',
  '质押融资',
  '两法衔接',
  '自贸区',
  '审查周期',
  '商标审查周期要控制在多久？',
  '国防知识产权有哪些措施？',
  '软件正版化',
  '标准',
  '傍名牌',
  '智慧财产权',
  '軟體',
  'patent pledge financing',
  'trademark',
  '的',
  '？',
  '吗',
  '是什么',
  '有哪些',
] as const;

function codePointIn(rng: Rng, range: RangeName): string {
  const [from, to] = RANGES[range];
  const cp = rng.int(from, to);
  // String.fromCharCode keeps a lone surrogate lone (fromCodePoint would too, but be explicit).
  return cp <= 0xffff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
}

const RANGE_WEIGHTS: ReadonlyArray<readonly [number, RangeName]> = [
  [6, 'asciiPrintable'],
  [8, 'cjk'],
  [1, 'cjkExtensionB'],
  [2, 'fullwidth'],
  [2, 'emoji'],
  [2, 'combining'],
  [1, 'hebrew'],
  [1, 'arabic'],
  [1, 'bidiEmbedding'],
  [1, 'bidiIsolate'],
  [1, 'zeroWidth'],
  [1, 'c0'],
  [1, 'c1'],
  [1, 'loneSurrogate'],
  [1, 'privateUse'],
  [1, 'halfwidthKatakana'],
];

/** One random piece of text: a character run, a Slack fragment, a number-like string, a plan word, an emoji sequence. */
export function fuzzPiece(rng: Rng): string {
  const kind = rng.weighted<'chars' | 'odd' | 'slack' | 'number' | 'plan' | 'emoji'>([
    [5, 'chars'],
    [1, 'odd'],
    [3, 'slack'],
    [2, 'number'],
    [3, 'plan'],
    [1, 'emoji'],
  ]);
  switch (kind) {
    case 'chars': {
      const range = rng.weighted(RANGE_WEIGHTS);
      let out = '';
      for (let i = rng.int(1, 6); i > 0; i--) out += codePointIn(rng, range);
      return out;
    }
    case 'odd':
      return rng.pick(ODD_CHARACTERS);
    case 'slack':
      return rng.pick(SLACK_SYNTAX);
    case 'number':
      return rng.pick(NUMBER_LIKE);
    case 'plan':
      return rng.pick(PLAN_WORDS);
    case 'emoji':
      return rng.pick(EMOJI_SEQUENCES);
  }
}

/**
 * A target length: mostly short (what people type), sometimes around the 500-character question
 * limit, sometimes long, and now and then exactly 0 or 10,000.
 */
export function fuzzLength(rng: Rng, max = 10_000): number {
  const length = rng.weighted<() => number>([
    [2, () => 0],
    [40, () => rng.int(1, 12)],
    [25, () => rng.int(13, 60)],
    [10, () => rng.int(61, 400)],
    [8, () => rng.int(480, 520)],
    [6, () => rng.int(521, 3000)],
    [5, () => rng.int(3001, 9999)],
    [4, () => 10_000],
  ])();
  return Math.min(length, max);
}

/** Pieces concatenated up to `length` UTF-16 units (cut there, possibly through a surrogate pair). */
export function textOfLength(rng: Rng, length: number): string {
  if (length === 0) return '';
  const parts: string[] = [];
  let size = 0;
  // Long strings repeat a short random chunk so 10,000 characters stay cheap to make.
  while (size < Math.min(length, 600)) {
    const piece = fuzzPiece(rng);
    parts.push(rng.chance(0.5) ? ` ${piece}` : piece);
    size += piece.length + 1;
  }
  let text = parts.join('');
  while (text.length < length) text += text;
  return text.slice(0, length);
}

/** A fuzzed input as typed anywhere: mostly pieces, sometimes a bare fragment, a lone number, or whitespace only. */
export function fuzzText(rng: Rng, options: { max?: number } = {}): string {
  const shape = rng.weighted<'mixed' | 'fragment' | 'number' | 'whitespace' | 'wrapped-number' | 'split-number'>([
    [68, 'mixed'],
    [8, 'fragment'],
    [10, 'number'],
    [4, 'whitespace'],
    [6, 'wrapped-number'],
    [4, 'split-number'],
  ]);
  const max = options.max ?? 10_000;
  switch (shape) {
    case 'mixed':
      return textOfLength(rng, fuzzLength(rng, max));
    case 'fragment':
      return fuzzPiece(rng).slice(0, max);
    case 'number':
      return rng.pick(NUMBER_LIKE).slice(0, max);
    case 'whitespace':
      return rng.pick(['', ' ', '   ', '\t', '\n', '\u3000', '\u200b', '\u00a0 \u3000']).slice(0, max);
    case 'wrapped-number':
      return `${rng.pick(INVISIBLE_PADDING)}${rng.pick(NUMBER_LIKE)}${rng.pick(INVISIBLE_PADDING)}`.slice(0, max);
    case 'split-number':
      return splitNumber(rng).slice(0, max);
  }
}

/** Breaks that can fall inside a number as typed or pasted: spaces, line breaks, invisible characters. */
const INNER_BREAKS = [' ', '\t', '\n', '\r', '\r\n', '\u3000', '\u200b', '\u2028', '\u00a0'] as const;

/** A number-like string with a break inside it (`4\n2`, `15\u3000-\u200b20`). */
function splitNumber(rng: Rng): string {
  const chars = [...rng.pick(NUMBER_LIKE).trim()];
  const at = rng.int(1, Math.max(1, chars.length - 1));
  return [...chars.slice(0, at), rng.pick(INNER_BREAKS), ...chars.slice(at)].join('');
}

/** Padding people never see (and some they do): it must not change what a lookup finds. */
export const INVISIBLE_PADDING = ['', ' ', '  ', '\u3000', '\u200b', '\u200e', '\u202e', '\u2066', '\ufeff', '\u00a0', '\t', ' \u200b '] as const;

/** Control characters the CLI refuses (C0 except tab, newline and CR; DEL; C1). */
export function hasRefusedControlCharacter(text: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.test(text);
}

/** `n` written the ways people write a measure number, for lookups that must still work amid the fuzz. */
export function writeNumber(rng: Rng, n: number): string {
  const fullwidth = String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
  const chinese = chineseNumeral(n);
  return rng.pick([String(n), fullwidth, chinese, `第${n}条`, `第${chinese}条`, `第${fullwidth}条`, `措施${n}`, `measure ${n}`]);
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1–99 as a Chinese numeral (十五, 四十二, 七十九). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`) + (ones === 0 ? '' : DIGITS[ones]);
}

/** A short, JSON-safe rendering of an input for assertion messages: its length and its start, escaped. */
export function describeInput(input: string, max = 200): string {
  const shown = JSON.stringify(input.length > max ? `${input.slice(0, max)}` : input);
  return input.length > max ? `${shown}… (${input.length} chars)` : `${shown} (${input.length} chars)`;
}

/** The label each fuzz assertion carries: enough to replay it. `shown`: the input as {@link describeInput} or JSON shows it. */
export function caseLabel(property: string, index: number, shown: string): string {
  return `[fuzz ${property} seed=${FUZZ_SEED} case=${index}] input ${shown}`;
}

/** How a generated case is shown in a report: a string escaped and cut, anything else as JSON, cut. */
export function showCase(value: unknown): string {
  if (typeof value === 'string') return describeInput(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 400 ? `${json.slice(0, 400)}…` : json;
}
