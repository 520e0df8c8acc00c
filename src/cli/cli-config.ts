import { ConfigError, readConfig, type Config } from '../config.js';
import { CliUsageError } from './cli-error.js';

/** The environment's settings for a CLI command, a bad one reported as a usage error (exit 2). */
export function readCliConfig(): Config {
  try {
    return readConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliUsageError(error.message, 'config');
    throw error;
  }
}
