/**
 * The load generator, run as its own process so its timing is not disturbed by the app or by the
 * fake Slack: autocannon sends correctly signed slash commands at a fixed overall rate, each with
 * a response_url on the fake Slack that names the request, and this process prints, as one JSON
 * line, autocannon's result and when each request was sent (epoch milliseconds).
 *
 *   node --import tsx test/bench/load-generator.ts <appUrl> <responseUrlBase> <rate> <seconds> <signingSecret>
 */
import autocannon from 'autocannon';
import { commandBody, signSlackRequest } from '../support/signed-request.js';
import { slashCommand } from '../support/slack-payloads.js';

const COMMANDS: ReadonlyArray<[string, string]> = [
  ['/measure', '42'],
  ['/plan', '商标审查周期要控制在多久？'],
  ['/measure', '剑网行动'],
  ['/plan', '国防知识产权有哪些措施？'],
  ['/measure', '15-17'],
  ['/plan', '知识产权质押融资'],
];
/**
 * autocannon paces each connection per second (a connection sends its quota back to back when the
 * second starts), so the connection count is the concurrency of each burst.
 */
const CONNECTIONS = 10;
const TIMEOUT_S = 10;

const [appUrl, responseUrlBase, rate, seconds, secret] = process.argv.slice(2);
if (!appUrl || !responseUrlBase || !rate || !seconds || !secret) throw new Error('usage: load-generator <appUrl> <responseUrlBase> <rate> <seconds> <signingSecret>');

const epochNow = () => performance.timeOrigin + performance.now();
const sentAt: Record<string, number> = {};
let seq = 0;

const result = await autocannon({
  url: appUrl,
  connections: CONNECTIONS,
  overallRate: Number(rate),
  duration: Number(seconds),
  timeout: TIMEOUT_S,
  // Record each request's own latency: autocannon's correction for coordinated omission assumes
  // evenly spaced requests (1 ms apart at this rate) and would invent samples for the bursts.
  ignoreCoordinatedOmission: true,
  requests: [
    {
      method: 'POST',
      path: '/slack/events',
      setupRequest: (request) => {
        const id = `r${++seq}`;
        const [command, text] = COMMANDS[seq % COMMANDS.length] as [string, string];
        const body = commandBody(slashCommand({ command, text, response_url: `${responseUrlBase}${id}`, trigger_id: id }));
        sentAt[id] = epochNow();
        return { ...request, body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(body, secret) } };
      },
    },
  ],
});

process.stdout.write(`${JSON.stringify({ result, sentAt })}\n`);
