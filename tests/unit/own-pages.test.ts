import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NhsIndex, Organisation } from '../../lib/index/schema';
import type { BuildReport } from '../../lib/index-build/build-report';
import { parseTableRecords, parseTsvRecords } from '../../lib/index-build/csv';
import { addOwnPages, OWN_PAGES_READ_ON } from '../../lib/index-build/own-pages';
import { adoptionOf } from '../../lib/metrics/adoption';
import { makeAccount, makeOrganisation } from '../support/index-factory';

const HEADER = 'ods_code\torg_name\tpage_url\tplatforms_named\thandles_named\tdate_hint\tnote';
const emptyReport = (): BuildReport => ({ inputs: [], dropped: [], conflicts: [] });
const rowsOf = (...lines: string[]) => parseTsvRecords([HEADER, ...lines].join('\n'));
const orgs = (...list: Organisation[]) => new Map(list.map((o) => [o.id, o]));

describe('parseTsvRecords', () => {
  it('keeps quotes as written and splits only on tabs', () => {
    expect(parseTsvRecords('a\tb\n"x, y"\tsay "hi"\r\n\n')).toEqual([{ a: '"x, y"', b: 'say "hi"' }]);
  });
  it('is chosen for .tsv files only', () => {
    expect(parseTableRecords('t.tsv', 'a\tb\n1\t2')).toEqual([{ a: '1', b: '2' }]);
    expect(parseTableRecords('t.csv', 'a,b\n1,2')).toEqual([{ a: '1', b: '2' }]);
  });
});

describe('addOwnPages', () => {
  it("makes a handle named on the organisation's own host an official account, and named platforms unnamed-account checks", () => {
    const org = makeOrganisation();
    const report = emptyReport();
    const sources = addOwnPages(
      orgs(org),
      rowsOf('RRV\tUCLH\thttps://www.uclh.nhs.uk/social-media\tx,facebook,instagram\tx:UCLH\tafter July 2023\t"Follow us"'),
      report,
    );
    expect(org.accounts).toEqual([
      expect.objectContaining({
        platform: 'x',
        handle: 'UCLH',
        verification: 'official',
        source: 'own-page-rrv-1',
        checked: OWN_PAGES_READ_ON,
      }),
    ]);
    expect(org.platformChecks.map((c) => [c.platform, c.result])).toEqual([
      ['facebook', 'account-unnamed'],
      ['instagram', 'account-unnamed'],
    ]);
    expect(org.platformChecks[0]?.note).toContain('after July 2023');
    expect(sources).toEqual([
      expect.objectContaining({ id: 'own-page-rrv-1', url: 'https://www.uclh.nhs.uk/social-media', date: OWN_PAGES_READ_ON }),
    ]);
    expect(adoptionOf(org).level).toBe('several-platforms');
  });

  it('gives only unverified accounts from a page on a host the organisation does not own, and says so', () => {
    const org = makeOrganisation();
    addOwnPages(orgs(org), rowsOf('RRV\tUCLH\thttps://uclh.trustsrv.io/social\tx\tx:UCLH\tundated\tq'), emptyReport());
    expect(org.accounts[0]?.verification).toBe('unverified');
    expect(org.accounts[0]?.note).toContain('uclh.trustsrv.io');
  });

  it("counts a predecessor's host as the organisation's own (an older site)", () => {
    const org = makeOrganisation({
      predecessors: [
        { id: 'RXX', name: 'Old Trust', domains: [{ host: 'old.nhs.uk', source: 'test-source', checked: '2020' }], source: 'test-source' },
      ],
    } as Partial<Organisation>);
    addOwnPages(orgs(org), rowsOf('RRV\tUCLH\thttp://www.old.nhs.uk/social\tx\tx:OldTrust\tundated\tq'), emptyReport());
    expect(org.accounts[0]?.verification).toBe('official');
  });

  it('refuses what it cannot use, with a reason: unknown organisation, unknown platform, a handle that is not one, an empty page', () => {
    const org = makeOrganisation();
    const report = emptyReport();
    addOwnPages(
      orgs(org),
      rowsOf(
        'ZZZ\tNobody\thttps://nobody.nhs.uk/\tx\t\tundated\tq',
        'RRV\tUCLH\thttps://uclh.nhs.uk/a\tvimeo\tyoutube:justaname\tundated\tq',
        'RRV\tUCLH\thttps://uclh.nhs.uk/b\t\t\tundated\tq',
        'RRV\tUCLH\tnot a url\tx\t\tundated\tq',
      ),
      report,
    );
    expect(report.dropped.map((d) => d.reason)).toEqual([
      'organisation is not in the index (no current ODS code)',
      'the page address is not a web address',
      expect.stringContaining('YouTube'),
      'unknown platform vimeo',
      'the page names no platform and no account',
    ]);
    expect(org.accounts).toEqual([]);
    expect(org.platformChecks).toEqual([]);
  });

  it("outranks another source's record of the same account, keeping its figures and reporting the choice", () => {
    const metrics = { followers: 10, checked: '2024-01-01', source: 'test-source' } as never;
    const org = makeOrganisation({
      accounts: [makeAccount({ handle: 'UCLH', url: 'https://x.com/UCLH', verification: 'unverified', metrics })],
    });
    const report = emptyReport();
    addOwnPages(orgs(org), rowsOf('RRV\tUCLH\thttps://uclh.nhs.uk/s\tx\tx:uclh\tundated\tq'), report);
    expect(org.accounts).toHaveLength(1);
    expect(org.accounts[0]).toEqual(expect.objectContaining({ verification: 'official', source: 'own-page-rrv-1', metrics }));
    expect(report.conflicts).toEqual([expect.objectContaining({ kept: 'own-page-rrv-1', dropped: 'test-source' })]);
  });

  it('cites the own host first when two pages name the same account, and adds no check where an account exists', () => {
    const org = makeOrganisation();
    const sources = addOwnPages(
      orgs(org),
      rowsOf(
        'RRV\tUCLH\thttps://uclh.trustsrv.io/s\tx,facebook\tx:UCLH\tundated\tq',
        'RRV\tUCLH\thttps://uclh.nhs.uk/s\tx,facebook\tx:UCLH\tundated\tq',
      ),
      emptyReport(),
    );
    expect(org.accounts).toEqual([expect.objectContaining({ verification: 'official', source: 'own-page-rrv-1' })]);
    expect(org.platformChecks.map((c) => c.platform)).toEqual(['facebook']);
    expect(sources.map((s) => s.url)).toEqual(['https://uclh.nhs.uk/s']);
  });
});

describe('the bundled index and the 2026-11 own pages', () => {
  const index = JSON.parse(readFileSync(join(process.cwd(), 'assets/index.json'), 'utf8')) as NhsIndex;
  const byId = new Map(index.organisations.map((o) => [o.id, o]));

  it("says what Mersey Care's own page says: five platforms, none named, so 'Several platforms'", () => {
    const org = byId.get('RW4');
    expect(org?.platformChecks.map((c) => c.platform).sort()).toEqual(['bluesky', 'facebook', 'instagram', 'linkedin', 'x']);
    expect(org && adoptionOf(org).level).toBe('several-platforms');
    expect(index.sources.find((s) => s.id === 'own-page-rw4-1')?.url).toBe('https://merseycare.nhs.uk/social-media');
  });

  it('names only the handles the pages name (NSFT on X and Facebook), never a guessed one', () => {
    expect(byId.get('RMY')?.accounts.map((a) => `${a.platform}:${a.handle}:${a.verification}`)).toEqual([
      'facebook:NSFTMentalHealth:official',
      'x:NSFTtweets:official',
    ]);
    // The older Leeds page names a YouTube channel only by a bare name: no URL is guessed for it.
    expect(byId.get('RGD')?.accounts.some((a) => a.platform === 'youtube')).toBe(false);
  });

  const sharedFile = join(process.cwd(), '../shared/data/social/own-pages-2026-11.tsv');
  it.skipIf(!existsSync(sharedFile))('vendors the shared table byte for byte (skipped where ../shared is absent)', () => {
    expect(readFileSync(join(process.cwd(), 'data/sources/own-pages-2026-11.tsv'), 'utf8')).toBe(readFileSync(sharedFile, 'utf8'));
  });
  if (!existsSync(sharedFile)) console.warn('notice: ../shared is absent, so the own-pages comparison is skipped');
});
