import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/core/paths.js';
import { createPrometheusMetrics } from '../../../src/service/metrics/prometheus-metrics.js';

/** The service's metrics as docs/metrics.md's table lists them: name → type. */
function documented(): Map<string, string> {
  const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'metrics.md'), 'utf8');
  return new Map([...doc.matchAll(/^\| `(ipplan_[a-z_]+)` \| (counter|gauge|histogram) \|/gmu)].map((m) => [m[1]!, m[2]!]));
}

/** A scrape's readings, as the store and the work queue report them. */
function scrapeOf(readings: { up?: () => boolean; writes?: () => number; waiting?: () => number } = {}) {
  const { up = () => true, writes = () => 0, waiting = () => 0 } = readings;
  return {
    store: {
      health: () => ({ state: up() ? ('ok' as const) : ('degraded' as const), details: { pendingWrites: writes(), droppedWrites: 0, failing: false } }),
      pendingWrites: writes,
    },
    work: () => ({ waiting: waiting(), running: 1 }),
  };
}

describe('Prometheus metrics', () => {
  it('renders every name docs/metrics.md documents, with its help text and type, documents every one it renders, and the process defaults', async () => {
    const metrics = createPrometheusMetrics(scrapeOf());
    const text = await metrics.render();
    const names = documented();
    expect(names.size).toBeGreaterThanOrEqual(11);
    expect([...text.matchAll(/^# TYPE (ipplan_\w+) /gmu)].map((m) => m[1]).sort()).toEqual([...names.keys()].sort());
    for (const [name, type] of names) {
      expect(text).toMatch(new RegExp(`^# HELP ${name} \\S`, 'm'));
      expect(text).toContain(`# TYPE ${name} ${type}`);
    }
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(metrics.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('counts requests, Slack calls and their errors, digest posts, refusals and embeddings calls under their labels', async () => {
    const metrics = createPrometheusMetrics(scrapeOf());
    metrics.requestFinished('command', 'answered', 0.003);
    metrics.requestFinished('command', 'answered', 0.004);
    metrics.requestFinished('message', 'error', 1.2);
    metrics.slackCall('chat.postMessage', 'ok');
    metrics.digestPosted('posted');
    metrics.admissionRefused('overloaded');
    metrics.answerConfidence('low');
    metrics.slackCall('chat.postMessage', 'error', 'channel_not_found');
    metrics.slackCall('views.open', 'http_error', 'http_429');
    metrics.embeddingsCall('question', 'timeout');
    metrics.embeddingsCall('documents', 'ok');
    const text = await metrics.render();
    expect(text).toContain('ipplan_slack_api_calls_total{method="chat.postMessage",result="error"} 1');
    expect(text).toContain('ipplan_slack_api_errors_total{method="chat.postMessage",error="channel_not_found"} 1');
    expect(text).toContain('ipplan_slack_api_errors_total{method="views.open",error="http_429"} 1');
    expect(text).toContain('ipplan_embeddings_calls_total{purpose="question",result="timeout"} 1');
    expect(text).toContain('ipplan_embeddings_calls_total{purpose="documents",result="ok"} 1');
    expect(text).toContain('ipplan_requests_total{surface="command",outcome="answered"} 2');
    expect(text).toContain('ipplan_requests_total{surface="message",outcome="error"} 1');
    expect(text).toContain('ipplan_request_duration_seconds_count{surface="command"} 2');
    expect(text).toContain('ipplan_request_duration_seconds_bucket{le="0.005",surface="command"} 2');
    expect(text).toContain('ipplan_slack_api_calls_total{method="chat.postMessage",result="ok"} 1');
    expect(text).toContain('ipplan_digest_posts_total{result="posted"} 1');
    expect(text).toContain('ipplan_admission_refused_total{reason="overloaded"} 1');
    expect(text).toContain('ipplan_answer_confidence_total{confidence="low"} 1');
  });

  it('counts anything that is not a code as `other`, so no typed text becomes a label', async () => {
    const metrics = createPrometheusMetrics(scrapeOf());
    metrics.requestFinished('message', '商标审查周期要控制在多久？', 0.01);
    metrics.slackCall('https://hooks.slack.com/x?y', 'ok');
    const text = await metrics.render();
    expect(text).toContain('ipplan_requests_total{surface="message",outcome="other"} 1');
    expect(text).toContain('ipplan_slack_api_calls_total{method="other",result="ok"} 1');
    expect(text).not.toContain('商标');
  });

  it('reads the store health, its writes held in memory and the work queue at each scrape', async () => {
    let up = true;
    let writes = 0;
    let waiting = 0;
    const metrics = createPrometheusMetrics(scrapeOf({ up: () => up, writes: () => writes, waiting: () => waiting }));
    const first = await metrics.render();
    expect(first).toContain('ipplan_store_up 1');
    expect(first).toContain('ipplan_store_writes_waiting 0');
    expect(first).toContain('ipplan_work_requests{state="waiting"} 0');
    (up = false), (writes = 7), (waiting = 3);
    const second = await metrics.render();
    expect(second).toContain('ipplan_store_up 0');
    expect(second).toContain('ipplan_store_writes_waiting 7');
    expect(second).toContain('ipplan_work_requests{state="waiting"} 3');
    expect(second).toContain('ipplan_work_requests{state="running"} 1');
  });

  it('keeps one registry per service, so two count apart', async () => {
    const first = createPrometheusMetrics(scrapeOf());
    const second = createPrometheusMetrics(scrapeOf());
    first.requestFinished('view', 'saved', 0.01);
    expect(await first.render()).toContain('ipplan_requests_total{surface="view",outcome="saved"} 1');
    expect(await second.render()).not.toContain('surface="view"');
  });
});
