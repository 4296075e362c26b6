import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import {
  GOVUK_MATCHES,
  NHS_UK_MATCHES,
  NHS_WEBSITE_MATCHES,
  OPTIONAL_PAGE_MATCHES,
  pageMatcher,
  pageMatchPatterns,
  readablePatterns,
  underPagePatterns,
} from '../../lib/detect/pages';
import { sharedZoneProblem } from '../../lib/index/host-rules';
import { loadBundledIndex } from '../support/bundled-index';
import { makeIndex, makeOrganisation } from '../support/index-factory';

/** Where the background reads pages (issue 22) without the optional grant: the build's host permissions (wxt.config.ts). */
const runs = pageMatcher(pageMatchPatterns(loadBundledIndex()));

describe('which pages matter (lib/detect/pages.ts)', () => {
  it('starts with the NHS website; every nhs.uk site is optional, read once the user allows it (issue 28)', () => {
    expect(pageMatchPatterns(makeIndex()).slice(0, NHS_WEBSITE_MATCHES.length)).toEqual(NHS_WEBSITE_MATCHES);
    expect(OPTIONAL_PAGE_MATCHES).toEqual(['*://*.nhs.uk/*']);
    expect(readablePatterns(makeIndex())).toEqual([...pageMatchPatterns(makeIndex()), ...NHS_UK_MATCHES]);
    const index = loadBundledIndex();
    expect(runs('https://www.unknown-trust.nhs.uk/')).toBe(false);
    expect(pageMatcher(readablePatterns(index))('https://www.unknown-trust.nhs.uk/')).toBe(true);
  });

  it('never asks at install for a wildcard over a public suffix or a shared zone, nor for GOV.UK (issue 28)', () => {
    for (const pattern of pageMatchPatterns(loadBundledIndex())) {
      const host = /^\*:\/\/(?:\*\.)?([^/]+)\/\*$/.exec(pattern)?.[1] ?? '';
      expect(host, pattern).not.toBe('');
      if (pattern.startsWith('*://*.')) expect(sharedZoneProblem(host), pattern).toBeUndefined();
      expect(['gov.uk', 'www.gov.uk'], pattern).not.toContain(host);
    }
  });

  it('runs on every current and former domain of the bundled index, on CQC pages, and nowhere else', () => {
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

  it('runs on the NHS zones of Wales, Scotland and Northern Ireland exactly, nowhere broader, and not on GOV.UK (issues 20, 28)', () => {
    for (const url of [
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
      ...GOVUK_MATCHES.map((p) => p.replace('*://', 'https://').replace('/*', '/nhs-england')),
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
    // Every pattern beyond the NHS website's is one host of the index (or CQC's) with its subdomains: no wildcard zone.
    const index = loadBundledIndex();
    const hosts = new Set(
      index.organisations.flatMap((org) => [...org.domains, ...org.predecessors.flatMap((p) => p.domains)].map((d) => d.host)),
    );
    for (const pattern of pageMatchPatterns(index).slice(NHS_WEBSITE_MATCHES.length)) {
      expect(hosts.has(/^\*:\/\/\*\.(.+)\/\*$/.exec(pattern)?.[1] ?? ''), pattern).toBe(true);
    }
  });

  it('lists each host once with its subdomains, a host under another one left out, CQC’s site by host, sorted, current and former', () => {
    const index = makeIndex([
      makeOrganisation({
        id: 'RJ1',
        domains: [
          { host: 'zeta.org.uk', source: 'test', checked: '2026' },
          { host: 'gstt.nhs.uk', source: 'test', checked: '2026' },
          { host: 'www.gstt.nhs.uk', source: 'test', checked: '2026' },
        ],
        predecessors: [{ id: 'RJ0', domains: [{ host: 'alpha.co.uk', source: 'test', checked: '2026' }], source: 'test' }],
      }),
      makeOrganisation({ id: 'RJ2', domains: [{ host: 'zeta.org.uk', source: 'test', checked: '2026' }] }),
    ]);
    expect(pageMatchPatterns(index)).toEqual([
      ...NHS_WEBSITE_MATCHES,
      '*://*.alpha.co.uk/*',
      '*://*.cqc.org.uk/*',
      '*://*.gstt.nhs.uk/*',
      '*://*.zeta.org.uk/*',
    ]);
  });

  it('matches an address exactly as the browser matches a content script’s patterns (WXT’s MatchPattern)', () => {
    // The readable patterns: the install's hosts and the optional nhs.uk zone.
    const patterns = readablePatterns(loadBundledIndex());
    const matcher = pageMatcher(patterns);
    const compiled = patterns.map((p) => new MatchPattern(p));
    const host = fc.oneof(
      fc.constantFrom(
        'www.uclh.nhs.uk',
        'nhs.uk',
        'www.cqc.org.uk',
        'cqc.org.uk',
        'www.gov.uk',
        'gov.uk',
        'www.nhsggc.scot',
        'nhsggc.scot',
      ),
      fc.constantFrom('example.org', 'nhs.uk.example', 'evil-nhs.uk', 'xnhs.uk', 'www.nice.org.uk', 'nice.org.uk.example'),
      fc.domain(),
    );
    const path = fc.oneof(
      fc.constantFrom(
        '/',
        '/provider/RJ1',
        '/location/RJ122',
        '/government/organisations/nhs-england',
        '/government/organisationsx',
        '/news?q=1',
      ),
      fc.webPath(),
    );
    fc.assert(
      fc.property(fc.constantFrom('https', 'http', 'ftp', 'file'), host, path, (scheme, h, p) => {
        const url = `${scheme}://${h}${p || '/'}`;
        if (!URL.canParse(url)) return;
        expect(matcher(url), url).toBe(compiled.some((m) => m.includes(url)));
      }),
      { numRuns: 400 },
    );
  });

  it('matches nothing for a pattern the browser would refuse, or an address that is not one', () => {
    expect(pageMatcher(['<all_urls>', 'https://*.nhs.uk', 'https://a*b.nhs.uk/*'])('https://www.uclh.nhs.uk/')).toBe(false);
    expect(pageMatcher(NHS_UK_MATCHES)('not an address')).toBe(false);
    expect(pageMatcher(NHS_UK_MATCHES)('javascript:alert(1)//www.uclh.nhs.uk/')).toBe(false);
  });
});

describe('underPagePatterns (issue 26)', () => {
  // The hosts the extension may read, the optional nhs.uk grant included (the build's PAGE_MATCHES, issue 28).
  const under = underPagePatterns(
    readablePatterns(
      makeIndex([makeOrganisation({ domains: [{ host: 'example-trust.org.uk', source: 'test-source', checked: '2026-08-01' }] })]),
    ),
  );

  it.each([
    ['social.example-trust.org.uk', true],
    ['example-trust.org.uk', true],
    ['anything.nhs.uk', true],
    ['www.cqc.org.uk', true],
    // Not asked for since issue 28 (host permissions ignore paths); gov.uk is an NHS and government zone for profiles anyway.
    ['www.gov.uk', false],
    ['mastodon.example', false],
    ['not-example-trust.org.uk', false],
    ['org.uk', false],
  ])('%s is under the install-time hosts: %s', (host, expected) => {
    expect(under(host)).toBe(expected);
  });
});
