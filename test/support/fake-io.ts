import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/terminal/cli-io.js';

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

/** CLI streams that record what was written; `input` is what standard input delivers. */
export function fakeIo(input = ''): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return { stdin: Readable.from([input]), stdout, stderr, interactive: false, out: () => out, err: () => err };
}
