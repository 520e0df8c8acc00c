import { describe, expect, it } from 'vitest';
import { createPrometheusMetrics } from '../../../src/service/metrics/prometheus-metrics.js';

/** The names docs/metrics.md documents, with their types. */
const DOCUMENTED = {
  ipplan_requests_total: 'counter',
  ipplan_request_duration_seconds: 'histogram',
  ipplan_slack_api_calls_total: 'counter',
  ipplan_digest_posts_total: 'counter',
  ipplan_admission_refused_total: 'counter',
  ipplan_answer_confidence_total: 'counter',
  ipplan_store_up: 'gauge',
} as const;

describe('Prometheus metrics', () => {
  it('renders every documented name with its help text and type, and the process defaults', async () => {
    const metrics = createPrometheusMetrics({ storeUp: () => true });
    const text = await metrics.render();
    for (const [name, type] of Object.entries(DOCUMENTED)) {
      expect(text).toMatch(new RegExp(`^# HELP ${name} \\S`, 'm'));
      expect(text).toContain(`# TYPE ${name} ${type}`);
    }
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(metrics.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('counts requests, Slack calls, digest posts and refusals under their labels', async () => {
    const metrics = createPrometheusMetrics({ storeUp: () => true });
    metrics.requestFinished('command', 'answered', 0.003);
    metrics.requestFinished('command', 'answered', 0.004);
    metrics.requestFinished('message', 'error', 1.2);
    metrics.slackCall('chat.postMessage', 'ok');
    metrics.digestPosted('posted');
    metrics.admissionRefused('overloaded');
    metrics.answerConfidence('low');
    const text = await metrics.render();
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
    const metrics = createPrometheusMetrics({ storeUp: () => true });
    metrics.requestFinished('message', '商标审查周期要控制在多久？', 0.01);
    metrics.slackCall('https://hooks.slack.com/x?y', 'ok');
    const text = await metrics.render();
    expect(text).toContain('ipplan_requests_total{surface="message",outcome="other"} 1');
    expect(text).toContain('ipplan_slack_api_calls_total{method="other",result="ok"} 1');
    expect(text).not.toContain('商标');
  });

  it('reads the store health at each scrape', async () => {
    let up = true;
    const metrics = createPrometheusMetrics({ storeUp: () => up });
    expect(await metrics.render()).toContain('ipplan_store_up 1');
    up = false;
    expect(await metrics.render()).toContain('ipplan_store_up 0');
  });

  it('keeps one registry per service, so two count apart', async () => {
    const first = createPrometheusMetrics({ storeUp: () => true });
    const second = createPrometheusMetrics({ storeUp: () => true });
    first.requestFinished('view', 'saved', 0.01);
    expect(await first.render()).toContain('ipplan_requests_total{surface="view",outcome="saved"} 1');
    expect(await second.render()).not.toContain('surface="view"');
  });
});
