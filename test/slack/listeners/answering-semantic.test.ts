/**
 * Slack's surfaces with the semantic search on, against the loopback embeddings server: the fused
 * ranking is used where a question is searched, lookups never ask the server, buttons and
 * follow-ups rank as the answer did, and a slow server costs one timeout a minute and one warning.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QUIET_PERIOD_MS } from '../../../src/embeddings/embeddings-outage.js';
import { createSemanticSearch, type SemanticSearch } from '../../../src/embeddings/semantic-search.js';
import { moreResults } from '../../../src/slack/listeners/actions/more-results.js';
import { shareToChannel } from '../../../src/slack/listeners/actions/share-to-channel.js';
import { planCommand } from '../../../src/slack/listeners/commands/plan-command.js';
import { directOrThreadMessage } from '../../../src/slack/listeners/events/message.js';
import { testAnswerContext } from '../../support/answer-context.js';
import { captureLogger } from '../../support/capture-logger.js';
import { startFakeEmbeddingsServer, type FakeEmbeddingsServer } from '../../support/fake-embeddings-server.js';
import { listenerFakes, type Call, type ListenerFakes } from '../../support/listener-fakes.js';

const { plan } = testAnswerContext();
const measureText = (n: number) => plan.measures.find((m) => m.number === n)?.displayText ?? '';
const posts = (calls: Call[]) => calls.flatMap((c) => (c.kind === 'post' ? [c.args] : []));
const acks = (calls: Call[]) => calls.flatMap((c) => (c.kind === 'ack' ? [c.response] : []));
const responses = (calls: Call[]) => calls.flatMap((c) => (c.kind === 'respond' ? [c.message] : []));

/** The plan's words find nothing here; the fake model puts measure 50 nearest. */
const UNWORDED = '这东西对老百姓有啥用';
const LOW_CONFIDENCE = '以下是最接近的原文，请核对。';

describe('answering with the semantic search', () => {
  let server: FakeEmbeddingsServer;
  let dataDir: string;
  let semantic: SemanticSearch;
  let slack: ListenerFakes;
  let clock = 0;
  const semanticLog = captureLogger();

  beforeAll(async () => {
    server = await startFakeEmbeddingsServer();
    dataDir = mkdtempSync(join(tmpdir(), 'ipplan-semantic-'));
    semantic = createSemanticSearch({
      config: { url: server.url, model: 'bge-m3' },
      plan,
      dataDir,
      logger: semanticLog.logger,
      nowMs: () => clock,
      questionTimeoutMs: 100,
    });
    await semantic.start();
  });
  beforeEach(() => {
    server.sameAs.set(UNWORDED, measureText(50));
    slack = listenerFakes(() => new Date(), { semantic });
  });
  afterEach(() => {
    server.mode = 'ok';
  });
  afterAll(async () => {
    semantic.stop();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const callsWith = (text: string) => server.requests.filter((r) => r.input.includes(text)).length;

  it("answers a DM the plan's words miss with the model's nearest measure, as the nearest text to check", async () => {
    const lexical = listenerFakes();
    await directOrThreadMessage(lexical.app, lexical.work, lexical.firstDelivery, lexical.log.logger)(lexical.message(UNWORDED, { ts: '1764000001.000100' }));
    expect(String(posts(lexical.takeCalls())[0]?.text)).toContain('没有找到');

    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message(UNWORDED, { ts: '1764000001.000200' }));
    const [post] = posts(slack.takeCalls());
    expect(String(post?.text)).toContain('第 50 条');
    expect(JSON.stringify(post?.blocks)).toContain(LOW_CONFIDENCE);
    expect(slack.log.lines().find((l) => l.kind === 'message.im')).toMatchObject({
      outcome: 'answered',
      confidence: 'low',
      measures: expect.arrayContaining([50]),
    });
  });

  it('keeps the exact match first for /plan, whatever the model prefers', async () => {
    const question = '商标审查周期要控制在多久？';
    server.sameAs.set(question, measureText(50));
    await planCommand(slack.app.planRequests, slack.work)(slack.command('/plan', question));
    const [reply] = acks(slack.takeCalls());
    expect(JSON.stringify(reply)).toContain('第 3 条');
    expect(JSON.stringify(reply)).toContain('9个月');
    expect(JSON.stringify(reply)).not.toContain(LOW_CONFIDENCE);
    expect(callsWith(question)).toBe(1);
  });

  it('never asks the server about a lookup by number', async () => {
    await planCommand(slack.app.planRequests, slack.work)(slack.command('/plan', '第42条'));
    expect(JSON.stringify(acks(slack.takeCalls())[0])).toContain('第 42 条');
    expect(callsWith('第42条')).toBe(0);
  });

  it('ranks 更多结果, 发到频道 and 还有吗 as the answer did, without asking the server again', async () => {
    await planCommand(slack.app.planRequests, slack.work)(slack.command('/plan', UNWORDED));
    const asked = callsWith(UNWORDED);
    expect(asked).toBeLessThanOrEqual(1);

    await moreResults(slack.app.lookups, slack.work)(slack.click('more_results', JSON.stringify({ q: UNWORDED })));
    await shareToChannel(
      { lookups: slack.app.lookups, desk: slack.app.progress },
      slack.work,
      slack.log.logger,
    )(slack.click('share_to_channel', JSON.stringify({ k: 'question', q: UNWORDED })));
    const [more, shared] = responses(slack.takeCalls());
    expect(JSON.stringify(more)).toContain('第 50 条');
    expect(JSON.stringify(shared)).toContain('第 50 条');

    const ts = '1764000001.000300';
    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message(UNWORDED, { ts }));
    await directOrThreadMessage(
      slack.app,
      slack.work,
      slack.firstDelivery,
      slack.log.logger,
    )(slack.message('还有吗', { ts: '1764000001.000301', threadTs: ts }));
    const [, followUp] = posts(slack.takeCalls());
    // Everything was shown already: it says so and shows the same ranking again.
    expect(String(followUp?.text)).toContain('已经都列出来了');
    expect(String(followUp?.text)).toContain('第 50 条');
    expect(callsWith(UNWORDED)).toBe(asked);
    expect(callsWith('还有吗')).toBe(0);
  });

  it("answers by the plan's words when the server is slow, warns once, and asks it nothing more for a minute", async () => {
    server.mode = 'hang';
    const slow = '专利质押融资怎么办理';
    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message(slow, { ts: '1764000001.000400' }));
    const lexical = listenerFakes();
    await directOrThreadMessage(lexical.app, lexical.work, lexical.firstDelivery, lexical.log.logger)(lexical.message(slow, { ts: '1764000001.000400' }));
    expect(posts(slack.takeCalls())[0]?.blocks).toEqual(posts(lexical.takeCalls())[0]?.blocks);
    expect(callsWith(slow)).toBe(1);

    const later = '知识产权质押融资试点';
    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message(later, { ts: '1764000001.000500' }));
    expect(posts(slack.takeCalls())).toHaveLength(1);
    expect(callsWith(later)).toBe(0);
    const warnings = semanticLog.lines().filter((l) => l.msg === "embeddings server failing: answering by the plan's words alone, trying it again in a minute");
    expect(warnings).toHaveLength(1);

    server.mode = 'ok';
    clock += QUIET_PERIOD_MS;
    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message(UNWORDED, { ts: '1764000001.000600' }));
    expect(String(posts(slack.takeCalls())[0]?.text)).toContain('第 50 条');
  });
});
