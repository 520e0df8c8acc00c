import type { Readable, Writable } from 'node:stream';

/** The streams a CLI run talks to; tests pass their own. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Whether stdout is a terminal (colour, the local console). */
  interactive: boolean;
}

export function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY) };
}

export function writeLine(stream: Writable, text: string): void {
  stream.write(`${text}\n`);
}
