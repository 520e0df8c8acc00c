import type { BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';

/** The value of the clicked element (button or feedback button), if it has one. */
export function clickedValue(body: SlackActionMiddlewareArgs['body']): string | undefined {
  if (body.type !== 'block_actions') return undefined;
  const action = (body as BlockAction).actions[0] as { value?: unknown } | undefined;
  return typeof action?.value === 'string' ? action.value : undefined;
}

/** Whether the clicked message was shown only to the clicker. */
export function clickedEphemeral(body: SlackActionMiddlewareArgs['body']): boolean {
  const container = (body as { container?: { is_ephemeral?: unknown } }).container;
  return container?.is_ephemeral === true;
}
