/**
 * Fuzzing the command line in-process (`runCli` with fake streams): `ask`, `measure` and `area`
 * with fuzzed arguments, as text and as `--json`, and `ask --batch --json` with hundreds of fuzzed
 * lines. The exit code is 0 or 2; 2 means stdout is empty and stderr is exactly one line with no
 * stack trace; 0 means an answer on stdout (one JSON line with --json, parsing with AnswerSchema).
 * A batch prints exactly one JSON line per input line, an Answer or `{ query, error }`.
 */
import { describe, expect, it } from 'vitest';
import { PlanOverviewSchema } from '../../src/core/answer/plan-overview.js';
import { runCli } from '../../src/cli/run-cli.js';
import { testAnswerContext } from '../support/answer-context.js';
import { cliDeps } from '../support/cli-deps.js';
import { fakeIo } from '../support/fake-io.js';
import { answerProblems } from './answer-invariants.js';
import { type Rng, fuzzText, hasRefusedControlCharacter, textOfLength } from './fuzz-inputs.js';
import { fuzzAsync } from './fuzz-run.js';

const ctx = testAnswerContext();
const deps = cliDeps();
const STACK_FRAME = /^\s+at /mu;

async function cli(argv: string[], input = ''): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo(input);
  const code = await runCli(argv, io, deps);
  // Let the fake streams deliver what was written.
  await new Promise((resolve) => setImmediate(resolve));
  return { code, out: io.out(), err: io.err() };
}

/** A process argument can never hold NUL (argv is C strings), so the fuzz leaves it out. */
function argvSafe(text: string): string {
  return text.replace(/\u0000/gu, '');
}

/** Parsed as an option by `node:util` parseArgs (a leading `-` not followed by a digit or `.`): the CLI answers those with usage, on purpose. */
function looksLikeOption(arg: string): boolean {
  return /^-(?![\d.])[\s\S]/u.test(arg);
}

/** One generated run: the command, its argument words (dispatch joins them with spaces), whether --json, and the argv passed. */
interface CliCase {
  command: 'ask' | 'measure' | 'area';
  args: string[];
  json: boolean;
  argv: string[];
}

function cliCase(rng: Rng, command: CliCase['command']): CliCase {
  const text = argvSafe(fuzzText(rng));
  // One argument as quoted, or the words as the shell would split them.
  const args = rng.chance(0.7) ? [text] : text.split(' ').filter((w) => w.length > 0);
  const json = rng.chance(0.5);
  const argv = rng.chance(0.5) ? [command, ...args, ...(json ? ['--json'] : [])] : [...(json ? ['--json'] : []), command, ...args];
  return { command, args, json, argv };
}

function outcomeProblems(c: CliCase, result: { code: number; out: string; err: string }): string[] {
  const { code, out, err } = result;
  const problems: string[] = [];
  if (code !== 0 && code !== 2) problems.push(`exit code ${code}: ${err.slice(0, 200)}`);
  if (STACK_FRAME.test(err) || STACK_FRAME.test(out)) problems.push('a stack trace was printed');
  const optionLike = c.args.some(looksLikeOption);
  if (code === 2) {
    if (out !== '') problems.push(`exit 2 with stdout ${JSON.stringify(out.slice(0, 80))}`);
    if (!err.endsWith('\n') || err.trim().length === 0) problems.push(`stderr ${JSON.stringify(err.slice(0, 80))} is not a line`);
    if (/[\n\r]/u.test(err.slice(0, -1))) problems.push(`stderr is ${err.split('\n').length - 1} lines: ${JSON.stringify(err.slice(0, 160))}`);
  }
  if (code === 0) {
    if (out.trim().length === 0) problems.push('exit 0 with nothing on stdout');
    if (err !== '') problems.push(`exit 0 with stderr ${JSON.stringify(err.slice(0, 80))}`);
    if (c.json && !optionLike) {
      const lines = out.split('\n');
      if (lines.length !== 2 || lines[1] !== '') problems.push(`--json printed ${lines.length - 1} lines`);
      const parsed: unknown = JSON.parse(lines[0] ?? '');
      const argument = c.args.join(' ');
      if (c.command === 'area' && argument.trim().length === 0) {
        if (!PlanOverviewSchema.safeParse(parsed).success) problems.push('area without argument did not print the overview');
      } else {
        problems.push(...answerProblems(ctx, parsed, argument));
      }
    }
  }
  if (!optionLike && hasRefusedControlCharacter(c.args.join(' ')) && (code !== 2 || !err.includes('控制字符'))) problems.push('control characters not refused');
  return problems;
}

describe('ask, measure and area under fuzz', () => {
  for (const [command, count] of [
    ['ask', 400],
    ['measure', 400],
    ['area', 300],
  ] as const) {
    /** Any argument: exit 0 with an answer, or exit 2 with one line on stderr; never a stack trace. */
    it(`${command} handles any argument`, async () => {
      await fuzzAsync(
        `cli ${command}`,
        count,
        (rng) => cliCase(rng, command),
        async (c) => outcomeProblems(c, await cli(c.argv)),
        (c) => JSON.stringify(c.argv).slice(0, 400),
      );
    });
  }

  /** Numbers written as people write them still look up their measure on the command line. */
  it('reads ４２ and 四十二 as measure 42', async () => {
    for (const arg of ['４２', '四十二', '第四十二条', ' 42 ']) {
      const { code, out } = await cli(['measure', arg, '--json']);
      expect(code, arg).toBe(0);
      expect(
        (JSON.parse(out) as { results: Array<{ number: number }> }).results.map((r) => r.number),
        arg,
      ).toEqual([42]);
    }
  });
});

function batchLine(rng: Rng): string {
  const line = rng.weighted<() => string>([
    [6, () => fuzzText(rng)],
    [1, () => ''],
    [1, () => textOfLength(rng, 10_000)],
    [1, () => '商标审查周期要控制在多久？'],
  ])();
  // A line break would make two lines of one; everything else goes in as it is.
  return line.replace(/\r\n|[\r\n]/gu, ' ');
}

describe('ask --batch --json under fuzz', () => {
  /**
   * Hundreds of fuzzed lines (empty ones and 10,000-character ones among them) → exactly one JSON
   * line each, in order: an Answer to that line, or `{ query, error: { code, message } }` naming
   * an input problem (never an internal error).
   */
  it('prints one JSON line per input line', async () => {
    await fuzzAsync(
      'cli batch',
      2,
      (rng) => Array.from({ length: 200 }, () => batchLine(rng)),
      async (lines) => {
        const { code, out, err } = await cli(['ask', '--batch', '--json'], `${lines.join('\n')}\n`);
        const problems: string[] = [];
        if (code !== 0) problems.push(`exit code ${code}: ${err.slice(0, 200)}`);
        const printed = out.split('\n');
        if (printed.pop() !== '') problems.push('output does not end with a newline');
        if (printed.length !== lines.length) return [...problems, `${lines.length} lines in, ${printed.length} lines out`];
        printed.forEach((json, i) => {
          const query = lines[i] as string;
          const where = `line ${i} ${JSON.stringify(query.slice(0, 60))}`;
          let parsed: { query?: unknown; error?: { code?: unknown; message?: unknown } };
          try {
            parsed = JSON.parse(json) as typeof parsed;
          } catch {
            problems.push(`${where}: not JSON: ${json.slice(0, 80)}`);
            return;
          }
          if (parsed.error !== undefined) {
            if (parsed.query !== query) problems.push(`${where}: error for another query`);
            if (typeof parsed.error.code !== 'string' || typeof parsed.error.message !== 'string')
              problems.push(`${where}: malformed error ${json.slice(0, 120)}`);
            if (parsed.error.code === 'internal') problems.push(`${where}: internal error ${String(parsed.error.message)}`);
          } else {
            problems.push(...answerProblems(ctx, parsed, query).map((p) => `${where}: ${p}`));
          }
          if (hasRefusedControlCharacter(query) && parsed.error?.code !== 'control-characters') problems.push(`${where}: control characters not refused`);
        });
        return problems;
      },
      (lines) => `${lines.length} lines: ${JSON.stringify(lines.map((l) => l.slice(0, 30)).slice(0, 5))}…`,
    );
  });
});

describe('bugs this suite found, pinned', () => {
  /** A line break inside a bad measure number or area was once quoted into the error, making it two lines. */
  it('keeps the error to one line when the argument has a line break inside', async () => {
    for (const argv of [
      ['measure', '4\n2'],
      ['measure', '1,00\r\n0'],
      ['area', '-1\n5'],
    ]) {
      const { code, err } = await cli(argv);
      expect(code, JSON.stringify(argv)).toBe(2);
      expect(err.split('\n'), JSON.stringify(argv)).toHaveLength(2);
    }
  });
});
