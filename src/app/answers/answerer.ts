/**
 * Questions answered from the plan, with the optional semantic search (EMBEDDINGS_URL): a question
 * that is searched is answered first with what is at hand; if it searched a question whose vector
 * is not at hand, that question is embedded (within its short deadline) and answered again with
 * the fused ranking. Lookups and follow-ups that search nothing never wait on the embeddings
 * server; without the semantic search nothing is added and nothing waits.
 */
import { answerInContext, type Turn } from '../../core/answer/answer-in-context.js';
import type { Answer } from '../../core/answer/answer-schema.js';
import type { AnswerContext } from '../../core/answer/answer-values.js';
import { askQuestion, type AskOptions } from '../../core/answer/ask-question.js';
import type { ThreadContext } from '../../core/answer/follow-up.js';
import type { SemanticRanker } from '../../core/search/semantic/semantic-ranking.js';

/** What answering needs of the optional semantic search (the embeddings client implements it). */
export interface QuestionEmbeddings {
  /** The ranking of a question whose vector is at hand; never waits. */
  ranking: SemanticRanker;
  /** Fetches a question's vector within its deadline; true when `ranking` now has it. Never rejects. */
  embedQuestion(question: string): Promise<boolean>;
}

export interface Answerer {
  readonly ctx: AnswerContext;
  /** A question in words. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** A message in a conversation: a question, or a follow-up of the last answer. */
  converse(message: string, context: ThreadContext | undefined): Promise<Turn>;
}

export function createAnswerer(ctx: AnswerContext, semantic?: QuestionEmbeddings): Answerer {
  /** `answer` with the semantic ranking when there is one (see the opening comment). */
  async function withSemantic<T>(answer: (options: AskOptions) => T): Promise<T> {
    if (!semantic) return answer({});
    let missing: string | undefined;
    const first = answer({
      semantic: (question) => {
        const ranking = semantic.ranking(question);
        if (!ranking) missing = question;
        return ranking;
      },
    });
    if (missing === undefined || !(await semantic.embedQuestion(missing))) return first;
    return answer({ semantic: semantic.ranking });
  }

  return {
    ctx,
    ask: (question, options) => withSemantic((extra) => askQuestion(ctx, question, { ...options, ...extra })),
    converse: (message, context) => withSemantic((extra) => answerInContext(ctx, message, context, extra)),
  };
}
