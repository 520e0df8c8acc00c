import { ConfigError, readConfig, type Config } from '../../config.js';
import { CliUsageError } from './cli-error.js';

/** The environment's settings, a bad one reported as a usage error (exit 2). */
export function readCliConfig(env: Readonly<Record<string, string | undefined>>): Config {
  try {
    return readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliUsageError(error.message, 'config');
    throw error;
  }
}
