/**
 * `npm start`: builds the extension and opens Chromium with it loaded on an NHS trust page.
 * Where no display is available (a server, CI) it says so plainly and explains how to load the
 * built extension by hand instead of failing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'wxt';

const START_PAGE = 'https://www.guysandstthomas.nhs.uk/';
const BROWSER_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter((path): path is string => Boolean(path));

await build({ browser: 'chrome' });
const extensionDir = resolve('.output/chrome-mv3');
const howToLoad = `To use it in Chrome, Edge or Chromium: open chrome://extensions, switch on "Developer mode",
choose "Load unpacked" and select:
  ${extensionDir}
Then visit an NHS trust website, for example ${START_PAGE}`;

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const browserPath = BROWSER_CANDIDATES.find((path) => existsSync(path));

if (!hasDisplay) {
  console.log(`\nThe extension is built, but there is no display here, so no browser window can open.\n${howToLoad}`);
} else if (browserPath === undefined) {
  console.log(`\nThe extension is built, but no Chromium was found (set CHROMIUM_PATH to use another).\n${howToLoad}`);
} else {
  // A profile of its own, so the user's everyday browser profile is left alone.
  const profile = join(resolve('.output'), 'start-profile');
  mkdirSync(profile, { recursive: true });
  console.log(`\nOpening ${browserPath} with NHS Social Lens loaded (profile: ${profile}).`);
  const child = spawn(browserPath, [`--user-data-dir=${profile}`, `--load-extension=${extensionDir}`, '--no-first-run', START_PAGE], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
}
