// Which VS Code version(s) a script runs: `--vscode <version>` on its command line, else LOOP_PREP_VSCODE,
// else the script's default.
import { HOSTS, findHost } from './paths.mjs';
import { UserFacingError } from './log.mjs';

/** The value of `--vscode X` or `--vscode=X` in argv, or LOOP_PREP_VSCODE; undefined when neither is set. */
export function requestedVersion(argv = process.argv, env = process.env) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--vscode') {
      if (i + 1 >= argv.length) throw new UserFacingError('--vscode needs a version, e.g. --vscode 1.139');
      return argv[i + 1];
    }
    if (argv[i].startsWith('--vscode=')) return argv[i].slice('--vscode='.length);
  }
  return env.LOOP_PREP_VSCODE || undefined;
}

/**
 * The hosts to run: the one requested, else `defaults`.
 * @param {string[]} argv
 * @param {readonly import('./paths.mjs').Host[]} defaults
 */
export function hostsFromArgs(argv, defaults, env = process.env) {
  const spec = requestedVersion(argv, env);
  if (spec === undefined) return [...defaults];
  const host = findHost(spec);
  if (!host) {
    const known = HOSTS.map((h) => `${h.id} (VS Code ${h.vscode})`).join(', ');
    throw new UserFacingError(
      `unknown VS Code version "${spec}" (from ${argv.some((a) => a.startsWith('--vscode')) ? '--vscode' : 'LOOP_PREP_VSCODE'}). Known: ${known}, or "oldest" / "newest".`,
    );
  }
  return [host];
}
