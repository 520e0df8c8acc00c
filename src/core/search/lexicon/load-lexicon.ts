/**
 * Reads the two hand-kept word lists in this folder: `synonyms.txt` (everyday Chinese → the plan's
 * wording) and `english.txt` (English → the plan's Chinese terms). Both share one line format,
 * `a, b => 甲 | 乙`, so adding a term is one line and needs no code. A malformed line is an error
 * naming the file and line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LEXICON_DIR } from '../../paths.js';

export const LexiconEntrySchema = z.object({
  /** What people type; lower-cased. */
  from: z.array(z.string().min(1)).min(1),
  /** The plan's wording it stands for. */
  to: z.array(z.string().min(1)).min(1),
});
export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;

export const LexiconSchema = z.object({
  synonyms: z.array(LexiconEntrySchema),
  english: z.array(LexiconEntrySchema),
});
export type Lexicon = z.infer<typeof LexiconSchema>;

export const SYNONYMS_FILE = join(LEXICON_DIR, 'synonyms.txt');
export const ENGLISH_FILE = join(LEXICON_DIR, 'english.txt');

export class LexiconError extends Error {
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'LexiconError';
  }
}

export function parseLexicon(source: string, file: string): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  source.split(/\r?\n/u).forEach((raw, index) => {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith('#')) return;
    const parts = line.split('=>');
    if (parts.length !== 2) throw new LexiconError(file, index + 1, 'expected one "=>" (words => plan wording)');
    const from = (parts[0] as string).split(/[,，]/u).map((w) => w.trim().toLowerCase()).filter(Boolean);
    const to = (parts[1] as string).split('|').map((w) => w.trim()).filter(Boolean);
    const parsed = LexiconEntrySchema.safeParse({ from, to });
    if (!parsed.success) throw new LexiconError(file, index + 1, 'both sides of "=>" need at least one word');
    entries.push(parsed.data);
  });
  return entries;
}

export function loadLexicon(synonymsFile = SYNONYMS_FILE, englishFile = ENGLISH_FILE): Lexicon {
  return LexiconSchema.parse({
    synonyms: parseLexicon(readFileSync(synonymsFile, 'utf8'), synonymsFile),
    english: parseLexicon(readFileSync(englishFile, 'utf8'), englishFile),
  });
}
