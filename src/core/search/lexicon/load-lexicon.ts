/**
 * Reads the hand-kept word lists in `seeds/lexicon/`:
 *
 * - `synonyms.txt` (everyday Chinese → the plan's wording) and `english.txt` (English → the plan's
 *   Chinese terms) share one line format, `a, b => 甲 | 乙`;
 * - `concepts.txt`, the concept lexicon, is written from the plan's side: one line per concept the
 *   plan names and kind of everyday word for it, `植物新品种 | instance | 水稻品种, 玉米种子`, so
 *   it reads as a table of what people say for what the plan says.
 *
 * Adding a term is one line and needs no code. A malformed line is an error naming the file and line.
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

/** How an everyday word relates to the plan's concept. */
export const CONCEPT_WORD_KINDS = ['instance', 'colloquial', 'actor', 'situation'] as const;

export const ConceptEntrySchema = z.object({
  /** The concept as the plan words it (it occurs in the plan's text). */
  concept: z.string().min(1),
  /** instance (水稻品种 for 植物新品种), colloquial (山寨), actor (港口), situation (被扣). */
  kind: z.enum(CONCEPT_WORD_KINDS),
  /** The everyday words for it; lower-cased. */
  words: z.array(z.string().min(1)).min(1),
});
export type ConceptEntry = z.infer<typeof ConceptEntrySchema>;

export const LexiconSchema = z.object({
  synonyms: z.array(LexiconEntrySchema),
  english: z.array(LexiconEntrySchema),
  concepts: z.array(ConceptEntrySchema),
});
export type Lexicon = z.infer<typeof LexiconSchema>;

export const SYNONYMS_FILE = join(LEXICON_DIR, 'synonyms.txt');
export const ENGLISH_FILE = join(LEXICON_DIR, 'english.txt');
export const CONCEPTS_FILE = join(LEXICON_DIR, 'concepts.txt');

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
    const from = (parts[0] as string)
      .split(/[,，]/u)
      .map((w) => w.trim().toLowerCase())
      .filter(Boolean);
    const to = (parts[1] as string)
      .split('|')
      .map((w) => w.trim())
      .filter(Boolean);
    const parsed = LexiconEntrySchema.safeParse({ from, to });
    if (!parsed.success) throw new LexiconError(file, index + 1, 'both sides of "=>" need at least one word');
    entries.push(parsed.data);
  });
  return entries;
}

export function parseConcepts(source: string, file: string): ConceptEntry[] {
  const entries: ConceptEntry[] = [];
  source.split(/\r?\n/u).forEach((raw, index) => {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith('#')) return;
    const parts = line.split('|').map((p) => p.trim());
    if (parts.length !== 3) throw new LexiconError(file, index + 1, 'expected "concept | kind | word, word"');
    const [concept, kind, words] = parts as [string, string, string];
    const parsed = ConceptEntrySchema.safeParse({
      concept,
      kind,
      words: words
        .split(/[,，]/u)
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean),
    });
    if (!parsed.success) throw new LexiconError(file, index + 1, `needs a concept, a kind (${CONCEPT_WORD_KINDS.join(', ')}) and at least one word`);
    entries.push(parsed.data);
  });
  return entries;
}

export interface LexiconFiles {
  synonyms?: string;
  english?: string;
  concepts?: string;
}

export function loadLexicon({ synonyms = SYNONYMS_FILE, english = ENGLISH_FILE, concepts = CONCEPTS_FILE }: LexiconFiles = {}): Lexicon {
  return LexiconSchema.parse({
    synonyms: parseLexicon(readFileSync(synonyms, 'utf8'), synonyms),
    english: parseLexicon(readFileSync(english, 'utf8'), english),
    concepts: parseConcepts(readFileSync(concepts, 'utf8'), concepts),
  });
}
