// @ts-check
/**
 * How many terminal rows npm's script banner took, so `npm start` can take them back: npm prints
 * a blank line, `> name@version start`, `> the command and its arguments` and a blank line
 * before it runs the script, unless it was told to be silent. Zero whenever that banner cannot
 * be known for sure: not npm (yarn and pnpm print their own), not `npm start`, a silent npm, or
 * standard output that is not a terminal (a pipe or a file keeps every line).
 *
 * @param {NodeJS.ProcessEnv} env
 * @param {{ isTTY?: boolean, columns?: number }} stdout
 * @param {readonly string[]} args the arguments npm appended to the command (`npm start -- …`)
 * @returns {number}
 */
export function npmBannerRows(env, stdout, args) {
  const { npm_lifecycle_event: event, npm_lifecycle_script: script, npm_package_name: name, npm_package_version: version } = env;
  const byNpm = (env.npm_config_user_agent ?? '').startsWith('npm/') && env.npm_config_loglevel !== 'silent';
  const columns = stdout.columns ?? 0;
  if (!byNpm || event !== 'start' || !script || !name || !version || stdout.isTTY !== true || columns <= 0) return 0;
  const command = args.length > 0 ? `${script} ${args.join(' ')}` : script;
  const lines = ['', `> ${name}@${version} ${event}`, ...`> ${command}`.split('\n'), ''];
  return lines.reduce((rows, line) => rows + Math.max(1, Math.ceil(line.length / columns)), 0);
}
