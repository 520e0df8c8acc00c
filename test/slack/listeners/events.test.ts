import { describe, expect, it } from 'vitest';
import { appHomeOpened } from '../../../src/slack/listeners/events/app-home-opened.js';
import { appMention } from '../../../src/slack/listeners/events/app-mention.js';
import { directOrThreadMessage } from '../../../src/slack/listeners/events/message.js';
import { measureCommand } from '../../../src/slack/listeners/commands/measure-command.js';
import { FAKE_BOT_USER_ID, FAKE_CHANNEL_ID, FAKE_USER_ID } from '../../support/fake-slack-api.js';
import { listenerFakes, type Call, type MessageArgs } from '../../support/listener-fakes.js';

const posts = (calls: Call[]) => calls.flatMap((c) => (c.kind === 'post' ? [c.args] : []));

describe('an @mention', () => {
  it('is answered in its thread, with the answering clause, and the thread is remembered', async () => {
    const slack = listenerFakes();
    await appMention(
      slack.app.conversation,
      slack.work,
      slack.firstDelivery,
      slack.log.logger,
    )(slack.mention('商标审查周期要控制在多久？', { ts: '1764000000.000100' }));
    const [post] = posts(slack.takeCalls());
    expect(post).toMatchObject({ channel: FAKE_CHANNEL_ID, thread_ts: '1764000000.000100' });
    expect(JSON.stringify(post?.blocks)).toContain('9个月');
    expect(String(post?.text)).toContain('第 3 条');
    expect((await slack.threads.recall({ channel: FAKE_CHANNEL_ID, threadTs: '1764000000.000100', direct: false })) !== undefined).toBe(true);
  });

  it('is answered once when it also arrives as a message event', async () => {
    const slack = listenerFakes();
    const ts = '1764000000.000200';
    await appMention(slack.app.conversation, slack.work, slack.firstDelivery, slack.log.logger)(slack.mention('傍名牌', { ts }));
    await directOrThreadMessage(
      slack.app,
      slack.work,
      slack.firstDelivery,
      slack.log.logger,
    )(slack.message(`<@${FAKE_BOT_USER_ID}> 傍名牌`, { ts, channelType: 'channel', threadTs: ts }));
    expect(posts(slack.takeCalls())).toHaveLength(1);
  });

  it('falls back to plain text when Slack refuses the blocks', async () => {
    const slack = listenerFakes();
    const client = slack.client((i) => (i === 0 ? { throw: 'invalid_blocks' } : 'ok'));
    await appMention(slack.app.conversation, slack.work, slack.firstDelivery, slack.log.logger)(slack.mention('商标审查周期要控制在多久？', { client }));
    const [, plain] = posts(slack.takeCalls());
    expect(plain?.blocks).toBeUndefined();
    expect(String(plain?.text)).toContain('9个月');
  });

  it('tells the asker in a DM what to do when it cannot post in the channel', async () => {
    const slack = listenerFakes();
    const client = slack.client((i) => (i === 0 ? { throw: 'not_in_channel' } : 'ok'));
    await appMention(slack.app.conversation, slack.work, slack.firstDelivery, slack.log.logger)(slack.mention('商标审查周期', { client }));
    const [, told] = posts(slack.takeCalls());
    expect(told?.channel).toBe(FAKE_USER_ID);
    expect(String(told?.text)).toContain('/invite');
    expect(slack.log.lines().find((l) => l.kind === 'app_mention')).toMatchObject({ outcome: 'post-failed', error: 'not_in_channel' });
  });
});

describe('a message', () => {
  it('in a DM is answered in its thread with one call (no status call before an answer already computed), with Slack feedback buttons', async () => {
    const slack = listenerFakes();
    await directOrThreadMessage(
      slack.app,
      slack.work,
      slack.firstDelivery,
      slack.log.logger,
    )(slack.message('国防知识产权有哪些措施？', { ts: '1764000000.000300' }));
    const calls = slack.takeCalls();
    expect(calls.map((c) => c.kind)).toEqual(['post']);
    const [post] = posts(calls);
    expect(post).toMatchObject({ channel: 'D0DIRECT', thread_ts: '1764000000.000300' });
    expect(JSON.stringify(post?.blocks)).toContain('feedback_buttons');
  });

  it('saying only help, 帮助 or 怎么用, in a DM or a mention, gets the help message instead of a search', async () => {
    const slack = listenerFakes();
    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message('帮助', { ts: '1764000000.000310' }));
    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message('help', { ts: '1764000000.000311' }));
    await appMention(
      slack.app.conversation,
      slack.work,
      slack.firstDelivery,
      slack.log.logger,
    )(slack.mention(`<@${FAKE_BOT_USER_ID}> 怎么用？`, { ts: '1764000000.000312' }));
    const sent = posts(slack.takeCalls());
    expect(sent).toHaveLength(3);
    for (const post of sent) expect(JSON.stringify(post.blocks)).toContain('计划助手使用说明');
    expect(sent.map((p) => p.thread_ts)).toEqual(['1764000000.000310', '1764000000.000311', '1764000000.000312']);
  });

  it('in a DM, 下一条 follows the card /measure just showed there; a command typed in a channel starts no conversation', async () => {
    const slack = listenerFakes();
    const dm = directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger);
    await measureCommand(slack.app.lookups, slack.work)(slack.command('/measure', '42', { channel: 'D0DIRECT' }));
    await dm(slack.message('下一条', { ts: '1764000003.000100' }));
    expect(String(posts(slack.takeCalls())[0]?.text)).toContain('第 43 条');

    const elsewhere = listenerFakes();
    await measureCommand(elsewhere.app.lookups, elsewhere.work)(elsewhere.command('/measure', '42'));
    await directOrThreadMessage(
      elsewhere.app,
      elsewhere.work,
      elsewhere.firstDelivery,
      elsewhere.log.logger,
    )(elsewhere.message('下一条', { ts: '1764000003.000200' }));
    expect(String(posts(elsewhere.takeCalls())[0]?.text)).not.toContain('第 43 条');
  });

  it('in a thread the bot answered in is followed up without another mention; other threads are left alone', async () => {
    const slack = listenerFakes();
    await slack.threads.remember({ channel: FAKE_CHANNEL_ID, threadTs: '1764000000.000001', direct: false }, { measures: [16], focus: 16, shown: 1 });
    await directOrThreadMessage(
      slack.app,
      slack.work,
      slack.firstDelivery,
      slack.log.logger,
    )(slack.message('那质押融资呢？', { channelType: 'channel', threadTs: '1764000000.000001' }));
    await directOrThreadMessage(
      slack.app,
      slack.work,
      slack.firstDelivery,
      slack.log.logger,
    )(slack.message('专利导航', { channelType: 'channel', threadTs: '1111.2222' }));
    const sent = posts(slack.takeCalls());
    expect(sent).toHaveLength(1);
    expect(sent[0]?.thread_ts).toBe('1764000000.000001');
  });

  it('from a bot (itself included), an edit, a deletion or channel chatter is ignored', async () => {
    const slack = listenerFakes();
    const listener = directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger);
    const variants: Array<Record<string, unknown>> = [
      { bot_id: 'B0OTHER', user: 'U0OTHERBOT' },
      { user: FAKE_BOT_USER_ID },
      { subtype: 'message_changed' },
      { subtype: 'message_deleted' },
    ];
    for (const extra of variants) {
      const args = slack.message('专利');
      Object.assign(args.message, extra);
      await listener(args);
    }
    await listener(slack.message('专利', { channelType: 'channel' }));
    expect(slack.takeCalls()).toEqual([]);
  });

  it('is ignored when Slack sends something that is not a message at all', async () => {
    const slack = listenerFakes();
    const args = slack.message('专利');
    await directOrThreadMessage(
      slack.app,
      slack.work,
      slack.firstDelivery,
      slack.log.logger,
    )({ ...args, message: { nonsense: true } } as unknown as MessageArgs);
    expect(slack.takeCalls()).toEqual([]);
  });
});

describe('App Home', () => {
  it('publishes the Home tab, and sets the suggested prompts when the Messages tab opens', async () => {
    const slack = listenerFakes();
    const client = slack.client();
    const listener = appHomeOpened(slack.app.home, slack.app.lookups.overview, slack.work);
    const opened = (tab: string) =>
      ({
        event: { type: 'app_home_opened', user: FAKE_USER_ID, channel: 'D0DIRECT', tab, event_ts: '1.1' },
        client,
        context: {},
        next: async () => {},
      }) as unknown as Parameters<typeof listener>[0];
    await listener(opened('home'));
    await listener(opened('messages'));
    const [publish, prompts] = slack.takeCalls();
    expect(publish).toMatchObject({ kind: 'api', method: 'views.publish', args: { user_id: FAKE_USER_ID } });
    expect(JSON.stringify(publish)).toContain('推进看板');
    expect(prompts).toMatchObject({ kind: 'api', method: 'assistant.threads.setSuggestedPrompts', args: { channel_id: 'D0DIRECT' } });
  });
});
