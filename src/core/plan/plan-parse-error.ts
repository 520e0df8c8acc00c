/** A seed file the parser cannot turn into a plan. The message names the file and line to fix. */
export class PlanParseError extends Error {
  readonly code = 'PLAN_PARSE_ERROR';

  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'PlanParseError';
  }
}
