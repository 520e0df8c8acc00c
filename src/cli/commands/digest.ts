import { isIsoDate, localDate } from '../../core/time/local-date.js';
import { previewStoredDigest } from '../../compose.js';
import { renderDigestText } from '../../render/text/digest-text.js';
import { readCliConfig } from '../cli-config.js';
import { CliUsageError, EXIT } from '../cli-error.js';
import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-io.js';

/** `digest [--date YYYY-MM-DD]`: the digest for a day as it would be posted, from the stored state (read only). */
export const digestCommand: CliCommand = async ({ options, io, context, env }) => {
  const config = readCliConfig(env);
  const today = localDate(new Date(), config.digest.timeZone);
  const date = options.date ?? today;
  if (!isIsoDate(date)) throw new CliUsageError(`--date 应为 YYYY-MM-DD 格式的日期，收到“${date}”。`);
  const content = await previewStoredDigest(context().plan, config, date, today);
  writeLine(io.stdout, options.json ? JSON.stringify(content) : renderDigestText(content));
  return EXIT.ok;
};
