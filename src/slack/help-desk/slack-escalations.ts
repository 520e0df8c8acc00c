/**
 * The help desk's posts through Slack's Web API ({@link EscalationSlack}, the port the app's
 * escalations declare): each rendered, carrying metadata that names it, and posted at most once
 * (deliverOnce), looked for first where it would be when an earlier attempt may have posted it —
 * the office's post in the coordination channel's recent history, the others in their thread.
 */
import type { WebClient } from '@slack/web-api';
import type { EscalationSlack, SlackPost } from '../../app/help-desk/escalations.js';
import type { EscalationRecord } from '../../core/help-desk/help-desk-records.js';
import type { Logger } from '../../logger.js';
import { renderOfficePost, renderPassedOn, renderRelay, renderSaveOffer } from '../../render/blocks/help-desk-blocks.js';
import type { SlackMessage } from '../../render/blocks/slack-message.js';
import { findInThread } from '../delivery/answer-metadata.js';
import { deliverOnce, type Lookup, type PostTarget } from '../delivery/post-message.js';
import { slackErrorCode, slackRefused } from '../delivery/slack-errors.js';
import { helpDeskMetadata, isPost, type HelpDeskPost } from './help-desk-metadata.js';

/** History pages read when looking for the office's post (200 messages each): it is recent when it is looked for. */
const MAX_HISTORY_PAGES = 3;
const HISTORY_PAGE = 200;
/** Slack's answers that say the asker's thread is gone: the relay goes to their DM instead. */
const THREAD_GONE: ReadonlySet<string> = new Set(['thread_not_found', 'message_not_found', 'channel_not_found', 'is_archived', 'not_in_channel']);

export function slackEscalations(client: WebClient, logger: Logger): EscalationSlack {
  /** The office's post among the coordination channel's latest messages. */
  function findInChannel(channel: string, post: HelpDeskPost): () => Promise<Lookup> {
    return async () => {
      try {
        let cursor: string | undefined;
        for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
          const result = await client.conversations.history({ channel, include_all_metadata: true, limit: HISTORY_PAGE, ...(cursor ? { cursor } : {}) });
          const found = (result.messages ?? []).find((m) => isPost('metadata' in m ? m.metadata : undefined, post));
          if (found?.ts) return { ok: true, ts: found.ts };
          cursor = result.response_metadata?.next_cursor || undefined;
          if (!result.has_more || !cursor) return { ok: true };
        }
        return { ok: true };
      } catch (error) {
        return { ok: false, error: slackErrorCode(error) };
      }
    };
  }

  async function send(
    target: Omit<PostTarget, 'metadata'>,
    post: HelpDeskPost,
    message: SlackMessage,
    find: () => Promise<Lookup>,
    lookFirst: boolean,
  ): Promise<SlackPost> {
    const posted = await deliverOnce(client, { ...target, metadata: helpDeskMetadata(post) }, message, logger, { find, lookFirst });
    return posted.ok ? { ok: true, ts: posted.ts, found: posted.found === true } : { ok: false, error: posted.error, refused: posted.refused };
  }

  const inAskerThread = (e: EscalationRecord, post: HelpDeskPost) => findInThread(client, e.askerChannel, e.askerThreadTs, (m) => isPost(m, post));

  return {
    async permalink(channel, ts) {
      try {
        const result = await client.chat.getPermalink({ channel, message_ts: ts });
        return result.permalink ? { ok: true, permalink: result.permalink } : { ok: false, error: 'no_permalink', refused: true };
      } catch (error) {
        return { ok: false, error: slackErrorCode(error), refused: slackRefused(error) };
      }
    },
    postForOffice(e, planTitle, lookFirst) {
      const post: HelpDeskPost = { kind: 'office', escalation: e.id };
      return send({ channel: e.coordinationChannel }, post, renderOfficePost(e, planTitle), findInChannel(e.coordinationChannel, post), lookFirst);
    },
    tellAsker(e, lookFirst) {
      const post: HelpDeskPost = { kind: 'told', escalation: e.id };
      return send({ channel: e.askerChannel, threadTs: e.askerThreadTs }, post, renderPassedOn(e), inAskerThread(e, post), lookFirst);
    },
    async relay(e, reply, lookFirst) {
      const post: HelpDeskPost = { kind: 'relay', escalation: e.id, reply: reply.messageTs };
      const message = renderRelay(reply);
      const inThread = await send({ channel: e.askerChannel, threadTs: e.askerThreadTs }, post, message, inAskerThread(e, post), lookFirst);
      if (inThread.ok || !inThread.refused || !THREAD_GONE.has(inThread.error)) return inThread;
      // The asker's thread is gone: the answer reaches them in their DM (there is nowhere to look for it first).
      logger.warn({ kind: 'escalation', escalation: e.id, error: inThread.error }, "the asker's thread is gone; relaying the office's answer by DM");
      return send({ channel: e.asker }, post, message, async () => ({ ok: false, error: 'not_looked_for' }), false);
    },
    offerSave(e, reply, lookFirst) {
      const post: HelpDeskPost = { kind: 'offer', escalation: e.id, reply: reply.messageTs };
      const thread = e.coordinationTs ?? '';
      return send(
        { channel: e.coordinationChannel, threadTs: thread },
        post,
        renderSaveOffer(e, reply),
        findInThread(client, e.coordinationChannel, thread, (m) => isPost(m, post)),
        lookFirst,
      );
    },
    async tellReplier(e, user, text) {
      try {
        await client.chat.postEphemeral({ channel: e.coordinationChannel, user, text, ...(e.coordinationTs ? { thread_ts: e.coordinationTs } : {}) });
      } catch (error) {
        logger.warn({ kind: 'escalation', escalation: e.id, error: slackErrorCode(error) }, 'could not tell a replier why their reply was not relayed');
      }
    },
  };
}
