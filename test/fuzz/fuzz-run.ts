/**
 * Runs a fuzz property over generated cases and fails once, at the end, listing the first few
 * failing inputs with the seed and case index that reproduce them. A thrown error counts as a
 * failure of that case (its message and first stack frame are reported), so "never a throw" is
 * part of every property.
 */
import { expect } from 'vitest';
import { FUZZ_SEED, Rng, caseLabel, showCase } from './fuzz-inputs.js';

/** Failing cases reported in full; the rest are only counted. */
const MAX_REPORTED = 5;
/** Problems listed per failing case. */
const MAX_PROBLEMS = 4;

/** What a property says about one case: nothing (or an empty list) when it holds, else its problems. */
// biome-ignore lint/suspicious/noConfusingVoidType: a property may simply return nothing when it holds
export type CaseVerdict = string[] | void;

interface Failure {
  label: string;
  problems: string[];
}

function thrown(error: unknown): string[] {
  if (!(error instanceof Error)) return [`threw ${String(error)}`];
  const frame = error.stack?.split('\n').find((line) => line.trimStart().startsWith('at ')) ?? '';
  return [`threw ${error.name}: ${error.message}`, frame.trim()];
}

function report(property: string, count: number, failures: readonly Failure[], total: number): void {
  const lines = failures.map((f) => {
    const shown = f.problems.slice(0, MAX_PROBLEMS);
    if (f.problems.length > shown.length) shown.push(`(${f.problems.length - shown.length} more problems)`);
    return `${f.label}\n    ${shown.join('\n    ')}`;
  });
  if (total > failures.length) lines.push(`… and ${total - failures.length} more failing cases`);
  expect(lines, `fuzz property "${property}" failed ${total} of ${count} cases (FUZZ_SEED=${FUZZ_SEED})`).toEqual([]);
}

/** Collects one property's failing cases (the first few in full) and reports them at the end. */
function failureLog<T>(property: string, input: (value: T) => string) {
  const failures: Failure[] = [];
  let total = 0;
  return {
    record(index: number, value: T, problems: string[]): void {
      if (problems.length === 0) return;
      total += 1;
      if (failures.length < MAX_REPORTED) failures.push({ label: caseLabel(property, index, input(value)), problems });
    },
    report(count: number): void {
      report(property, count, failures, total);
    },
  };
}

/**
 * Checks `count` cases made by `generate` (each from the property's own seeded stream).
 * `input` renders a case for the report (JSON-safe; {@link showCase} by default).
 */
export function fuzz<T>(
  property: string,
  count: number,
  generate: (rng: Rng, index: number) => T,
  check: (value: T, index: number) => CaseVerdict,
  input: (value: T) => string = showCase,
): void {
  const rng = Rng.for(property);
  const log = failureLog(property, input);
  for (let i = 0; i < count; i++) {
    const value = generate(rng, i);
    try {
      log.record(i, value, check(value, i) ?? []);
    } catch (error) {
      log.record(i, value, thrown(error));
    }
  }
  log.report(count);
}

/** {@link fuzz} for asynchronous checks (listeners, the CLI); cases run one after another. */
export async function fuzzAsync<T>(
  property: string,
  count: number,
  generate: (rng: Rng, index: number) => T,
  check: (value: T, index: number) => Promise<CaseVerdict>,
  input: (value: T) => string = showCase,
): Promise<void> {
  const rng = Rng.for(property);
  const log = failureLog(property, input);
  for (let i = 0; i < count; i++) {
    const value = generate(rng, i);
    try {
      log.record(i, value, (await check(value, i)) ?? []);
    } catch (error) {
      log.record(i, value, thrown(error));
    }
  }
  log.report(count);
}
