/**
 * The help channels: channels whose every top-level question is answered in its thread without an
 * @mention. Those named in ANSWER_CHANNELS always are; a coordinator turns it on or off for any
 * other channel with `/plan 设置 频道自动回答 开|关` in it, kept in the state store.
 */
import type { Logger } from '../../logger.js';
import type { OfficeClock } from '../process/office-clock.js';
import type { Coordinators } from '../progress/coordinators.js';
import type { AnswerChannelBook } from './help-desk-store.js';

export type AnswerChannelResult =
  | { type: 'auto-answer'; on: boolean; changed: boolean }
  /** Named in ANSWER_CHANNELS: only the configuration turns it off. */
  | { type: 'configured' }
  /** Not a channel (a DM): said where to use the command. */
  | { type: 'not-a-channel' }
  | { type: 'refused' }
  | { type: 'unverified' }
  | { type: 'unavailable' };

export interface AnswerChannels {
  /** Whether `channel`'s top-level questions are answered without an @mention (false when the store cannot say). */
  answersIn(channel: string): Promise<boolean>;
  set(userId: string, channel: string, on: boolean): Promise<AnswerChannelResult>;
}

export interface AnswerChannelsDeps {
  book: AnswerChannelBook;
  /** ANSWER_CHANNELS. */
  configured: readonly string[];
  coordinators: Coordinators;
  clock: OfficeClock;
  logger: Logger;
}

/** Public and private channel IDs: where a help channel can be. */
const CHANNEL_ID = /^[CG][A-Z0-9]+$/u;

export function createAnswerChannels({ book, configured, coordinators, clock, logger }: AnswerChannelsDeps): AnswerChannels {
  return {
    async answersIn(channel) {
      if (configured.includes(channel)) return true;
      try {
        return (await book.get(channel))?.enabled === true;
      } catch {
        return false; // the store logs its failure; the channel is answered on mentions only meanwhile
      }
    },
    async set(userId, channel, on) {
      if (!CHANNEL_ID.test(channel)) return { type: 'not-a-channel' };
      const access = await coordinators.mayWrite(userId);
      if (access !== 'granted') return { type: access === 'refused' ? 'refused' : 'unverified' };
      if (configured.includes(channel)) return on ? { type: 'auto-answer', on, changed: false } : { type: 'configured' };
      try {
        const before = await book.get(channel);
        if (before?.enabled === on) return { type: 'auto-answer', on, changed: false };
        await book.set({ channel, enabled: on, setBy: userId, setAt: clock.now().getTime() });
      } catch (error) {
        logger.error({ err: error, kind: 'answer-channel', channel }, 'a channel setting could not be saved');
        return { type: 'unavailable' };
      }
      logger.info({ kind: 'answer-channel', channel, on, user: userId }, `channel ${channel}: auto-answer ${on ? 'on' : 'off'}`);
      return { type: 'auto-answer', on, changed: true };
    },
  };
}
