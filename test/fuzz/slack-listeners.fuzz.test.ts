/**
 * Fuzzing the Slack listeners as Bolt calls them: `/measure`, `/area`, `/plan`, an @mention and a
 * DM or thread reply, each with fuzzed text. For every input: the listener never throws; a command
 * is acknowledged exactly once, before anything else, and answered exactly once; every message
 * sent (respond or chat.postMessage) passes `slackMessageProblems` (Slack's limits, nothing
 * unescaped); and nothing is logged at error level unless the fake Slack was scripted to fail.
 */
import { describe, expect, it } from 'vitest';
import { areaCommand } from '../../src/slack/listeners/commands/area-command.js';
import { measureCommand } from '../../src/slack/listeners/commands/measure-command.js';
import { planCommand } from '../../src/slack/listeners/commands/plan-command.js';
import { progressCommand } from '../../src/slack/listeners/commands/progress-command.js';
import { appMention } from '../../src/slack/listeners/events/app-mention.js';
import { directOrThreadMessage } from '../../src/slack/listeners/events/message.js';
import { BLOCK_ERRORS, userFacingError } from '../../src/slack/delivery/slack-errors.js';
import { FAKE_USER_ID } from '../support/fake-slack-api.js';
import { COORDINATOR_GROUP_ID, COORDINATOR_ID, listenerFakes, type Call, type ListenerFakes, type PostScript } from '../support/listener-fakes.js';
import { slackMessageProblems } from '../support/slack-message-check.js';
import { type Rng, fuzzText } from './fuzz-inputs.js';
import { type CaseVerdict, fuzzAsync } from './fuzz-run.js';

/** Questions are asked "yesterday", so `/plan digest` today quotes every unanswered one. */
function fuzzSlack(): ListenerFakes & { advanceADay(): void } {
  let now = new Date('2026-11-24T04:00:00Z');
  const fakes = listenerFakes(() => now);
  return { ...fakes, advanceADay: () => void (now = new Date('2026-11-25T04:00:00Z')) };
}

/** Words the commands treat specially, mixed into the fuzz with odd case and spacing. */
const COMMAND_WORDS = ['help', 'HELP', ' Help ', '帮助', '说明', '用法', '?', '？', 'digest', 'DIGEST', '简报', '今日简报', '', ' ', '\u3000'];

/** Fuzzed text as Slack delivers it. */
function slackText(rng: Rng): string {
  return rng.chance(0.08) ? rng.pick(COMMAND_WORDS) : fuzzText(rng);
}

/** `{ text, blocks }` of a respond or chat.postMessage argument, for the checker. */
function messageProblems(where: string, message: Record<string, unknown>, ownMentions: readonly string[] = []): string[] {
  const text = typeof message.text === 'string' ? message.text : undefined;
  const blocks = Array.isArray(message.blocks) ? (message.blocks as unknown[]) : [];
  return slackMessageProblems({ ...(text === undefined ? {} : { text }), blocks }, { allowMentionOf: ownMentions }).map((p) => `${where}: ${p}`);
}

function errorProblems(errors: readonly string[]): string[] {
  return errors.map((e) => `logged an error: ${e}`);
}

describe('slash commands under fuzz', () => {
  const slack = fuzzSlack();
  const listeners = {
    '/measure': measureCommand(slack.app.lookups, slack.work),
    '/area': areaCommand(slack.app.lookups, slack.work),
    '/plan': planCommand(slack.app.planRequests, slack.work),
    '/progress': progressCommand(slack.app.progress, slack.work),
  } as const;

  /** The messages a command's acknowledgements carry (its answer goes there). */
  function acknowledged(calls: readonly Call[]): Array<Record<string, unknown>> {
    return calls.flatMap((c) => (c.kind === 'ack' && typeof c.response === 'object' && c.response !== null ? [{ ...c.response }] : []));
  }

  async function runCommand(command: keyof typeof listeners, text: string, user?: string): Promise<{ calls: Call[]; problems: string[] }> {
    const args = slack.command(command, text);
    if (user) Object.assign(args.command, { user_id: user });
    await listeners[command](args);
    const calls = slack.takeCalls();
    const problems: string[] = [];
    if (calls.length !== 1 || calls[0]?.kind !== 'ack')
      problems.push(`calls ${calls.map((c) => c.kind).join(', ') || 'nothing'}: expected one acknowledgement carrying the answer`);
    for (const message of acknowledged(calls)) {
      if (message.response_type !== 'ephemeral') problems.push(`response_type ${String(message.response_type)}`);
      problems.push(...messageProblems('ack', message, [COORDINATOR_ID, COORDINATOR_GROUP_ID]));
    }
    problems.push(...errorProblems(slack.takeErrors()));
    return { calls, problems };
  }

  for (const [command, count] of [
    ['/measure', 350],
    ['/area', 300],
    ['/plan', 350],
    ['/progress', 200],
  ] as const) {
    /** Any text: acknowledged first and once, one ephemeral answer within Slack's limits, no error logged. */
    it(`${command} answers any text`, async () => {
      await fuzzAsync(`slack ${command}`, count, slackText, async (text): Promise<CaseVerdict> => (await runCommand(command, text)).problems);
    });
  }

  /** A coordinator's updates with fuzzed words and notes: stored or refused with a reason, always answered within limits. */
  it('/progress from a coordinator answers any update', async () => {
    const words = ['推进中', '受阻', '已完成', '未启动', '牵头', '参与', '截止', '进展', '历史', '完成', ''];
    await fuzzAsync(
      'slack /progress coordinator',
      150,
      (rng) => `${rng.int(0, 80)} ${rng.pick(words)} ${slackText(rng)}`,
      async (text): Promise<CaseVerdict> => (await runCommand('/progress', text, COORDINATOR_ID)).problems,
    );
  });

  /** `/plan digest` after all those questions quotes the unanswered ones, escaped and within limits. */
  it('/plan digest quotes the fuzzed questions asked before it', async () => {
    await slack.idle();
    slack.advanceADay();
    const { calls, problems } = await runCommand('/plan', 'digest');
    expect(problems).toEqual([]);
    expect(JSON.stringify(acknowledged(calls))).toContain('计划中没有找到答案的问题');
  });

  /** Amid the fuzz, numbers still mean measures and areas. */
  it('/measure ４２ and /measure 四十二 show measure 42; /area 三 shows area 3', async () => {
    for (const text of ['４２', '四十二', '第四十二条', ' 42 ']) {
      const { calls, problems } = await runCommand('/measure', text);
      expect(problems, text).toEqual([]);
      const blocks = (acknowledged(calls)[0]?.blocks ?? []) as Array<{ text?: { text?: string } }>;
      expect(blocks[0]?.text?.text, text).toBe('第 42 条');
    }
    const { calls } = await runCommand('/area', '三');
    expect(JSON.stringify(calls)).toContain('三、');
  });
});

/** The bot's own mention, as Slack writes it, in the forms people produce. */
const BOT_MENTIONS = ['<@U0BOT>', '<@U0BOT|assistant>'];
const MENTIONS_BOT = /<@U0BOT(?:\|[^>]*)?>/u;

describe('conversations under fuzz', () => {
  const slack = fuzzSlack();
  const mention = appMention(slack.app.conversation, slack.work, slack.firstDelivery, slack.log.logger);
  const message = directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger);
  let ts = 1000;
  const nextTs = () => `${++ts}.000100`;

  function postProblems(calls: readonly Call[], channel: string, threadTs: string): string[] {
    const posts = calls.flatMap((c) => (c.kind === 'post' ? [c.args] : []));
    const problems: string[] = [];
    if (posts.length !== 1) problems.push(`posted ${posts.length} times`);
    for (const args of posts) {
      if (args.channel !== channel) problems.push(`posted to ${String(args.channel)}, not ${channel}`);
      if (args.thread_ts !== threadTs) problems.push(`posted in thread ${String(args.thread_ts)}, not ${threadTs}`);
      problems.push(...messageProblems('chat.postMessage', args));
    }
    return problems;
  }

  /** `@bot <anything>` in a channel: one reply in the mention's thread, within limits and escaped; the thread is remembered. */
  it('answers any @mention in its thread', async () => {
    await fuzzAsync(
      'slack app_mention',
      300,
      (rng) => {
        const text = slackText(rng);
        const bot = rng.pick(BOT_MENTIONS);
        return { text: rng.chance(0.7) ? `${bot} ${text}` : `${text} ${bot}`, inThread: rng.chance(0.3) };
      },
      async ({ text, inThread }) => {
        const eventTs = nextTs();
        const threadTs = inThread ? `${ts - 500}.000001` : eventTs;
        await mention(slack.mention(text, { ts: eventTs, ...(inThread ? { threadTs } : {}), raw: true }));
        const calls = slack.takeCalls();
        const problems = [...postProblems(calls, 'C0CHAN', threadTs), ...errorProblems(slack.takeErrors())];
        if (!((await slack.threads.recall({ channel: 'C0CHAN', threadTs: threadTs, direct: false })) !== undefined))
          problems.push('thread not remembered for follow-ups');
        return problems;
      },
    );
  });

  /**
   * A DM, or a reply in a thread the bot answered in: one reply in that thread (a DM shows
   * 正在检索… first); a thread reply that @mentions the bot is left to app_mention (no reply here).
   */
  it('answers any DM or thread reply', async () => {
    const thread = '900.000001';
    await slack.threads.remember({ channel: 'C0CHAN', threadTs: thread, direct: false }, { measures: [16], focus: 16, shown: 1 });
    await fuzzAsync(
      'slack message',
      300,
      (rng) => ({ text: slackText(rng), im: rng.chance(0.6) }),
      async ({ text, im }) => {
        const messageTs = nextTs();
        await message(slack.message(text, im ? { ts: messageTs } : { ts: messageTs, channelType: 'channel', threadTs: thread }));
        const calls = slack.takeCalls();
        const problems = errorProblems(slack.takeErrors());
        if (!im && MENTIONS_BOT.test(text)) {
          if (calls.length > 0) problems.push('answered a thread reply that @mentions the bot (app_mention answers it)');
          return problems;
        }
        problems.push(...postProblems(calls, im ? 'D0DIRECT' : 'C0CHAN', im ? messageTs : thread));
        if (calls.some((c) => c.kind === 'status')) problems.push('a status call before an answer already computed');
        return problems;
      },
    );
  });

  /** Slack's refusal codes, as the client reports them. */
  const FAILURES: readonly PostScript[] = [
    { throw: 'invalid_blocks' },
    { throw: 'msg_blocks_too_long' },
    { throw: 'not_in_channel' },
    { throw: 'channel_not_found' },
    { throw: 'is_archived' },
    { throw: 'ratelimited' },
    'not_ok',
  ];

  /**
   * When Slack refuses the answer: refused blocks are resent as plain text in the same thread;
   * any other refusal tells the asker in a DM what to do. Never a throw, and every message sent
   * is within limits (errors are logged here, as they should be).
   */
  it('answers or explains when Slack refuses the post', async () => {
    await fuzzAsync(
      'slack refused post',
      200,
      (rng) => ({ text: slackText(rng), failure: rng.pick(FAILURES), retryFails: rng.chance(0.3), im: rng.chance(0.5) }),
      async ({ text, failure, retryFails, im }) => {
        const client = slack.client((i) => (i === 0 ? failure : retryFails ? { throw: 'ratelimited' } : 'ok'));
        const eventTs = nextTs();
        if (im) await message(slack.message(text, { ts: eventTs, client }));
        else await mention(slack.mention(text, { ts: eventTs, client }));
        const calls = slack.takeCalls();
        slack.takeErrors();
        const posts = calls.flatMap((c) => (c.kind === 'post' ? [c.args] : []));
        const problems = posts.flatMap((args, i) => messageProblems(`post ${i}`, args));
        const code = typeof failure === 'string' ? 'fatal_error' : failure.throw;
        const second = posts[1];
        if (BLOCK_ERRORS.has(code)) {
          if (!second || second.blocks !== undefined || second.channel !== posts[0]?.channel)
            problems.push('refused blocks not resent as plain text in the same place');
        } else if (second?.channel !== FAKE_USER_ID || second.text !== userFacingError(code)) {
          problems.push(`asker not told what to do after ${code}`);
        }
        return problems;
      },
      (c) => JSON.stringify({ ...c, text: c.text.slice(0, 200) }),
    );
  });
});

describe('bugs this suite found, pinned', () => {
  /** /plan and a DM with a question full of control characters were once acknowledged and never answered. */
  it('answers a question full of control characters or lone surrogates', async () => {
    const slack = listenerFakes();
    await planCommand(slack.app.planRequests, slack.work)(slack.command('/plan', `商标审查周期${'\u0001'.repeat(450)}`));
    expect(slack.takeCalls().map((c) => c.kind)).toEqual(['ack']);
    await directOrThreadMessage(
      slack.app,
      slack.work,
      slack.firstDelivery,
      slack.log.logger,
    )(slack.message(`商标审查周期${'\ud800'.repeat(400)}`, { ts: '1.000001' }));
    expect(slack.takeCalls().filter((c) => c.kind === 'post')).toHaveLength(1);
    expect(slack.takeErrors()).toEqual([]);
  });

  /**
   * Someone who types `<!channel>` (Slack sends `&lt;!channel&gt;`) once got a "nothing found"
   * answer whose fallback text quoted it unescaped; when Slack refused the blocks, that text was
   * posted on its own, and the bot pinged the whole channel.
   */
  it('never posts a live <!channel>, even as the plain-text fallback', async () => {
    const slack = listenerFakes();
    const client = slack.client((i) => (i === 0 ? { throw: 'invalid_blocks' } : 'ok'));
    await appMention(
      slack.app.conversation,
      slack.work,
      slack.firstDelivery,
      slack.log.logger,
    )(slack.mention('&lt;!channel&gt; 区块链', { ts: '2.000001', client }));
    const texts = slack.takeCalls().flatMap((c) => (c.kind === 'post' ? [String(c.args.text)] : []));
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text).not.toMatch(/<(?:[!@#]|https?:|mailto:)/u);
  });
});
