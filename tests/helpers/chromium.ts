/**
 * Debian's chromium, driven by playwright-core (which cannot download a browser here): its old headless
 * shell (the package chromium-headless-shell), as playwright itself runs headless Chromium, kept off the
 * network (no background requests, updates or sync), for the browser tests of the e2e tier. The same
 * Blink lays out and prints the pages; the whole browser's "new headless" mode also runs its own UI
 * and print preview, and took ~2.4 s to print any page with Chinese text (Chromium 156: 2.4 s for
 * the seed, 0.17 s in the shell), ~0.45 s to open a page (0.13 s) and 0.55 s to start (0.19 s).
 */
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium-headless-shell';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: node scripts/test-setup.js installs Debian's chromium-headless-shell`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
