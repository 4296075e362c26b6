/**
 * `npx tsx scripts/bench/compare-builds.ts <build dir> <build dir> …`: the extra main-thread
 * script and task time each build costs the plain trust page (and the saved Leeds page, when
 * `../shared/pages` or `NSL_SAVED_PAGES` has it), every build measured in turn against the same
 * browser without the extension, in one run (issue 22: "before and after, from one run"). Build a
 * commit into its own folder first, e.g. `git worktree add /tmp/before <commit>` and, there,
 * `NSL_OUT_DIR=/tmp/before-build npx wxt build`. `--rounds N` (default 3), `--loads N` (default 10).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launchExtensionBrowser } from '../../tests/e2e/support/extension-browser';
import { startFixtureServer } from '../../tests/e2e/support/fixture-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/chromium';
import type { Route } from '../../tests/support/route-server';
import { extraOf, measureMainThread, type PageCase } from './main-thread';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const rounds = option('--rounds', 3);
const loads = option('--loads', 10);
const builds = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
const missing = builds.find((dir) => !existsSync(join(dir, 'manifest.json')));
if (builds.length === 0 || missing !== undefined || !Number.isInteger(rounds) || !Number.isInteger(loads)) {
  console.error(
    missing === undefined ? 'usage: compare-builds.ts <build dir>… [--rounds N] [--loads N]' : `no built extension in ${missing}`,
  );
  process.exit(1);
}
const leeds = [process.env.NSL_SAVED_PAGES ?? '', '../shared/pages']
  .filter(Boolean)
  .map((dir) => join(dir, 'www.leedsth.nhs.uk.html'))
  .find((path) => existsSync(path));
const routes: Record<string, Route> = leeds
  ? {
      'www.leedsth.nhs.uk /': (_request, response) =>
        void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(leeds)),
    }
  : {};
const pages: PageCase[] = [
  ...(leeds ? [{ label: 'saved Leeds page', url: 'https://www.leedsth.nhs.uk/' }] : []),
  { label: 'plain trust page', url: 'https://www.uclh.nhs.uk/' },
];
const server = await startFixtureServer({ 'www.uclh.nhs.uk': 'footer-icons.html' }, routes);
const plain = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'nsl-compare-')), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  ignoreHTTPSErrors: true,
  args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP * 127.0.0.1:${server.port}, EXCLUDE localhost`, '--ignore-certificate-errors'],
});
const fixed = (n: number) => n.toFixed(2);
for (let round = 1; round <= rounds; round++)
  for (const dir of builds) {
    const extension = await launchExtensionBrowser(server.port, dir);
    for (const result of await measureMainThread(extension.context, plain, pages, loads, 1500)) {
      const script = extraOf(result, 'scriptMs');
      const task = extraOf(result, 'taskMs');
      console.log(
        JSON.stringify({
          round,
          build: dir,
          page: result.page.label,
          extraScriptMs: Number(fixed(script.extra)),
          extraTaskMs: Number(fixed(task.extra)),
          scriptWith: `${fixed(script.with.median)} (${fixed(script.with.p25)}–${fixed(script.with.p75)})`,
          scriptWithout: fixed(script.without.median),
        }),
      );
    }
    await extension.close();
  }
await plain.close();
await server.close();
