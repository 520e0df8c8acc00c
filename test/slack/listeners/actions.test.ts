import { describe, expect, it } from 'vitest';
import { answerFeedback } from '../../../src/slack/listeners/actions/answer-feedback.js';
import { measureStep } from '../../../src/slack/listeners/actions/measure-navigation.js';
import { moreResults } from '../../../src/slack/listeners/actions/more-results.js';
import { shareToChannel } from '../../../src/slack/listeners/actions/share-to-channel.js';
import { FAKE_USER_ID } from '../../support/fake-slack-api.js';
import { listenerFakes, type Call } from '../../support/listener-fakes.js';

const responses = (calls: Call[]) => calls.flatMap((c) => (c.kind === 'respond' ? [c.message] : []));

describe('buttons', () => {
  it('发到频道 posts the answer for everyone, says who shared it, and removes the private copy', async () => {
    const slack = listenerFakes();
    await shareToChannel(
      { lookups: slack.app.lookups, desk: slack.app.progress },
      slack.work,
      slack.log.logger,
    )(slack.click('share_to_channel', JSON.stringify({ k: 'question', q: '商标审查周期要控制在多久？' })));
    const [shared, removed] = responses(slack.takeCalls());
    expect(shared?.response_type).toBe('in_channel');
    expect(JSON.stringify(shared)).toContain('9个月');
    expect(JSON.stringify(shared)).toContain(`<@${FAKE_USER_ID}> 分享`);
    expect(JSON.stringify(shared)).not.toContain('share_to_channel');
    expect(removed).toEqual({ delete_original: true });
  });

  it('下一条 replaces the card in place', async () => {
    const slack = listenerFakes();
    await measureStep(slack.app.progress, slack.work)(slack.click('measure_next', JSON.stringify({ n: 43 })));
    const [card] = responses(slack.takeCalls());
    expect(card?.replace_original).toBe(true);
    expect(JSON.stringify(card)).toContain('第 43 条');
  });

  it('更多结果 lists more than the answer showed', async () => {
    const slack = listenerFakes();
    await moreResults(slack.app.lookups, slack.work)(slack.click('more_results', JSON.stringify({ q: '国防知识产权' })));
    const [list] = responses(slack.takeCalls());
    expect(JSON.stringify(list)).toMatch(/“国防知识产权”的 \d+ 条结果/u);
  });

  it('records feedback with its question and measures, and thanks the clicker', async () => {
    const slack = listenerFakes(() => new Date('2026-11-25T03:00:00Z'));
    await answerFeedback(
      slack.app.feedback,
      slack.work,
      'buttons',
    )(slack.click('answer_feedback_not_helpful', JSON.stringify({ v: 'down', q: '自贸区怎么管', m: [33] })));
    expect(responses(slack.takeCalls())[0]?.text).toContain('谢谢反馈');
    await slack.idle();
    expect((await slack.store.activity.activityOn('2026-11-25')).feedback).toEqual({ helpful: 0, notHelpful: 1 });
  });

  it('ignores a button value that is not ours', async () => {
    const slack = listenerFakes();
    await measureStep(slack.app.progress, slack.work)(slack.click('measure_next', '{"n":"<!channel>"}'));
    expect(slack.takeCalls().map((c) => c.kind)).toEqual(['ack']);
    expect(slack.log.lines().some((l) => l.outcome === 'ignored-bad-value')).toBe(true);
  });
});
