import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/core/paths.js';

const { npmBannerRows } = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts', 'npm-banner.mjs')).href)) as typeof import('../../scripts/npm-banner.mjs');

const SCRIPT = 'node --max-semi-space-size=4 --max-old-space-size=128 scripts/start.mjs';
const NPM_START = {
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_lifecycle_event: 'start',
  npm_lifecycle_script: SCRIPT,
  npm_package_name: 'ipplan-assistant',
  npm_package_version: '0.1.0',
};
const terminal = (columns: number) => ({ isTTY: true, columns });

describe("taking back npm start's banner", () => {
  it('counts the blank line, the two banner lines and the blank line npm prints', () => {
    expect(npmBannerRows(NPM_START, terminal(120), [])).toBe(4);
  });

  it('counts a wrapped command line, and the arguments npm appends', () => {
    // "> " and the script are 73 characters: two rows on a 40-column terminal; 94 with the arguments: three.
    expect(npmBannerRows(NPM_START, terminal(40), [])).toBe(5);
    expect(npmBannerRows(NPM_START, terminal(40), ['--some-flag', 'and-more'])).toBe(6);
  });

  it('takes back nothing it cannot be sure npm printed', () => {
    expect(npmBannerRows(NPM_START, { isTTY: false, columns: 120 }, [])).toBe(0);
    expect(npmBannerRows({ ...NPM_START, npm_config_loglevel: 'silent' }, terminal(120), [])).toBe(0);
    expect(npmBannerRows({ ...NPM_START, npm_config_user_agent: 'pnpm/9.0.0 npm/? node/v20.20.2' }, terminal(120), [])).toBe(0);
    expect(npmBannerRows({ ...NPM_START, npm_lifecycle_event: 'cli' }, terminal(120), [])).toBe(0);
    expect(npmBannerRows({}, terminal(120), [])).toBe(0);
  });
});
