/**
 * The help desk at the Slack edge, with the listeners' small fakes: what the front door records as
 * owed (questions in channels, clicks whose work outlives them), the message listener's silence on
 * statements, and 没帮助 offering 问协调办.
 */
import { describe, expect, it } from 'vitest';
import { readDelivery } from '../../../src/slack/payloads/delivery.js';
import { answerableAs, replyFromSlackText } from '../../../src/slack/payloads/message-event.js';
import { answerFeedback } from '../../../src/slack/listeners/actions/answer-feedback.js';
import { directOrThreadMessage } from '../../../src/slack/listeners/events/message.js';
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
    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message('【通知】本周五下午三点开推进会。', { channel: 'C0HELPDESK', channelType: 'channel' }));
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
    const click = slack.click('answer_feedback_not_helpful', JSON.stringify({ v: 'down', q: '专利导航实验区的工作经费由谁承担？', m: [15] }), { ephemeral: false });
    const body = { ...click.body, container: { type: 'message', message_ts: '1764000000.000900', channel_id: 'D0DIRECT', is_ephemeral: false }, message: { ts: '1764000000.000900', thread_ts: '1764000000.000800' } };
    await answerFeedback(slack.app.feedback, slack.work, 'native')({ ...click, body, payload: body, action: body } as typeof click);
    const [offer] = responses(slack.takeCalls());
    expect(JSON.stringify(offer)).toContain('escalate_to_office');
    expect(JSON.stringify(offer)).toContain('\\"c\\":\\"D0DIRECT\\",\\"t\\":\\"1764000000.000800\\"');
  });

  it('only thanks when no coordination channel is set', async () => {
    const slack = listenerFakes();
    await answerFeedback(slack.app.feedback, slack.work, 'buttons')(slack.click('answer_feedback_not_helpful', JSON.stringify({ v: 'down', q: '自贸区怎么管', m: [33] }), { ephemeral: false }));
    expect(JSON.stringify(responses(slack.takeCalls()))).not.toContain('escalate_to_office');
  });
});
