/**
 * Help channels over loopback (HTTP mode): in a channel named in ANSWER_CHANNELS, or one a
 * coordinator turned on with `/plan 设置 频道自动回答 开`, every top-level question is answered in
 * its thread without an @mention, and nothing is said to a statement; everywhere else only
 * mentions are answered, as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_USER_ID, startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { signedSender } from '../../support/signed-request.js';
import { eventEnvelope, mentionEvent, messageEvent, slashCommand } from '../../support/slack-payloads.js';
import { startAppHarness, TEST_SIGNING_SECRET, type AppHarness } from '../../support/slack-app-harness.js';

const HELP = 'C0HELPDESK';
const OTHER = 'C0ELSEWHERE';
const COORDINATOR = 'U0COORD';

let api: FakeSlackApi | undefined;
let app: AppHarness | undefined;
afterEach(async () => {
  await app?.stop();
  await api?.close();
  app = undefined;
  api = undefined;
});

async function started(): Promise<{ fake: FakeSlackApi; harness: AppHarness }> {
  const fake = await startFakeSlackApi();
  api = fake;
  const harness = await startAppHarness('http', fake, {
    coordinators: { users: [COORDINATOR], groups: [] },
    helpDesk: { channel: 'C0COORDOFFICE', answerChannels: [HELP], reviewMonths: 6, expired: 'notice' },
  });
  app = harness;
  return { fake, harness };
}

const inChannel = (channel: string, text: string) => messageEvent(text, { channel, channelType: 'channel' });

describe('a help channel', () => {
  it('answers a question without a mention in its thread, and says nothing to a statement', async () => {
    const { fake, harness } = await started();
    const send = signedSender(`${harness.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    const question = inChannel(HELP, '商标审查周期要控制在多久？');
    await send.event(eventEnvelope(question));
    const answer = await fake.waitFor('chat.postMessage', (c) => c.args.channel === HELP && c.args.thread_ts === question.ts);
    expect(String(answer.args.text)).toContain('9个月');

    // A statement, then a question: the statement is not even taken as owed work; by the time the
    // later question is answered, it has long been passed over.
    const statement = inChannel(HELP, '【通知】本周五下午三点在三楼会议室召开推进会，请各单位准时参加。');
    const thanks = inChannel(HELP, '谢谢大家！');
    await send.event(eventEnvelope(statement));
    await send.event(eventEnvelope(thanks));
    const later = inChannel(HELP, '第42条');
    await send.event(eventEnvelope(later));
    await fake.waitFor('chat.postMessage', (c) => c.args.channel === HELP && c.args.thread_ts === later.ts);
    const answeredThreads = fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === HELP)
      .map((c) => c.args.thread_ts);
    expect(answeredThreads).toEqual([question.ts, later.ts]);
  });

  it('answers a mention there once, and a question elsewhere only when mentioned', async () => {
    const { fake, harness } = await started();
    const send = signedSender(`${harness.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    const ts = '1764000100.000100';
    await send.event(eventEnvelope(mentionEvent('国防知识产权有哪些措施？', { channel: HELP, ts })));
    await send.event(eventEnvelope({ ...inChannel(HELP, `<@U0BOT> 国防知识产权有哪些措施？`), ts, event_ts: ts }));
    await fake.waitFor('chat.postMessage', (c) => c.args.channel === HELP && c.args.thread_ts === ts);

    const elsewhere = inChannel(OTHER, '商标审查周期要控制在多久？');
    await send.event(eventEnvelope(elsewhere));
    await harness.log.waitFor((l) => l.kind === 'channel_question' && l.outcome === 'not-a-help-channel');
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === OTHER)).toHaveLength(0);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === HELP)).toHaveLength(1);
  });

  it('is turned on and off by a coordinator with /plan 设置 频道自动回答, kept in the state store', async () => {
    const { fake, harness } = await started();
    const send = signedSender(`${harness.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    const setting = async (value: string, user: string, channel = OTHER) =>
      (await send.command(slashCommand({ command: '/plan', text: `设置 频道自动回答 ${value}`, user_id: user, channel_id: channel }))).body;

    expect(await setting('开', FAKE_USER_ID)).toContain('只有协调办人员可以这样做');
    expect(await setting('开', COORDINATOR)).toContain('已开启');
    const asked = inChannel(OTHER, '知识产权质押融资怎么推进？');
    await send.event(eventEnvelope(asked));
    await fake.waitFor('chat.postMessage', (c) => c.args.channel === OTHER && c.args.thread_ts === asked.ts);
    expect(await harness.store.helpDesk.answerChannels.get(OTHER)).toMatchObject({ enabled: true, setBy: COORDINATOR });

    expect(await setting('关', COORDINATOR)).toContain('已关闭');
    expect(await setting('关', COORDINATOR, HELP)).toContain('中设为自动回答，这里关不掉');
    await send.event(eventEnvelope(inChannel(OTHER, '剑网行动今年还搞吗？')));
    await harness.log.waitFor((l) => l.kind === 'channel_question' && l.outcome === 'not-a-help-channel');
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === OTHER)).toHaveLength(1);
  });
});
