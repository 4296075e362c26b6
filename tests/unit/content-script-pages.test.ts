import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CQC_MATCHES, extraContentScriptMatches, NHS_UK_MATCHES } from '../../lib/detect/pages';
import { loadBundledIndex } from '../support/bundled-index';
import { makeIndex, makeOrganisation } from '../support/index-factory';

/** Where the content script runs: what it declares, plus what the build adds from the index (wxt.config.ts). */
async function contentScriptMatches(): Promise<MatchPattern[]> {
  const { default: definition } = await import('../../entrypoints/content');
  const declared = definition.matches;
  if (!Array.isArray(declared)) throw new Error('the content script declares its matches per browser');
  return [...declared, ...extraContentScriptMatches(loadBundledIndex())].map((p) => new MatchPattern(p));
}

describe('which pages matter (lib/detect/pages.ts)', () => {
  it('the content script declares the one list of nhs.uk patterns', async () => {
    const { default: definition } = await import('../../entrypoints/content');
    expect(definition.matches).toEqual(NHS_UK_MATCHES);
  });

  it('runs on every current and former domain of the bundled index, on CQC pages, and nowhere else', async () => {
    const patterns = await contentScriptMatches();
    const runs = (url: string) => patterns.some((p) => p.includes(url));
    const index = loadBundledIndex();
    const hosts = index.organisations.flatMap((org) => [...org.domains, ...org.predecessors.flatMap((p) => p.domains)].map((d) => d.host));
    expect(hosts.length).toBeGreaterThan(200);
    for (const host of hosts) {
      expect(runs(`https://${host}/`), host).toBe(true);
      expect(runs(`https://www.${host}/about`), host).toBe(true);
    }
    expect(runs('https://www.cqc.org.uk/provider/RJ1')).toBe(true);
    expect(runs('https://www.cqc.org.uk/location/RJ122')).toBe(true);
    expect(runs('https://www.cqc.org.uk/news')).toBe(false);
    expect(runs('https://example.org/')).toBe(false);
    expect(runs('https://nhs.uk.evil.example/')).toBe(false);
  });

  it('adds CQC’s pages and the hosts outside nhs.uk, sorted, once each, current and former', () => {
    const index = makeIndex([
      makeOrganisation({
        id: 'RJ1',
        domains: [
          { host: 'zeta.org.uk', source: 'test', checked: '2026' },
          { host: 'gstt.nhs.uk', source: 'test', checked: '2026' },
        ],
        predecessors: [{ id: 'RJ0', domains: [{ host: 'alpha.co.uk', source: 'test', checked: '2026' }], source: 'test' }],
      }),
      makeOrganisation({ id: 'RJ2', domains: [{ host: 'zeta.org.uk', source: 'test', checked: '2026' }] }),
    ]);
    expect(extraContentScriptMatches(index)).toEqual([...CQC_MATCHES, '*://*.alpha.co.uk/*', '*://*.zeta.org.uk/*']);
  });
});
