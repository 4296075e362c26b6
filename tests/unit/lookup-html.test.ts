import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { savedFromUrl } from '../../lib/cli/commands/lookup';

/** `lookup --html` on a page built to make a regular expression backtrack (issue 17). */
describe('lookup --html on hostile markup', () => {
  it('reads 200 KB of it in linear time', () => {
    // The regular expressions this replaced took about 9 s and 2 s on these; the reader takes a few ms.
    const started = performance.now();
    for (const hostile of ['<link'.repeat(40_000), `<link ${'rel="canonical" '.repeat(12_000)}`]) {
      expect(savedFromUrl(hostile)).toBeUndefined();
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['<!-- saved from url=(0026)https://www.uclh.nhs.uk/ --><link rel="canonical" href="https://x.nhs.uk/">', 'https://www.uclh.nhs.uk/'],
    [
      '<head><LINK REL="Alternate Canonical" HREF="https://www.uclh.nhs.uk/a"><link rel="canonical" href="/b">',
      'https://www.uclh.nhs.uk/a',
    ],
    ['<script>"<link rel=canonical href=/script>"</script><link rel=canonical href=https://www.uclh.nhs.uk/ >', 'https://www.uclh.nhs.uk/'],
    ['<link rel="canonical-ish" href="https://x.nhs.uk/"><a rel="canonical" href="https://x.nhs.uk/">', undefined],
  ])('reads the address of %j as the DOM would (%s), with the extension’s own reader (issue 27)', (html, address) => {
    expect(savedFromUrl(html)).toBe(address);
    const dom = new DOMParser().parseFromString(html, 'text/html');
    const canonical = dom.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? undefined;
    if (!html.startsWith('<!-- saved')) expect(savedFromUrl(html)).toBe(canonical);
  });

  it('says in one line that the page does not give its address', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'nsl-lookup-')), 'hostile.html');
    writeFileSync(path, '<link'.repeat(40_000));
    const result = spawnSync(process.execPath, ['bin/nsl.js', 'lookup', '--html', path], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^nsl: .*hostile\.html: the page does not say its address; give the URL too\n$/);
  });
});
