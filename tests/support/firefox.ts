import { existsSync } from 'node:fs';

/** Debian's Firefox ESR, which the Firefox tests drive (never a browser a test tool downloads; issue 22). */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** One line saying how to get the browser the Firefox tests need, as the README says it. */
export const FIREFOX_MISSING = `no Firefox at ${FIREFOX_PATH}: install Debian's package (sudo apt-get install firefox-esr) or set FIREFOX_PATH`;

/** Whether the Firefox tests can run here. */
export function firefoxInstalled(): boolean {
  return existsSync(FIREFOX_PATH);
}

/** Whether a Vitest command line names the Firefox project (`--project firefox`, as `npm run test:firefox` does). */
export function firefoxProjectAsked(argv: ReadonlyArray<string>): boolean {
  return argv.some((arg, i) => arg === '--project=firefox' || (arg === '--project' && argv[i + 1] === 'firefox'));
}

/** Throws that one line when Firefox is missing, before any test spends time building. */
export function requireFirefox(): void {
  if (!firefoxInstalled()) throw new Error(FIREFOX_MISSING);
}
