import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CQC_MATCHES, extraContentScriptMatches, GOVUK_MATCHES, NHS_UK_MATCHES } from '../../lib/detect/pages';
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
    // Issue 20: CQC's own site is an organisation's site (cqc.org.uk is CQC's domain in the index).
    expect(runs('https://www.cqc.org.uk/news')).toBe(true);
    expect(runs('https://example.org/')).toBe(false);
    expect(runs('https://nhs.uk.evil.example/')).toBe(false);
  });

  it('runs on GOV.UK’s organisation pages and the NHS zones of Wales, Scotland and Northern Ireland exactly, nowhere broader (issue 20)', async () => {
    const patterns = await contentScriptMatches();
    const runs = (url: string) => patterns.some((p) => p.includes(url));
    for (const url of [
      'https://www.gov.uk/government/organisations/nhs-england',
      'https://www.gov.uk/government/organisations/nhs-england/about',
      'https://bcuhb.nhs.wales/',
      'https://www.nhsggc.scot/',
      'https://belfasttrust.hscni.net/',
      'https://www.nss.nhs.scot/',
      'https://www.nice.org.uk/',
      'https://www.cqc.org.uk/about-us',
      'https://www.scottishambulance.com/',
    ])
      expect(runs(url), url).toBe(true);
    for (const url of [
      'https://www.gov.uk/',
      'https://www.gov.uk/government/publications/x',
      'https://www.gov.uk/government/organisations-fake/nhs-england',
      'https://gov.uk/government/organisations/nhs-england',
      'https://www.nhs.wales/',
      'https://other.nhs.wales/',
      'https://nhs.scot/',
      'https://other.nhs.scot/',
      'https://other.scot/',
      'https://hscni.net/',
      'https://other.hscni.net/',
      'https://www.gov.scot/',
      'https://other.org.uk/',
      'https://other.com/',
      'https://nhs-england.uk/',
      'https://england.nhs.uk.attacker.test/',
      'https://nhsggc-scot.example/',
    ])
      expect(runs(url), url).toBe(false);
    // Every pattern beyond CQC's and GOV.UK's is one host of the index with its subdomains: no wildcard zone.
    const index = loadBundledIndex();
    const hosts = new Set(
      index.organisations.flatMap((org) => [...org.domains, ...org.predecessors.flatMap((p) => p.domains)].map((d) => d.host)),
    );
    for (const pattern of extraContentScriptMatches(index).slice(CQC_MATCHES.length + GOVUK_MATCHES.length)) {
      expect(hosts.has(/^\*:\/\/\*\.(.+)\/\*$/.exec(pattern)?.[1] ?? ''), pattern).toBe(true);
    }
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
    expect(extraContentScriptMatches(index)).toEqual([...CQC_MATCHES, ...GOVUK_MATCHES, '*://*.alpha.co.uk/*', '*://*.zeta.org.uk/*']);
  });
});
