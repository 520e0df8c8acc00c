/** The evaluation question format (one JSON object a line), validated line by line. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const EvalQuestionSchema = z.object({
  id: z.string().min(1),
  q: z.string(),
  /** Measures any of which is a correct answer (for `numbers`: exactly these; for `decline`: the nearest, if any). */
  expect: z.array(z.number().int().positive()),
  /** A substring the top result's snippet must contain (factoids). */
  answer: z.string().min(1).optional(),
  /** For kind `area`: the area that answers. */
  area: z.number().int().positive().optional(),
  /** For kind `followup`: earlier messages in the same conversation, oldest first. */
  thread: z.array(z.string()).optional(),
  kind: z.string().min(1),
  /** For kind `structure`: the form of question (from-end, area-first, area-list, …), which says how it is scored. */
  form: z.string().min(1).optional(),
  /** What a correct answer shows, in the words of whoever wrote the question. */
  note: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

export function parseEvalQuestions(source: string, file: string): EvalQuestion[] {
  return source
    .split(/\r?\n/u)
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${number}: not valid JSON`);
      }
      const parsed = EvalQuestionSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${file}:${number}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

export function loadEvalQuestions(file: string): EvalQuestion[] {
  return parseEvalQuestions(readFileSync(file, 'utf8'), file);
}
