// Checks the system packages the real-VS-Code harness needs, and installs them when it can.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromiumPath } from './paths.mjs';
import { info, UserFacingError } from './log.mjs';

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function isDebianLike() {
  try {
    const osRelease = fs.readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
  } catch {
    return false;
  }
}

function hasKrb5Headers() {
  return ['/usr/include/gssapi/gssapi.h', '/usr/include/krb5.h'].some((p) => fs.existsSync(p));
}

/**
 * Lists the Debian packages that are missing.
 * @param {{ forInstall: boolean, needBrowser?: boolean }} opts forInstall adds what building code-server's
 *   native modules needs; needBrowser (default true) is false for `npm start`, which uses your own browser.
 */
export function missingPackages({ forInstall, needBrowser = true }) {
  const missing = [];
  if (needBrowser && !process.env.LOOP_PREP_CHROMIUM && !fs.existsSync(chromiumPath())) missing.push('chromium');
  if (forInstall) {
    if (!hasKrb5Headers()) missing.push('libkrb5-dev');
    if (!hasCommand('make') || !hasCommand('g++')) missing.push('build-essential');
    if (!hasCommand('python3')) missing.push('python3');
  }
  return missing;
}

/**
 * Makes sure the system packages are there. As root on Debian or Ubuntu it installs them with apt-get;
 * otherwise it stops with the exact command to run.
 */
export function ensureSystemPackages({ forInstall, needBrowser = true }) {
  if (needBrowser && process.env.LOOP_PREP_CHROMIUM && !fs.existsSync(process.env.LOOP_PREP_CHROMIUM)) {
    throw new UserFacingError(
      `LOOP_PREP_CHROMIUM points at ${process.env.LOOP_PREP_CHROMIUM}, which does not exist. ` +
        'Unset it to use /usr/bin/chromium, or point it at a Chromium binary.',
    );
  }
  const missing = missingPackages({ forInstall, needBrowser });
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (isRoot() && isDebianLike() && hasCommand('apt-get') && !process.env.LOOP_PREP_NO_APT) {
    info(`installing system packages: ${missing.join(', ')} (${command})`);
    try {
      execFileSync('sh', ['-c', command], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      throw new UserFacingError(`installing system packages failed. Run this yourself and try again:\n  ${command}`);
    }
    const still = missingPackages({ forInstall, needBrowser });
    if (still.length) throw new UserFacingError(`still missing after apt-get: ${still.join(', ')}`);
    return;
  }
  const how = isDebianLike()
    ? `  sudo sh -c '${command}'`
    : `  install these with your package manager: ${missing.join(', ')} (Chromium must be a system package; set LOOP_PREP_CHROMIUM to its path if it is not /usr/bin/chromium)`;
  throw new UserFacingError(
    `the real-VS-Code harness needs system packages that are missing: ${missing.join(', ')}.\n` +
      `This script is not root, so it will not install them. Run:\n${how}\nthen run the npm command again.`,
  );
}
