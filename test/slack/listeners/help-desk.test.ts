/**
 * The help desk at the Slack edge, with the listeners' small fakes: what the front door records as
 * owed (questions in channels, clicks whose work outlives them), the message listener's silence on
 * statements, 没帮助 offering 问协调办, and 修改 on App Home.
 */
import { describe, expect, it } from 'vitest';
import { readDelivery } from '../../../src/slack/payloads/delivery.js';
import { answerableAs, replyFromSlackText } from '../../../src/slack/payloads/message-event.js';
import { answerFeedback } from '../../../src/slack/listeners/actions/answer-feedback.js';
import { directOrThreadMessage } from '../../../src/slack/listeners/events/message.js';
import { editStandardAnswer } from '../../../src/slack/listeners/actions/standard-answer-edit.js';
import { standardAnswerFormSubmitted } from '../../../src/slack/listeners/views/standard-answer-form.js';
import { blockAction, eventEnvelope, messageEvent } from '../../support/slack-payloads.js';
import { listenerFakes, type Call } from '../../support/listener-fakes.js';

const HELP_DESK = { channel: 'C0COORDOFFICE', answerChannels: ['C0HELPDESK'], reviewMonths: 6, expired: 'notice' as const };
const responses = (calls: Call[]) => calls.flatMap((c) => (c.kind === 'respond' ? [c.message] : []));

describe('what a channel message is to the front door', () => {
  it('takes a top-level question in a channel as owed work, and a statement, a join or a bot’s post not at all', () => {
    const person = { user: 'U1', channel_type: 'channel' } as const;
    expect(answerableAs({ ...person, text: '商标审查周期要控制在多久' })).toBe('channel');
    expect(answerableAs({ ...person, text: '【通知】周五开会。' })).toBeUndefined();
    expect(answerableAs({ ...person, text: '谢谢' })).toBeUndefined();
    expect(answerableAs({ ...person, subtype: 'channel_join', text: '<@U1> 加入了频道' })).toBeUndefined();
    expect(answerableAs({ ...person, bot_id: 'B1', text: '商标审查周期要控制在多久？' })).toBeUndefined();
    expect(answerableAs({ ...person, thread_ts: '1.1', text: '好的' })).toBe('thread');
    expect(readDelivery(eventEnvelope(messageEvent('剑网行动今年还搞吗？', { channelType: 'channel' })))).toMatchObject({ owesAnswer: true });
    expect(readDelivery(eventEnvelope(messageEvent('收到', { channelType: 'channel' })))).toMatchObject({ owesAnswer: false });
  });

  it('records 问协调办 and 存为标准答复 as owed work, under the click’s trigger id, and other clicks not', () => {
    const escalate = blockAction('escalate_to_office', '{}');
    expect(readDelivery(escalate)).toEqual({ kind: 'interaction', type: 'block_actions', owedKey: `interaction:${String(escalate.trigger_id)}` });
    expect(readDelivery(blockAction('standard_answer_save', '{}'))).toMatchObject({ owedKey: expect.stringMatching(/^interaction:/u) });
    expect(readDelivery(blockAction('measure_next', '{"n":3}'))).toEqual({ kind: 'interaction', type: 'block_actions' });
  });

  it('reads an office reply back into what was written, lines kept, mentions dropped', () => {
    expect(replyFromSlackText('<@U0COORD> 经费由地方财政安排\n详见 <https://example.gov.cn/a|通知> &amp; 附件')).toBe('经费由地方财政安排\n详见 通知 & 附件');
  });
});

describe('the message listener in channels', () => {
  it('says nothing to a statement in a help channel', async () => {
    const slack = listenerFakes(undefined, { helpDesk: HELP_DESK });
    await directOrThreadMessage(
      slack.app,
      slack.work,
      slack.firstDelivery,
      slack.log.logger,
    )(slack.message('【通知】本周五下午三点开推进会。', { channel: 'C0HELPDESK', channelType: 'channel' }));
    await slack.idle();
    expect(slack.takeCalls()).toEqual([]);
  });

  it('answers a question in a help channel in its thread, and not in another channel', async () => {
    const slack = listenerFakes(undefined, { helpDesk: HELP_DESK });
    const listener = directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger);
    await listener(slack.message('商标审查周期要控制在多久？', { channel: 'C0HELPDESK', channelType: 'channel', ts: '1764000000.000100' }));
    await listener(slack.message('商标审查周期要控制在多久？', { channel: 'C0ELSEWHERE', channelType: 'channel', ts: '1764000000.000200' }));
    await slack.idle();
    const posts = slack.takeCalls().flatMap((c) => (c.kind === 'post' ? [c.args] : []));
    expect(posts.map((p) => [p.channel, p.thread_ts])).toEqual([['C0HELPDESK', '1764000000.000100']]);
  });
});

describe('没帮助', () => {
  it('offers 问协调办 for the answer’s thread when a coordination channel is set', async () => {
    const slack = listenerFakes(undefined, { helpDesk: HELP_DESK });
    const click = slack.click('answer_feedback_not_helpful', JSON.stringify({ v: 'down', q: '专利导航实验区的工作经费由谁承担？', m: [15] }), {
      ephemeral: false,
    });
    const body = {
      ...click.body,
      container: { type: 'message', message_ts: '1764000000.000900', channel_id: 'D0DIRECT', is_ephemeral: false },
      message: { ts: '1764000000.000900', thread_ts: '1764000000.000800' },
    };
    await answerFeedback(slack.app.feedback, slack.work, 'native')({ ...click, body, payload: body, action: body } as typeof click);
    const [offer] = responses(slack.takeCalls());
    expect(JSON.stringify(offer)).toContain('escalate_to_office');
    expect(JSON.stringify(offer)).toContain('\\"c\\":\\"D0DIRECT\\",\\"t\\":\\"1764000000.000800\\"');
  });

  it('only thanks when no coordination channel is set', async () => {
    const slack = listenerFakes();
    await answerFeedback(
      slack.app.feedback,
      slack.work,
      'buttons',
    )(slack.click('answer_feedback_not_helpful', JSON.stringify({ v: 'down', q: '自贸区怎么管', m: [33] }), { ephemeral: false }));
    expect(JSON.stringify(responses(slack.takeCalls()))).not.toContain('escalate_to_office');
  });
});

describe('修改 on App Home', () => {
  async function withAnswer() {
    const slack = listenerFakes(undefined, { helpDesk: HELP_DESK });
    await slack.store.helpDesk.standardAnswers.create({
      text: '由地方财政安排。',
      question: '专利导航实验区的工作经费由谁承担？',
      plan: '2014',
      measures: [15],
      savedBy: 'U0COORD',
      savedAt: 1,
      reviewBy: '2027-06-01',
      source: null,
    });
    return slack;
  }
  const values = (text: string, measures: string, state: '在用' | '停用') => ({
    standard_answer_text: { standard_answer_text: { type: 'plain_text_input' as const, value: text } },
    standard_answer_measures: { standard_answer_measures: { type: 'plain_text_input' as const, value: measures } },
    standard_answer_state: {
      standard_answer_state: { type: 'static_select' as const, selected_option: { text: { type: 'plain_text' as const, text: state }, value: state } },
    },
  });
  const acks = (calls: Call[]) => calls.flatMap((c) => (c.kind === 'ack' && c.response !== undefined ? [c.response] : []));

  it('opens the answer in a window for a coordinator, and a refusal for anyone else', async () => {
    const slack = await withAnswer();
    await editStandardAnswer(slack.app.helpDesk.standardAnswers, slack.work)(slack.click('standard_answer_edit', '{"s":1}', { user: 'U0COORD', view: 'home' }));
    const opened = slack.takeCalls().find((c) => c.kind === 'api' && c.method === 'views.open');
    expect(JSON.stringify(opened)).toContain('由地方财政安排。');
    expect(JSON.stringify(opened)).toContain('"private_metadata":"{\\"s\\":1,\\"v\\":1}"');
    await editStandardAnswer(slack.app.helpDesk.standardAnswers, slack.work)(slack.click('standard_answer_edit', '{"s":1}', { user: 'U0USER', view: 'home' }));
    expect(JSON.stringify(slack.takeCalls())).toContain('只有协调办人员可以这样做');
  });

  it('saves nothing for an empty text or a measure the plan does not have, saying so beside the field', async () => {
    const slack = await withAnswer();
    const submitted = standardAnswerFormSubmitted(slack.app.helpDesk.standardAnswers, slack.work);
    await submitted(slack.submit('standard_answer_form', '{"s":1,"v":1}', values('', '15', '在用'), { user: 'U0COORD' }));
    await submitted(slack.submit('standard_answer_form', '{"s":1,"v":1}', values('新的答复', '15、99', '在用'), { user: 'U0COORD' }));
    await submitted(slack.submit('standard_answer_form', '{"s":1,"v":1}', values('新的答复', '很多条', '在用'), { user: 'U0COORD' }));
    const [empty, missing, words] = acks(slack.takeCalls());
    expect(empty).toEqual({ response_action: 'errors', errors: { standard_answer_text: '标准答复的内容不能为空：请写上协调办的答复，什么都没有保存。' } });
    expect(missing).toMatchObject({ response_action: 'errors', errors: { standard_answer_measures: expect.stringContaining('没有第 99 条') } });
    expect(words).toMatchObject({ response_action: 'errors', errors: { standard_answer_measures: '请只写措施编号，例如：15、43。' } });
    expect((await slack.store.helpDesk.standardAnswers.get(1))?.version).toBe(1);
  });

  it('saves an edit and a retirement as new versions, and refuses one made over an older version', async () => {
    const slack = await withAnswer();
    const submitted = standardAnswerFormSubmitted(slack.app.helpDesk.standardAnswers, slack.work);
    await submitted(slack.submit('standard_answer_form', '{"s":1,"v":1}', values('经费由试点地方财政安排。', '15、43', '在用'), { user: 'U0COORD' }));
    await submitted(slack.submit('standard_answer_form', '{"s":1,"v":1}', values('旧窗口里的修改', '15', '在用'), { user: 'U0COORD' }));
    await submitted(slack.submit('standard_answer_form', '{"s":1,"v":2}', values('经费由试点地方财政安排。', '15、43', '停用'), { user: 'U0COORD' }));
    const [saved, stale, retired] = acks(slack.takeCalls()).map((a) => JSON.stringify(a));
    expect(saved).toContain('已修改标准答复 #1（第 2 版）');
    expect(stale).toContain('有人同时在修改这条标准答复');
    expect(retired).toContain('已停用标准答复 #1（第 3 版）');
    expect((await slack.store.helpDesk.standardAnswers.history(1)).map((v) => [v.version, v.measures, v.retired])).toEqual([
      [1, [15], false],
      [2, [15, 43], false],
      [3, [15, 43], true],
    ]);
  });
});
