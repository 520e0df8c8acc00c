/**
 * `GET /metrics` (and `HEAD`): the service's metrics in Prometheus' text format, served wherever
 * /healthz is (the HTTP port in both modes). What is counted, and under which names, is in
 * docs/metrics.md; nothing in it names a person or repeats what they typed.
 */
import type { CustomRoute } from '@slack/bolt';
import type { MetricsExposition } from '../../app/process/metrics.js';

export const METRICS_PATH = '/metrics';

export function metricsRoute(exposition: MetricsExposition): CustomRoute {
  const handler: CustomRoute['handler'] = (req, res) => {
    exposition.render().then(
      (text) => {
        res.writeHead(200, { 'Content-Type': exposition.contentType, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      () => {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('metrics could not be collected\n');
      },
    );
  };
  return { path: METRICS_PATH, method: ['GET', 'HEAD'], handler };
}
