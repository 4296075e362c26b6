import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../lib/index/schema';
import { type BuildInputs, buildIndex, readSourceTables } from '../../lib/index-build/build-index';
import type { BuildReport } from '../../lib/index-build/build-report';
import { addCcgPredecessors } from '../../lib/index-build/ccgs';
import { parseTableRecords } from '../../lib/index-build/csv';
import { addDevolvedDomains, addDevolvedOrganisations } from '../../lib/index-build/devolved';
import { addLegacyBodies } from '../../lib/index-build/legacy-bodies';
import { addNationalBodyDomains } from '../../lib/index-build/national-body-domains';
import { indexStats } from '../../lib/index-build/stats';
import { addTrustTypes } from '../../lib/index-build/trust-types';
import { makeIndex, makeOrganisation } from '../support/index-factory';

/** Issue 20: what the new tables add to the index, each fact with its source and date. */
const SOURCES_DIR = join(process.cwd(), 'data/sources');
const inputs: BuildInputs = {
  ...readSourceTables((name) => parseTableRecords(name, readFileSync(join(SOURCES_DIR, name), 'utf8'))),
  release: { indexVersion: 2, generatedAt: '2026-11-28T00:00:00.000Z' },
};
const { index, report } = buildIndex(inputs);
const byId = new Map(index.organisations.map((org) => [org.id, org]));
const hosts = (id: string) => byId.get(id)?.domains.map((d) => d.host);
const predecessor = (id: string, of: string) => byId.get(of)?.predecessors.find((p) => p.id === id);
const emptyReport = (): BuildReport => ({ inputs: [], dropped: [], conflicts: [] });

describe('the bundled build, issue 20', () => {
  it('gives the national bodies their own websites, from their own pages', () => {
    expect(hosts('X24')).toEqual(['england.nhs.uk']);
    expect(byId.get('X24')?.domains[0]).toMatchObject({ source: 'pg-nhse', checked: expect.stringMatching(/^\d{4}/) });
    expect(hosts('govuk:nhs-blood-and-transplant')).toEqual(['nhsbt.nhs.uk']);
    expect(hosts('govuk:national-institute-for-clinical-excellence')).toEqual(['nice.org.uk']);
    expect(hosts('govuk:care-quality-commission')).toEqual(['cqc.org.uk']);
    expect(byId.get('X24')?.homepage).toBe('https://www.gov.uk/government/organisations/nhs-england');
  });

  it('gives legacy bodies their old domains and their successors, with the date GOV.UK gives', () => {
    expect(predecessor('govuk:nhs-digital', 'X24')).toMatchObject({
      until: '2023-02-01',
      domains: [expect.objectContaining({ host: 'digital.nhs.uk', source: 'pg-nhsd' })],
    });
    expect(predecessor('govuk:health-education-england', 'X24')).toMatchObject({
      until: '2023-04-01',
      domains: [expect.objectContaining({ host: 'hee.nhs.uk' })],
    });
    expect(predecessor('england:nhsx', 'X24')).toMatchObject({ domains: [expect.objectContaining({ host: 'nhsx.nhs.uk' })] });
    expect(predecessor('england:nhsx', 'X24')?.until).toBeUndefined();
    expect(predecessor('england:hsib', 'govuk:health-services-safety-investigations-body')).toMatchObject({ until: '2023-10-01' });
    expect(predecessor('england:nhs-protect', 'govuk:nhs-counter-fraud-authority')).toMatchObject({ until: '2017-11-01', domains: [] });
  });

  it('makes every CCG a predecessor of the current ICB(s) it ended in, with its 2019 website and no guessed date', () => {
    expect(predecessor('00C', 'QHM')).toEqual({
      id: '00C',
      name: 'NHS Darlington CCG',
      domains: [{ host: 'darlingtonccg.nhs.uk', source: 'nhs-website-ccgs-2019-05', checked: '2019-05-22' }],
      source: 'ods-eccg-2025',
    });
    // Ipswich and East Suffolk CCG ended in Suffolk and North East Essex ICB, split in April 2026.
    const owners = index.organisations.filter((o) => o.predecessors.some((p) => p.id === '06L')).map((o) => o.id);
    expect(owners).toEqual(['D7T5G', 'T6Y0W']);
    const ccgs = index.organisations.flatMap((o) => o.predecessors.filter((p) => p.source === 'ods-eccg-2025'));
    expect(new Set(ccgs.map((p) => p.id)).size).toBe(283);
    expect(ccgs.every((p) => p.until === undefined)).toBe(true);
    // A host the 2019 file gives that is a place name, not the CCG's alone, is left out.
    expect(ccgs.flatMap((p) => p.domains.map((d) => d.host))).not.toContain('nottinghamcity.nhs.uk');
  });

  it('lists the NHS in Wales, Scotland and Northern Ireland with their codes, countries and domains', () => {
    expect(byId.get('7A1')).toMatchObject({ kind: 'health-board', country: 'Wales', region: 'Wales' });
    expect(hosts('7A1')).toEqual(['bcuhb.nhs.wales']);
    expect(byId.get('S08000031')).toMatchObject({ kind: 'health-board', codeScheme: 'gss', country: 'Scotland' });
    expect(hosts('S08000031')).toEqual(['nhsggc.scot', 'nhsggc.org.uk']);
    expect(predecessor('S08000021', 'S08000031')).toMatchObject({ until: '2019-04-01' });
    expect(byId.get('SB0806')).toMatchObject({ kind: 'national-body', codeScheme: 'phs', country: 'Scotland' });
    expect(predecessor('SB0804', 'scot:public-health-scotland')).toMatchObject({
      domains: [expect.objectContaining({ host: 'healthscotland.scot' })],
    });
    expect(byId.get('hscni:belfast-trust')).toMatchObject({ kind: 'trust', trustType: 'unknown', country: 'Northern Ireland' });
    expect(hosts('hscni:business-services-organisation')).toEqual(['bso.hscni.net', 'hscbusiness.hscni.net']);
    expect(predecessor('nhs-wales:nhs-wales-executive', 'nhs-wales:nhs-wales-performance-and-improvement')?.domains[0]?.host).toBe(
      'executive.nhs.wales',
    );
    expect(hosts('RT4')).toEqual(['ambulance.wales.nhs.uk', 'ambulance.nhs.wales', 'was-tr.wales.nhs.uk']);
    expect(byId.has('SN0811')).toBe(false);
  });

  it('reads trust types from ERIC, never from words in a name, for at least 95% of trusts', () => {
    expect(byId.get('R0A')).toMatchObject({
      trustType: 'acute',
      trustTypeSource: { classification: 'ACUTE - TEACHING', source: 'eric-2023-24', checked: '2024-03-31' },
    });
    expect(byId.get('TAJ')?.trustType).toBe('mental-health');
    expect(byId.get('G6V2S')?.trustTypeSource?.source).toBe('eric-2024-25-sites');
    // "Ambulance" in a name is not a classification: the Welsh ambulance trust has none.
    expect(byId.get('RT4')?.trustType).toBe('unknown');
    expect(byId.get('RT4')?.trustTypeSource).toBeUndefined();
    const trusts = index.organisations.filter((o) => o.kind === 'trust');
    expect(trusts.filter((o) => o.trustType !== 'unknown').length / trusts.length).toBeGreaterThanOrEqual(0.95);
  });

  it('lists exactly the pages its facts cite, each once', () => {
    const pageIds = new Set(inputs.evidencePages.map((row) => row.source_id));
    const listed = index.sources.filter((s) => pageIds.has(s.id)).map((s) => s.id);
    expect(new Set(listed).size).toBe(listed.length);
    const cited = new Set(
      index.organisations.flatMap((o) => [
        o.source,
        ...o.domains.map((d) => d.source),
        ...o.predecessors.flatMap((p) => [p.source, ...p.domains.map((d) => d.source)]),
      ]),
    );
    expect(listed.every((id) => cited.has(id))).toBe(true);
    expect([...cited].filter((id) => pageIds.has(id)).sort()).toEqual([...listed].sort());
  });

  it('drops nothing from the issue-20 tables', () => {
    const tables = [
      'national-body-domains.csv',
      'legacy-bodies.csv',
      'ccgs.csv',
      'devolved-organisations.csv',
      'devolved-domains.csv',
      'trust-types.csv',
    ];
    expect(report.dropped.filter((d) => tables.includes(d.table))).toEqual([]);
  });
});

describe('the issue-20 readers, on rows of their own', () => {
  const body = (overrides: Partial<Organisation> = {}) =>
    makeOrganisation({
      id: 'govuk:x-body',
      kind: 'national-body',
      region: 'national',
      domains: [],
      homepage: 'https://www.gov.uk/government/organisations/x-body',
      ...overrides,
    });

  it('reports a row for a body, successor or ICB that is not in the index, and adds nothing for it', () => {
    const organisations = new Map([['govuk:x-body', body()]]);
    const r = emptyReport();
    addNationalBodyDomains(organisations, [{ govuk_slug: 'y-body', host: 'y.example.org', source_id: 's', checked: '2026' }], r);
    addLegacyBodies(organisations, [{ id: 'england:gone', name: 'Gone', successor_id: 'govuk:nowhere', source_id: 's' }], r);
    addCcgPredecessors(organisations, [{ ccg_code: '99Z', icb_2025: 'QZZ', host: 'zccg.nhs.uk' }], [], r);
    addDevolvedOrganisations(
      organisations,
      [{ id: 'scot:x', country: 'Narnia', kind: 'national-body', name: 'X', region: 'national', source_id: 's' }],
      r,
    );
    addDevolvedDomains(organisations, [{ id: 'scot:nobody', host: 'nobody.scot', source_id: 's', checked: '2026' }], r);
    addTrustTypes(
      organisations,
      [{ ods_code: 'RZZ', eric_trust_type: 'AMBULANCE', trust_type: 'ambulance', source_id: 's', checked: '2024' }],
      r,
    );
    expect(r.dropped.map((d) => d.table)).toEqual([
      'national-body-domains.csv',
      'legacy-bodies.csv',
      'ccgs.csv',
      'devolved-organisations.csv',
      'devolved-domains.csv',
      'trust-types.csv',
    ]);
    expect([...organisations.keys()]).toEqual(['govuk:x-body']);
    expect(organisations.get('govuk:x-body')).toEqual(body());
  });

  it('never lets a shared zone become a body’s domain', () => {
    const organisations = new Map([['govuk:x-body', body()]]);
    const r = emptyReport();
    addNationalBodyDomains(organisations, [{ govuk_slug: 'x-body', host: 'hscni.net', source_id: 's', checked: '2026' }], r);
    addDevolvedDomains(organisations, [{ id: 'govuk:x-body', host: 'nhs.wales', source_id: 's', checked: '2026' }], r);
    expect(organisations.get('govuk:x-body')?.domains).toEqual([]);
    expect(r.dropped).toHaveLength(2);
  });

  it('follows a CCG’s ICB through its April 2026 merger to the current ICB', () => {
    const current = makeOrganisation({ id: 'S1Y5D', kind: 'icb', domains: [] });
    const organisations = new Map([['S1Y5D', current]]);
    const icbs = [{ ods_code: 'QHG', status: 'dissolved 2026-04-01', successor_codes: 'S1Y5D' }];
    addCcgPredecessors(
      organisations,
      [{ ccg_code: '06F', name: 'NHS Bedfordshire CCG', icb_2025: 'QHG', host: 'bedfordshireccg.nhs.uk' }],
      icbs,
      emptyReport(),
    );
    expect(current.predecessors).toEqual([
      expect.objectContaining({
        id: '06F',
        name: 'NHS Bedfordshire CCG',
        domains: [expect.objectContaining({ host: 'bedfordshireccg.nhs.uk' })],
      }),
    ]);
  });
});

describe('indexStats, issue 20', () => {
  it('counts by country and kind, the trust types known, and who still has no domain', () => {
    const stats = indexStats(
      makeIndex([
        makeOrganisation({ id: 'RRV', trustType: 'acute' }),
        makeOrganisation({ id: 'RT4', country: 'Wales', region: 'Wales', trustType: 'unknown' }),
        makeOrganisation({ id: 'hscni:belfast-trust', country: 'Northern Ireland', domains: [] }),
        makeOrganisation({ id: 'S08000031', kind: 'health-board', country: 'Scotland' }),
        makeOrganisation({
          id: 'govuk:x-body',
          kind: 'national-body',
          domains: [],
          homepage: 'https://www.gov.uk/government/organisations/x-body',
        }),
      ]),
    );
    expect(stats.byCountry).toEqual({ England: 2, Wales: 1, Scotland: 1, 'Northern Ireland': 1 });
    expect(stats.byCountryAndKind).toEqual({
      England: { trust: 1, 'national-body': 1 },
      Wales: { trust: 1 },
      Scotland: { 'health-board': 1 },
      'Northern Ireland': { trust: 1 },
    });
    expect(stats.trustTypesKnown).toEqual({ count: 1, of: 3, share: 0.333 });
    expect(stats.withoutDomain).toEqual([{ id: 'hscni:belfast-trust', name: 'University College London Hospitals NHS Foundation Trust' }]);
    expect(stats.govukPageOnly.map((o) => o.id)).toEqual(['govuk:x-body']);
  });
});
