/**
 * The running service's hold on its SQLite state, as a process of its own that a test can
 * `kill -9`: it opens the state under the DATA_DIR given as its argument the way the service does
 * (`openStore`: the resilient store over SQLite) with the progress book over it, then answers one
 * JSON line on stdout for each command line on stdin:
 *
 *   update <measure> <note>   {"outcome":"updated","version":3} or {"error":"…"} (not saved)
 *   health                    the store's health, as /healthz reports it
 *
 * Its log lines go to stderr. Start it with {@link tsScriptArgs}.
 */
import { createInterface } from 'node:readline';
import pino from 'pino';
import { createProgressBook } from '../../src/core/progress/progress-book.js';
import { createLogger } from '../../src/logger.js';
import { openStore } from '../../src/store/open/open-store.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: state-writer-process.ts DATA_DIR');
const logger = createLogger({ level: 'info', destination: pino.destination({ dest: 2, sync: true }) });
const store = openStore({ dataDir }, logger);
await store.open();
const book = createProgressBook({ ledger: store.progress, measureCount: 79, timeZone: 'Asia/Shanghai', now: () => new Date() });
const answer = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const [command, measure, ...note] = line.trim().split(' ');
  if (command === 'health') {
    answer(store.health());
  } else if (command === 'update') {
    try {
      const outcome = await book.update({ measure: Number(measure), input: { note: note.join(' ') }, author: 'U0COORD' });
      answer(outcome.outcome === 'updated' ? { outcome: outcome.outcome, version: outcome.record.version } : { outcome: outcome.outcome });
    } catch (error) {
      answer({ error: error instanceof Error ? error.message : String(error) });
    }
  } else {
    answer({ error: `unknown command: ${line}` });
  }
}
