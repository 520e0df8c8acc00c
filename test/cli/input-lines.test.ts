import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inputLines } from '../../src/cli/terminal/input-lines.js';

async function linesOf(chunks: Array<string | Buffer>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of inputLines(Readable.from(chunks))) lines.push(line);
  return lines;
}

describe('the lines of standard input', () => {
  it('keeps a question with U+2028 or U+2029 in it as one line', async () => {
    expect(await linesOf(['商标审查\u2028周期\n知识产权\u2029质押\n'])).toEqual(['商标审查\u2028周期', '知识产权\u2029质押']);
  });

  it('breaks at \\n, \\r\\n and a lone \\r, a \\r\\n split across two chunks included', async () => {
    expect(await linesOf(['第1条\r\n第2条\r第3条\n\n第4条\r', '\n第5条\r'])).toEqual(['第1条', '第2条', '第3条', '', '第4条', '第5条']);
  });

  it('decodes a character split across chunks, and gives the last line without a line break', async () => {
    const bytes = Buffer.from('专利\n商标', 'utf8');
    expect(await linesOf([bytes.subarray(0, 4), bytes.subarray(4)])).toEqual(['专利', '商标']);
    expect(await linesOf([])).toEqual([]);
  });
});
