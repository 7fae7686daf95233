// Headless Debian Chromium, driven by playwright-core. Never a downloaded browser.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from './paths.mjs';
import { UserFacingError } from './log.mjs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function launchChromium() {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new UserFacingError(`Chromium is missing at ${executablePath}. Install it with: sudo apt-get install -y chromium`);
  }
  try {
    return await chromium.launch({ executablePath, headless: true, args: chromiumArgs, timeout: 60_000 });
  } catch (err) {
    throw new UserFacingError(`Chromium at ${executablePath} did not start: ${err.message.split('\n')[0]}`);
  }
}
