/**
 * The lines of a text stream, broken where a file breaks them: at \n, \r\n and a lone \r, and
 * nowhere else. `node:readline` also breaks at U+2028 and U+2029 on Node.js 24 (not on 20), which
 * would make two questions of one line of `ask --batch`, and two results of one input line.
 */
import { StringDecoder } from 'node:string_decoder';

const LINE_BREAK = /\r\n|\r|\n/gu;

export async function* inputLines(input: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  // The complete lines in `pending`; a \r at its end waits for the next chunk, which may start with \n.
  function* complete(final: boolean): Generator<string> {
    let start = 0;
    for (const m of pending.matchAll(LINE_BREAK)) {
      if (!final && m[0] === '\r' && m.index === pending.length - 1) break;
      yield pending.slice(start, m.index);
      start = m.index + m[0].length;
    }
    pending = pending.slice(start);
  }
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    yield* complete(false);
  }
  pending += decoder.end();
  yield* complete(true);
  if (pending.length > 0) yield pending;
}
