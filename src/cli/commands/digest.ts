import { isIsoDate } from '../../core/time/local-date.js';
import { renderDigestText } from '../../render/text/digest-text.js';
import { CliUsageError, EXIT } from '../terminal/cli-error.js';
import type { CliCommand } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';

/** `digest [--date YYYY-MM-DD]`: the digest for a day as it would be posted, from the stored state (read only). */
export const digestCommand: CliCommand = async ({ options, io, openApplication }) => {
  if (options.date !== undefined && !isIsoDate(options.date)) throw new CliUsageError(`--date 应为 YYYY-MM-DD 格式的日期，收到“${options.date}”。`);
  const { application, close } = await openApplication('read');
  try {
    const content = options.date === undefined ? await application.digests.today() : await application.digests.forDate(options.date);
    writeLine(io.stdout, options.json ? JSON.stringify(content) : renderDigestText(content));
  } finally {
    await close();
  }
  return EXIT.ok;
};
