import { existsSync } from 'node:fs';

/** Debian's Chromium and the flags every test launch uses (never a browser a test tool downloads). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One line saying how to get the browser the tests need, as the README says it. */
export const CHROMIUM_MISSING = `no Chromium at ${CHROMIUM_PATH}: install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH`;

/** Throws that one line when the browser is missing, before any test spends time building. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING);
}
