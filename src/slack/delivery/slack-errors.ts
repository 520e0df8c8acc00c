/**
 * What went wrong in a Web API call, as Slack's own error code (`not_in_channel`,
 * `invalid_blocks`, `ratelimited` …), and what to tell the person who was waiting.
 */
import { z } from 'zod';

/** Errors about the blocks themselves: the same answer as plain text will go through. */
export const BLOCK_ERRORS: ReadonlySet<string> = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_blocks_too_long',
  'too_many_blocks',
  'invalid_attachments',
]);

/** The parts of a Web API client error this app reads (`@slack/web-api` puts Slack's answer in `data`). */
const ClientErrorSchema = z.object({
  code: z.string().optional(),
  data: z.object({ error: z.string().optional() }).optional(),
});

export function slackErrorCode(error: unknown): string {
  const parsed = ClientErrorSchema.safeParse(error);
  if (!parsed.success) return 'unknown_error';
  const { code, data } = parsed.data;
  if (data?.error) return data.error;
  if (code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  return code ?? 'unknown_error';
}

/** Whether Slack answered (so the call certainly did nothing), as opposed to no answer at all. */
export function slackRefused(error: unknown): boolean {
  const code = ClientErrorSchema.safeParse(error).data?.code;
  return code === 'slack_webapi_platform_error' || code === 'slack_webapi_rate_limited_error' || code === 'slack_webapi_http_error';
}

/** One sentence in Chinese for the person waiting, saying what they can do. */
export function userFacingError(code: string): string {
  switch (code) {
    case 'not_in_channel':
    case 'channel_not_found':
      return '我还不在这个频道里，没法在这里回复：请先用 /invite 邀请我加入频道，或者直接私信我提问。';
    case 'is_archived':
      return '这个频道已归档，我没法在里面回复：请在其他频道或私信里提问。';
    case 'ratelimited':
      return 'Slack 暂时限制了我的发送频率，请过一会儿再试。';
    default:
      return '发送回答时出了点问题，请稍后再试；如果一直这样，请联系管理员。';
  }
}
