import { describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect/detect';
import { hostnameOf, hostSuffixes } from '../../lib/detect/page-url';
import { createIndexLookups } from '../../lib/index/lookup';
import { isHostWithin, normaliseHost } from '../../lib/net/hosts';
import { loadBundledIndex } from '../support/bundled-index';

const lookups = createIndexLookups(loadBundledIndex());
const idsFor = async (url: string) => (await detectPage(url, lookups)).candidates.map((c) => c.organisation.id);

describe('detectPage by domain', () => {
  it.each([
    ['https://www.guysandstthomas.nhs.uk/', 'RJ1'],
    ['https://guysandstthomas.nhs.uk', 'RJ1'],
    ['https://WWW.GuysAndStThomas.NHS.UK/about-us', 'RJ1'],
    ['https://www.guysandstthomas.nhs.uk./', 'RJ1'],
    ['https://www.guysandstthomas.nhs.uk:8443/news?x=1#top', 'RJ1'],
    ['http://www.uclh.nhs.uk/', 'RRV'],
    ['https://careers.uclh.nhs.uk/jobs', 'RRV'],
    ['https://a.b.c.uclh.nhs.uk/', 'RRV'],
    ['https://www.gosh.nhs.uk/', 'RP4'],
    ['https://mft.nhs.uk/', 'R0A'],
    ['https://www.leedsth.nhs.uk/', 'RR8'],
    ['https://gmintegratedcare.org.uk/', 'QOP'],
  ])('recognises %s as %s', async (url, id) => {
    expect(await idsFor(url)).toEqual([id]);
  });

  it.each([
    'https://nhs.uk.evil.example/',
    'https://guysandstthomas-nhs.uk/',
    'https://guysandstthomas.nhs.uk.evil.example/',
    'https://www.nhs.uk@evil.example/',
    'https://evil.example/?next=https://www.uclh.nhs.uk/',
    'https://evil.example/www.uclh.nhs.uk/',
    'https://www.nhs.uk/',
    'https://nhs.uk/',
    'https://www.xn--gysandstthomas-xob.nhs.uk/',
    'https://192.168.0.1/',
    'https://[::1]/',
    'file:///home/user/uclh.nhs.uk.html',
    'about:blank',
    'chrome://extensions',
    'javascript:alert(1)',
    'not a url',
    'https://en.wikipedia.org/wiki/University_College_London_Hospitals_NHS_Foundation_Trust',
    'https://www.bbc.co.uk/news/uclh',
  ])('does not recognise %s', async (url) => {
    expect(await idsFor(url)).toEqual([]);
  });

  it('returns every organisation that shares a group site', async () => {
    expect(await idsFor('https://www.nlg.nhs.uk/')).toEqual(['RJL', 'RWA']);
  });

  it('resolves a merged trust’s old domain to its successor and says so', async () => {
    const { candidates } = await detectPage('https://www.northmid.nhs.uk/', lookups);
    expect(candidates.map((c) => c.organisation.id)).toEqual(['RAL']);
    expect(candidates[0]?.evidence).toMatchObject({
      rule: 'domain',
      value: 'northmid.nhs.uk',
      predecessor: { id: 'RAP', until: '2025-01-01' },
    });
    expect(candidates[0]?.confidence).toBe('medium');
  });

  it('gives the rule and host that matched as evidence', async () => {
    const { candidates } = await detectPage('https://media.gosh.nhs.uk/x', lookups);
    expect(candidates[0]?.evidence).toEqual({ rule: 'domain', value: 'gosh.nhs.uk', where: 'media.gosh.nhs.uk' });
    expect(candidates[0]?.confidence).toBe('high');
  });
});

describe('hostnameOf', () => {
  it.each([
    ['https://WWW.UCLH.NHS.UK./', 'www.uclh.nhs.uk'],
    ['http://uclh.nhs.uk:80/', 'uclh.nhs.uk'],
    ['ftp://uclh.nhs.uk/', undefined],
    ['https://10.0.0.1/', undefined],
  ])('reads %s as %s', (url, host) => {
    expect(hostnameOf(new URL(url))).toBe(host);
  });
});

describe('isHostWithin', () => {
  it.each([
    ['nuh.nhs.uk', 'nuh.nhs.uk', true],
    ['www.nuh.nhs.uk', 'nuh.nhs.uk', true],
    ['evilnuh.nhs.uk', 'nuh.nhs.uk', false],
    ['nhs.uk', 'nuh.nhs.uk', false],
  ])('%s within %s: %s', (host, domain, within) => {
    expect(isHostWithin(host, domain)).toBe(within);
  });
});

describe('normaliseHost', () => {
  it.each([
    [' WWW.UCLH.NHS.UK. ', 'uclh.nhs.uk', 'www.uclh.nhs.uk'],
    ['uclh.nhs.uk..', 'uclh.nhs.uk', 'uclh.nhs.uk'],
    ['wwwx.nhs.uk', 'wwwx.nhs.uk', 'wwwx.nhs.uk'],
    // m. is the same site only on a social platform (profile-url.ts), never on an organisation's host.
    ['m.example.nhs.uk', 'm.example.nhs.uk', 'm.example.nhs.uk'],
    ['www.www.example.org', 'www.example.org', 'www.www.example.org'],
  ])('reads %j as %s, or %s keeping www.', (raw, site, host) => {
    expect(normaliseHost(raw)).toBe(site);
    expect(normaliseHost(raw, { keepWww: true })).toBe(host);
  });
});

describe('hostSuffixes', () => {
  it('lists the host and its parents, most specific first, without the top-level domain', () => {
    expect(hostSuffixes('www.uclh.nhs.uk')).toEqual(['www.uclh.nhs.uk', 'uclh.nhs.uk', 'nhs.uk']);
  });
});

describe('detectPage on NHS website service pages and CQC pages', () => {
  it.each([
    ['https://www.nhs.uk/services/hospital/st-thomas-hospital/RJ122', 'RJ1', 'site-code', 'RJ122'],
    ['https://www.nhs.uk/services/hospital/university-college-hospital/RRV03/services', 'RRV', 'site-code', 'RRV03'],
    ['https://www.nhs.uk/services/trust/great-ormond-street/RP4', 'RP4', 'organisation-code', 'RP4'],
    ['https://www.cqc.org.uk/provider/RJ1', 'RJ1', 'organisation-code', 'RJ1'],
    ['https://www.cqc.org.uk/provider/RJ1/inspection-summary', 'RJ1', 'organisation-code', 'RJ1'],
    ['https://www.cqc.org.uk/location/RRV03', 'RRV', 'site-code', 'RRV03'],
    ['https://www.cqc.org.uk/location/rrv03', 'RRV', 'site-code', 'RRV03'],
  ])('recognises %s as %s by %s', async (url, id, rule, value) => {
    const { candidates } = await detectPage(url, lookups);
    expect(candidates.map((c) => c.organisation.id)).toEqual([id]);
    expect(candidates[0]?.evidence).toMatchObject({ rule, value });
    expect(candidates[0]?.confidence).toBe('high');
  });

  it('resolves an old code to the successor, naming the predecessor', async () => {
    const { candidates } = await detectPage('https://www.cqc.org.uk/location/RAP01', lookups);
    expect(candidates.map((c) => c.organisation.id)).toEqual(['RAL']);
    expect(candidates[0]?.evidence).toMatchObject({ rule: 'site-code', value: 'RAP01', predecessor: { id: 'RAP' } });
    expect(candidates[0]?.confidence).toBe('medium');
  });

  it.each([
    'https://www.nhs.uk/conditions/flu/',
    'https://www.nhs.uk/services/gp-surgery/some-practice/A81001',
    'https://www.nhs.uk/services/pharmacy/some-pharmacy/FA123',
    'https://www.nhs.uk/services/hospital/st-thomas-hospital/',
    'https://www.nhs.uk/RJ122',
    'https://www.cqc.org.uk/provider/1-101667001',
    'https://www.cqc.org.uk/location/1-123456789',
    'https://cqc.org.uk.evil.example/provider/RJ1',
    'https://evil.example/services/hospital/x/RJ122',
  ])('does not recognise %s', async (url) => {
    expect(await idsFor(url)).toEqual([]);
  });
});

describe('detectPage on CQC’s own site (issue 20)', () => {
  it.each(['https://www.cqc.org.uk/', 'https://www.cqc.org.uk/news/stories/rj1', 'https://cqc.org.uk/about-us'])(
    'recognises %s as CQC by its domain, not as the trust a path names',
    async (url) => {
      const { candidates } = await detectPage(url, lookups);
      expect(candidates.map((c) => c.organisation.id)).toEqual(['govuk:care-quality-commission']);
      expect(candidates[0]?.evidence).toMatchObject({ rule: 'domain', value: 'cqc.org.uk' });
    },
  );
});

describe('detectPage on social profiles', () => {
  it.each([
    ['https://x.com/GreatOrmondSt', 'RP4', 'high'],
    ['https://twitter.com/greatormondst?lang=en', 'RP4', 'high'],
    ['https://mobile.twitter.com/GreatOrmondSt/', 'RP4', 'high'],
    ['https://www.facebook.com/GuysandStThomasNHS', 'RJ1', 'low'],
    ['https://www.linkedin.com/company/nhsengland/', 'X24', 'high'],
  ])('finds the organisation behind %s', async (url, id, confidence) => {
    const { candidates } = await detectPage(url, lookups);
    expect(candidates.map((c) => c.organisation.id)).toEqual([id]);
    expect(candidates[0]?.evidence.rule).toBe('social-profile');
    expect(candidates[0]?.confidence).toBe(confidence);
  });

  it.each([
    'https://x.com/home',
    'https://x.com/explore',
    'https://x.com/search?q=GreatOrmondSt',
    'https://x.com/settings/profile',
    'https://x.com/i/flow/login',
    'https://x.com/intent/tweet?text=GreatOrmondSt',
    'https://x.com/SomeoneElse',
    'https://www.facebook.com/sharer/sharer.php?u=https://www.gosh.nhs.uk/',
    'https://www.linkedin.com/in/someone',
  ])('never matches %s', async (url) => {
    expect(await idsFor(url)).toEqual([]);
  });

  it('recognises a profile that an organisation’s own site was seen linking to', async () => {
    const leeds = (await lookups.byCode('RR8'))[0]!;
    const sightings = (key: string) => (key === 'x:lthtrust' ? [{ organisation: leeds, pageHost: 'www.leedsth.nhs.uk' }] : []);
    const { candidates } = await detectPage('https://x.com/LTHTrust', lookups, sightings);
    expect(candidates.map((c) => c.organisation.id)).toEqual(['RR8']);
    expect(candidates[0]?.evidence).toMatchObject({ rule: 'linked-from-site', value: 'www.leedsth.nhs.uk', platform: 'x' });
    expect(candidates[0]?.confidence).toBe('medium');
  });
});
