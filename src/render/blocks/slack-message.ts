import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;
export type Button = types.Button;
export type InputElement = types.InputBlockElement;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;

/** A message as this app sends it: blocks, and the plain `text` Slack shows in notifications and where blocks can't be shown. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}
