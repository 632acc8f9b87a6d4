/**
 * Debian's chromium, driven by playwright-core (which cannot download a browser here): headless, and
 * kept off the network (no background requests, updates or sync), for the browser tests of the e2e tier.
 */
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: node scripts/test-setup.js installs Debian's chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
