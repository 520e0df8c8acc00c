/**
 * The walk of a request through the code: for a DM question, a `/progress` update and a digest,
 * how many source files (and folders) take part, measured two ways:
 *
 * - executed: V8's precise coverage over the real service on loopback (HTTP mode, the fake Slack),
 *   counting the files under src/ with any function called while the one request was handled;
 * - static: the files under src/ the request's entry module imports, transitively (with and
 *   without `import type`).
 *
 *   npx tsx test/bench/request-walk.ts [--json]
 *
 * It is a map for readers of the code, not a benchmark: the figures do not depend on the machine.
 */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { signedSender } from '../support/signed-request.js';
import { eventEnvelope, messageEvent, slashCommand } from '../support/slack-payloads.js';
import { startAppHarness, TEST_SIGNING_SECRET, type AppHarness } from '../support/slack-app-harness.js';

const SRC = join(PROJECT_ROOT, 'src');
const COORDINATOR = 'U0COORD';

interface Walk {
  request: string;
  entry: string;
  executed: string[];
  staticAll: string[];
  staticValues: string[];
}

/** The files `entry` imports, transitively (`types`: follow `import type` too). */
function importClosure(entry: string, types: boolean): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(import|export)(\s+type)?[^'";]*?from\s+'(\.[^']+)'/gu)) {
      if (m[2] && !types) continue;
      visit(resolve(dirname(file), (m[3] ?? '').replace(/\.js$/u, '.ts')));
    }
  };
  visit(join(SRC, entry));
  return [...seen].map((f) => relative(SRC, f)).sort();
}

async function executedDuring(session: Session, action: () => Promise<void>): Promise<string[]> {
  await session.post('Profiler.takePreciseCoverage'); // resets the counts
  await action();
  const { result } = await session.post('Profiler.takePreciseCoverage');
  const files = new Set<string>();
  for (const script of result) {
    if (!script.url.startsWith('file://')) continue;
    const path = fileURLToPath(script.url);
    if (!path.startsWith(SRC)) continue;
    if (script.functions.some((f) => f.ranges.some((r) => r.count > 0))) files.add(relative(SRC, path));
  }
  return [...files].sort();
}

const folders = (files: readonly string[]): number => new Set(files.map((f) => dirname(f))).size;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });

  const api: FakeSlackApi = await startFakeSlackApi();
  // The digest is measured on a day after the warm-up's, so it is posted, not found posted.
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  const app: AppHarness = await startAppHarness('http', api, {
    now,
    coordinators: { users: [COORDINATOR], groups: [] },
    digest: { channel: 'C0DIGEST', days: 'daily' },
  });
  const send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
  const posts = () => api.callsTo('chat.postMessage').length;
  const ask = async (text: string) => {
    const before = posts();
    await send.event(eventEnvelope(messageEvent(text)));
    await api.waitFor('chat.postMessage', () => posts() > before);
  };
  try {
    // Warm every path once, so the measured request runs what a request runs, not start-up.
    await ask('商标审查周期要控制在多久？');
    await send.command(slashCommand({ command: '/progress', text: '42 推进中 联调', user_id: COORDINATOR }));
    await app.digest?.tick();

    const walks: Walk[] = [];
    const dm = await executedDuring(session, () => ask('专利质押融资有什么措施？'));
    walks.push({ request: 'DM question', entry: 'slack/listeners/events/message.ts', executed: dm, staticAll: [], staticValues: [] });
    const progress = await executedDuring(session, async () => {
      await send.command(slashCommand({ command: '/progress', text: '42 推进中 本周完成海关系统联调', user_id: COORDINATOR }));
    });
    walks.push({ request: '/progress update', entry: 'slack/listeners/commands/progress-command.ts', executed: progress, staticAll: [], staticValues: [] });
    offsetMs = 24 * 60 * 60 * 1000;
    const digest = await executedDuring(session, async () => {
      await app.digest?.tick();
    });
    walks.push({ request: 'digest', entry: 'app/digest/digest-scheduler.ts', executed: digest, staticAll: [], staticValues: [] });
    for (const walk of walks) {
      walk.staticAll = importClosure(walk.entry, true);
      walk.staticValues = importClosure(walk.entry, false);
    }
    if (values.json) {
      process.stdout.write(`${JSON.stringify(walks, null, 2)}\n`);
    } else {
      for (const w of walks) {
        process.stdout.write(
          `${w.request.padEnd(18)} executed ${String(w.executed.length).padStart(3)} files in ${String(folders(w.executed)).padStart(2)} folders; ` +
            `imports ${String(w.staticAll.length).padStart(3)} files (${w.staticValues.length} without type-only) from ${w.entry}\n`,
        );
      }
    }
  } finally {
    await app.stop();
    await api.close();
    session.disconnect();
  }
}

await main();
