/** One line of a jieba dictionary: `word freq tag`. */
export interface DictionaryEntry {
  word: string;
  freq: number;
  tag: string;
}

export function parseDictionary(source: string): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  for (const line of source.split('\n')) {
    const [word, freq, tag] = line.trim().split(/\s+/u);
    if (!word || freq === undefined) continue;
    entries.push({ word, freq: Number(freq), tag: tag ?? 'x' });
  }
  return entries;
}

export function formatDictionary(entries: readonly DictionaryEntry[]): string {
  return `${entries.map((e) => `${e.word} ${e.freq} ${e.tag}`).join('\n')}\n`;
}
