/**
 * Process-level figures: a fresh `node dist/cli.js ask …` from start to its printed answer, and
 * the resident memory of one process after it has answered a thousand questions.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { median, timeMsAsync } from './stats.js';

const CLI = join(PROJECT_ROOT, 'dist', 'cli.js');
const run = promisify(execFile);

export interface StartupFigures {
  firstAnswerMs: number;
  rssMbAfter1000: number;
}

export async function benchFirstAnswer(runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(await timeMsAsync(async () => void (await run(process.execPath, [CLI, 'ask', '商标审查周期要控制在多久？'], { cwd: PROJECT_ROOT }))));
  }
  return median(samples);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Feeds `count` questions to one `ask --batch` process and reads its RSS before it exits. */
export async function benchRss(questions: readonly string[], count: number): Promise<number> {
  const child = spawn(process.execPath, [CLI, 'ask', '--batch', '--json'], { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  let answered = 0;
  const done = new Promise<number>((resolve) => {
    lines.on('line', () => {
      answered += 1;
      if (answered === count) resolve(rssMb(child.pid as number));
    });
  });
  for (let i = 0; i < count; i++) child.stdin.write(`${questions[i % questions.length]}\n`);
  const rss = await done;
  child.stdin.end();
  await new Promise((resolve) => child.once('exit', resolve));
  return rss;
}
