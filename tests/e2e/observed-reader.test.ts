import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeFollowers, rulesFor } from '../../lib/observe/observed-followers';
import { readFollowerTexts } from '../../lib/observe/read-follower-text';
import { PLATFORMS } from '../../lib/social/platforms';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

/**
 * The page-side half of observed follower counts, on saved social pages in Chromium. It needs no
 * extension: the popup injects this one function, so the test runs its source alone, as the browser
 * would (the end-to-end opt-in flow is in corrections.test.ts).
 */
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

describe('observed follower counts: the page-side reader in Chromium', () => {
  // The function the popup injects with scripting.executeScript, run as the browser runs it: its
  // source alone, with the rules as its argument, on each saved sample page.
  const samples = PLATFORMS.flatMap((platform) => rulesFor(platform).map((rule) => ({ platform, sample: rule.sample })));
  const unique = [...new Map(samples.map((s) => [`${s.platform} ${s.sample}`, s])).values()];

  it.each(unique)('$platform: reads a count on $sample', async ({ platform, sample }) => {
    const page = await browser.newPage();
    await page.setContent(readFileSync(join('tests/fixtures/social-pages', sample), 'utf8'));
    const texts = await page.evaluate(`(${readFollowerTexts.toString()})(${JSON.stringify(rulesFor(platform))})`);
    expect(observeFollowers(platform, texts as string[])?.followers).toBeGreaterThan(0);
    await page.close();
  });

  it('records nothing, and throws nothing, when the markup has changed', async () => {
    const page = await browser.newPage();
    await page.setContent(readFileSync('tests/fixtures/social-pages/changed-markup.html', 'utf8'));
    for (const platform of PLATFORMS) {
      const texts = await page.evaluate(`(${readFollowerTexts.toString()})(${JSON.stringify(rulesFor(platform))})`);
      expect(observeFollowers(platform, texts as string[])).toBeUndefined();
    }
    await page.close();
  });
});
