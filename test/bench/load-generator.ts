/**
 * An open-loop load generator, run as its own process so its timing is not disturbed by the app
 * or by the fake Slack. Requests leave at evenly spaced instants (`rate` a second for `seconds`),
 * whether or not earlier ones were answered, as Slack's traffic does; each is signed afresh at
 * the moment it leaves. One third `/measure 42`, one third `/plan` with a question, one third DM
 * events (`message.im`). Slack gives up on an acknowledgement after three seconds, so does this.
 *
 * Prints one JSON line: every request with its kind, id, send time (epoch ms), HTTP status (0 for
 * a timeout or a connection error), acknowledgement latency and, for commands, whether the
 * acknowledgement carried the answer or the busy notice.
 *
 *   node --import tsx/loader test/bench/load-generator.ts <appUrl> <rate> <seconds> <signingSecret>
 */
import { Agent, request } from 'node:http';
import { commandBody, signSlackRequest } from '../support/signed-request.js';
import { eventEnvelope, messageEvent, slashCommand } from '../support/slack-payloads.js';

export type LoadKind = '/measure' | '/plan' | 'message.im';

export interface SentRequest {
  kind: LoadKind;
  /** The command's trigger_id, or the DM's ts (the answer's thread_ts). */
  id: string;
  sentAt: number;
  status: number;
  ackMs: number;
  /** Commands: the acknowledgement carried an answer / the busy notice. */
  answered: boolean;
  busy: boolean;
  /** What came back when it was neither an answer nor a refusal (the start of the body, or why nothing came). */
  note?: string;
}

/** Slack waits this long for an acknowledgement. */
const ACK_TIMEOUT_MS = 3000;
const QUESTIONS = ['商标审查周期要控制在多久？', '国防知识产权有哪些措施？', '知识产权质押融资', '剑网行动', '专利导航试点工程', '植物新品种保护'];
const BUSY_MARK = '正忙';

const epochNow = () => performance.timeOrigin + performance.now();
/** This run's mark in every id, so two runs against one app never share an event or trigger id. */
const RUN = process.pid;

function build(seq: number): { kind: LoadKind; id: string; body: string; contentType: string } {
  const question = QUESTIONS[seq % QUESTIONS.length] ?? QUESTIONS[0] ?? '';
  switch (seq % 3) {
    case 0: {
      const id = `t${RUN}-${seq}`;
      return {
        kind: '/measure',
        id,
        body: commandBody(slashCommand({ command: '/measure', text: '42', trigger_id: id })),
        contentType: 'application/x-www-form-urlencoded',
      };
    }
    case 1: {
      const id = `t${RUN}-${seq}`;
      return {
        kind: '/plan',
        id,
        body: commandBody(slashCommand({ command: '/plan', text: question, trigger_id: id })),
        contentType: 'application/x-www-form-urlencoded',
      };
    }
    default: {
      const ts = `${Math.floor(Date.now() / 1000)}.${String(seq).padStart(6, '0')}`;
      return {
        kind: 'message.im',
        id: ts,
        body: JSON.stringify(eventEnvelope(messageEvent(question, { ts }), `EvLOAD${RUN}x${String(seq).padStart(8, '0')}`)),
        contentType: 'application/json',
      };
    }
  }
}

export async function generateLoad(appUrl: string, rate: number, seconds: number, secret: string): Promise<SentRequest[]> {
  const url = new URL(appUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(rate * seconds);
  const intervalMs = 1000 / rate;
  const results: SentRequest[] = [];
  const pending: Array<Promise<void>> = [];
  const start = performance.now();

  function send(seq: number): Promise<void> {
    const { kind, id, body, contentType } = build(seq);
    const sentAt = epochNow();
    const started = performance.now();
    return new Promise<void>((resolve) => {
      let settled = false;
      const finish = (status: number, text: string, why?: string) => {
        if (settled) return;
        settled = true;
        const answered = status === 200 && kind !== 'message.im' && text.length > 0 && !text.includes(BUSY_MARK);
        const busy = text.includes(BUSY_MARK);
        const plain = kind === 'message.im' ? status === 200 || status === 503 : answered || busy;
        results.push({ kind, id, sentAt, status, ackMs: performance.now() - started, answered, busy, ...(plain ? {} : { note: why ?? text.slice(0, 120) }) });
        resolve();
      };
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/slack/events',
          method: 'POST',
          agent,
          timeout: ACK_TIMEOUT_MS,
          headers: { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...signSlackRequest(body, secret) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
          res.on('error', (error) => finish(0, '', `response error: ${error.message}`));
        },
      );
      req.on('timeout', () => {
        req.destroy();
        finish(0, '', 'no acknowledgement within 3 s');
      });
      req.on('error', (error) => finish(0, '', `request error: ${error.message}`));
      req.end(body);
    });
  }

  // Each pass sends every request that is due, then yields until the next one is: a late pass
  // sends the overdue ones at once (open loop), never fewer.
  let seq = 0;
  while (seq < total) {
    const now = performance.now();
    while (seq < total && start + seq * intervalMs <= now) pending.push(send(seq++));
    const wait = start + seq * intervalMs - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  }
  await Promise.all(pending);
  agent.destroy();
  return results;
}

if (process.argv[1]?.endsWith('load-generator.ts')) {
  const [appUrl, rate, seconds, secret] = process.argv.slice(2);
  if (!appUrl || !rate || !seconds || !secret) throw new Error('usage: load-generator <appUrl> <rate> <seconds> <signingSecret>');
  const sent = await generateLoad(appUrl, Number(rate), Number(seconds), secret);
  process.stdout.write(`${JSON.stringify(sent)}\n`);
}
