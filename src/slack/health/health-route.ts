/**
 * `GET /healthz` (and `HEAD`): whether this replica should be sent work, for load balancers and
 * container health checks.
 *
 * - 503 `starting` / `stopping`: not ready yet, or draining before a stop (connections are still
 *   accepted, so the probe is answered rather than refused).
 * - 503 `failing`: a dependency makes answering impossible now (Slack's Web API calls are stuck),
 *   or what it would save cannot reach disk (the SQLite state file or its WAL was deleted or
 *   replaced under the process: progress updates are refused until a restart).
 * - 200 `degraded`: answers still flow, but something needs attention (the state store is
 *   unreachable and writes wait in memory).
 * - 200 `ready`.
 *
 * The body names each check with its figures, so an operator sees why.
 */
import type { CustomRoute } from '@slack/bolt';

export const HEALTH_PATH = '/healthz';

export type Lifecycle = 'starting' | 'ready' | 'stopping';

export interface HealthCheck {
  name: string;
  state: 'ok' | 'degraded' | 'failing';
  details: Record<string, number | string | boolean>;
}

export interface HealthReport {
  httpStatus: 200 | 503;
  body: { status: Lifecycle | 'degraded' | 'failing'; checks: Record<string, HealthCheck['details'] & { state: HealthCheck['state'] }> };
}

export function healthReport(lifecycle: Lifecycle, checks: readonly HealthCheck[]): HealthReport {
  const named = Object.fromEntries(checks.map((c) => [c.name, { state: c.state, ...c.details }]));
  if (lifecycle !== 'ready') return { httpStatus: 503, body: { status: lifecycle, checks: named } };
  if (checks.some((c) => c.state === 'failing')) return { httpStatus: 503, body: { status: 'failing', checks: named } };
  if (checks.some((c) => c.state === 'degraded')) return { httpStatus: 200, body: { status: 'degraded', checks: named } };
  return { httpStatus: 200, body: { status: 'ready', checks: named } };
}

export function healthRoute(report: () => HealthReport): CustomRoute {
  const handler: CustomRoute['handler'] = (_req, res) => {
    const { httpStatus, body } = report();
    res.writeHead(httpStatus, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  return { path: HEALTH_PATH, method: ['GET', 'HEAD'], handler };
}
