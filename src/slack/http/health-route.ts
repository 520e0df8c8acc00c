/**
 * Routes the HTTP receiver serves besides Slack's: `GET /healthz` says ready only once the app can
 * answer (the search index loaded and the listeners registered).
 */
import type { CustomRoute } from '@slack/bolt';

export const HEALTH_PATH = '/healthz';

export function healthRoute(isReady: () => boolean): CustomRoute {
  return {
    path: HEALTH_PATH,
    method: ['GET', 'HEAD'],
    handler: (_req, res) => {
      const ready = isReady();
      res.writeHead(ready ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ status: ready ? 'ready' : 'starting' }));
    },
  };
}
