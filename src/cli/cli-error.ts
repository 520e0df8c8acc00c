/** Input the CLI refuses: printed as one line on standard error, exit code 2. */
export class CliUsageError extends Error {
  readonly exitCode = 2;

  constructor(
    message: string,
    /** A short machine-readable reason (`empty`, `out-of-range`, `control-characters` …). */
    readonly code = 'usage',
  ) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
