/**
 * `/plan 标准答复 …` and `/plan 设置 …`: the coordinators' commands for the help desk, read from
 * the text after /plan. Anything else is not one of them (undefined), and stays a question.
 *
 *   标准答复                 list them
 *   标准答复 3               one, with its history
 *   标准答复 改 3 <答复>      a new text
 *   标准答复 措施 3 42、43    the measures it belongs to
 *   标准答复 复核 3           reviewed: due again after the review period
 *   标准答复 停用 3           retired: no longer shown
 *   设置 频道自动回答 开|关    answer every question in this channel without an @mention
 */

export type HelpDeskCommand =
  | { type: 'list' }
  | { type: 'show'; id: number }
  | { type: 'edit'; id: number; text: string }
  | { type: 'measures'; id: number; measures: number[] }
  | { type: 'review'; id: number }
  | { type: 'retire'; id: number }
  | { type: 'auto-answer'; on: boolean }
  | { type: 'invalid'; message: string };

export const STANDARD_ANSWER_USAGE =
  '用法：/plan 标准答复（列出全部）；/plan 标准答复 3（查看第 3 条及其历史）；/plan 标准答复 改 3 新的答复；/plan 标准答复 措施 3 42、43；/plan 标准答复 复核 3；/plan 标准答复 停用 3。';
export const SETTING_USAGE = '用法：在要设置的频道里输入 /plan 设置 频道自动回答 开（或 关）。';

const STANDARD = /^标准答复(?:\s+|$)/u;
const SETTING = /^设置(?:\s+|$)/u;
const VERBS: Readonly<Record<string, 'edit' | 'measures' | 'review' | 'retire'>> = {
  改: 'edit',
  修改: 'edit',
  编辑: 'edit',
  措施: 'measures',
  复核: 'review',
  停用: 'retire',
  退役: 'retire',
  删除: 'retire',
};
const ON = new Set(['开', '开启', '打开', 'on']);
const OFF = new Set(['关', '关闭', 'off']);
const ID = /^#?(\d{1,9})$/u;

const invalid = (message: string): HelpDeskCommand => ({ type: 'invalid', message });

/** The command in `text` (what follows /plan), or undefined when it is not a help desk command. */
export function readHelpDeskCommand(text: string): HelpDeskCommand | undefined {
  const trimmed = text.trim();
  if (STANDARD.test(trimmed)) return readStandard(trimmed.replace(STANDARD, ''));
  if (SETTING.test(trimmed)) return readSetting(trimmed.replace(SETTING, ''));
  return undefined;
}

function readStandard(rest: string): HelpDeskCommand {
  if (rest.length === 0) return { type: 'list' };
  const [first = '', second = '', ...more] = rest.split(/\s+/u);
  const shown = ID.exec(first);
  if (shown) return second.length === 0 ? { type: 'show', id: Number(shown[1]) } : invalid(STANDARD_ANSWER_USAGE);
  const verb = VERBS[first];
  const id = ID.exec(second);
  if (!verb || !id) return invalid(STANDARD_ANSWER_USAGE);
  const number = Number(id[1]);
  // The text keeps its own spacing: everything after the id.
  const after = rest.slice(rest.indexOf(second) + second.length).trim();
  switch (verb) {
    case 'edit':
      return { type: 'edit', id: number, text: after };
    case 'measures': {
      const measures = [...after.matchAll(/\d{1,6}/gu)].map((m) => Number(m[0]));
      if (measures.length === 0 || /[^\d\s、,，;；第条和及]/u.test(after)) return invalid('请写出措施编号，例如：/plan 标准答复 措施 3 42、43。');
      return { type: 'measures', id: number, measures };
    }
    case 'review':
    case 'retire':
      return more.length === 0 ? { type: verb, id: number } : invalid(STANDARD_ANSWER_USAGE);
  }
}

function readSetting(rest: string): HelpDeskCommand {
  const [what = '', value = '', ...more] = rest.split(/\s+/u);
  if (what !== '频道自动回答' || more.length > 0) return invalid(SETTING_USAGE);
  const word = value.toLowerCase();
  if (ON.has(word)) return { type: 'auto-answer', on: true };
  if (OFF.has(word)) return { type: 'auto-answer', on: false };
  return invalid(SETTING_USAGE);
}
