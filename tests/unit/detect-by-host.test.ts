import { describe, expect, it } from 'vitest';
import { detectByHost } from '../../lib/detect/detect-by-host';
import { hostSuffixes, pageHostname } from '../../lib/detect/page-url';
import { createHostTable } from '../../lib/index/lookup';
import { loadBundledIndex } from '../support/bundled-index';

const table = createHostTable(loadBundledIndex());
const idsFor = async (url: string) => (await detectByHost(url, table)).candidates.map((c) => c.organisation.id);

describe('detectByHost', () => {
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
    const { candidates } = await detectByHost('https://www.northmid.nhs.uk/', table);
    expect(candidates.map((c) => c.organisation.id)).toEqual(['RAL']);
    expect(candidates[0]?.evidence).toMatchObject({
      rule: 'former-domain',
      host: 'northmid.nhs.uk',
      predecessorId: 'RAP',
      until: '2025-01-01',
    });
    expect(candidates[0]?.confidence).toBe('medium');
  });

  it('gives the rule and host that matched as evidence', async () => {
    const { candidates } = await detectByHost('https://media.gosh.nhs.uk/x', table);
    expect(candidates[0]?.evidence).toEqual({ rule: 'domain', host: 'gosh.nhs.uk' });
    expect(candidates[0]?.confidence).toBe('high');
  });
});

describe('pageHostname', () => {
  it.each([
    ['https://WWW.UCLH.NHS.UK./', 'www.uclh.nhs.uk'],
    ['http://uclh.nhs.uk:80/', 'uclh.nhs.uk'],
    ['ftp://uclh.nhs.uk/', undefined],
    ['https://10.0.0.1/', undefined],
  ])('reads %s as %s', (url, host) => {
    expect(pageHostname(url)).toBe(host);
  });
});

describe('hostSuffixes', () => {
  it('lists the host and its parents, most specific first, without the top-level domain', () => {
    expect(hostSuffixes('www.uclh.nhs.uk')).toEqual(['www.uclh.nhs.uk', 'uclh.nhs.uk', 'nhs.uk']);
  });
});
