import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateIndex } from '../../lib/index/validate';
import { type BuildInputs, buildIndex, readSourceTables } from '../../lib/index-build/build-index';
import { factDate } from '../../lib/index-build/cells';
import { parseCsv, parseCsvRecords, parseTableRecords } from '../../lib/index-build/csv';
import { titleCaseOdsName } from '../../lib/index-build/names';
import { serialiseIndex } from '../../lib/index-build/serialise-index';

const SOURCES_DIR = join(process.cwd(), 'data/sources');
const SHARED_DATA = join(process.cwd(), '../shared/data');

function inputsFrom(dir: string): BuildInputs {
  return {
    ...readSourceTables((name) => parseTableRecords(name, readFileSync(join(dir, name), 'utf8'))),
    release: JSON.parse(readFileSync(join(process.cwd(), 'data/index-release.json'), 'utf8')),
  };
}

const built = buildIndex(inputsFrom(SOURCES_DIR));
const byId = new Map(built.index.organisations.map((org) => [org.id, org]));

describe('buildIndex', () => {
  it('is deterministic: two builds give identical bytes', () => {
    expect(serialiseIndex(buildIndex(inputsFrom(SOURCES_DIR)).index)).toBe(serialiseIndex(built.index));
  });

  it('produces the committed bundled index exactly', () => {
    expect(readFileSync(join(process.cwd(), 'assets/index.json'), 'utf8')).toBe(serialiseIndex(built.index));
  });

  it('passes the validator the extension ships', () => {
    expect(validateIndex(built.index).ok).toBe(true);
  });

  it('covers every current trust and ICB in the sources', () => {
    // The trusts table's 206 (England and Wales) and, since issue 20, Northern Ireland's six HSC trusts.
    expect(built.index.organisations.filter((o) => o.kind === 'trust' && o.country !== 'Northern Ireland')).toHaveLength(206);
    expect(built.index.organisations.filter((o) => o.kind === 'trust' && o.country === 'Northern Ireland')).toHaveLength(6);
    expect(built.index.organisations.filter((o) => o.kind === 'icb')).toHaveLength(36);
  });

  it.each([
    ['RJ1', "Guy's and St Thomas' NHS Foundation Trust", 'guysandstthomas.nhs.uk', 'London'],
    ['RRV', 'University College London Hospitals NHS Foundation Trust', 'uclh.nhs.uk', 'London'],
    ['R0A', 'Manchester University NHS Foundation Trust', 'mft.nhs.uk', 'North West'],
    ['RR8', 'Leeds Teaching Hospitals NHS Trust', 'leedsth.nhs.uk', 'North East and Yorkshire'],
    ['RP4', 'Great Ormond Street Hospital for Children NHS Foundation Trust', 'gosh.nhs.uk', 'London'],
    ['RRU', 'London Ambulance Service NHS Trust', 'londonambulance.nhs.uk', 'London'],
    ['QOP', 'NHS Greater Manchester Integrated Care Board', 'gmintegratedcare.org.uk', 'North West'],
  ])('spot check: %s is %s at %s', (id, name, host, region) => {
    const org = byId.get(id);
    expect(org?.name).toBe(name);
    expect(org?.domains[0]?.host).toBe(host);
    expect(org?.region).toBe(region);
  });

  it('keeps the source and check date on every domain and account', () => {
    for (const org of built.index.organisations) {
      for (const fact of [...org.domains, ...org.accounts]) {
        expect(fact.source).toMatch(/\S/);
        expect(fact.checked).toMatch(/^\d{4}/);
      }
    }
  });

  it('publishes low-confidence accounts only as unverified candidates', () => {
    const gstt = byId.get('RJ1');
    expect(gstt?.accounts.map((a) => [a.platform, a.verification])).toEqual([
      ['facebook', 'unverified'],
      ['instagram', 'unverified'],
    ]);
    expect(byId.get('RP4')?.accounts.find((a) => a.platform === 'x')).toMatchObject({
      handle: 'GreatOrmondSt',
      verification: 'official',
      checked: '2014-12',
    });
  });

  it('merges the same account from two sources and reports which won', () => {
    const x = byId.get('X24')?.accounts.filter((a) => a.platform === 'x');
    expect(x).toHaveLength(1);
    expect(built.report.conflicts).toContainEqual(
      expect.objectContaining({ subject: 'X24 https://x.com/NHSEngland', kept: 'social-apisio-nhsed' }),
    );
  });

  it('points merged trusts and dissolved ICBs to their successors', () => {
    expect(byId.get('RAL')?.predecessors).toContainEqual(
      expect.objectContaining({ id: 'RAP', until: '2025-01-01', domains: [expect.objectContaining({ host: 'northmid.nhs.uk' })] }),
    );
    const frimley = (id: string) => byId.get(id)?.predecessors.find((p) => p.id === 'QNQ');
    expect(['S0E4D', 'S9B9J', 'QRL'].map((id) => frimley(id)?.until)).toEqual(['2026-04-01', '2026-04-01', '2026-04-01']);
  });

  it('gives a shared group domain to every trust that shares it', () => {
    const owners = built.index.organisations.filter((o) => o.domains.some((d) => d.host === 'uhliverpool.nhs.uk')).map((o) => o.id);
    expect(owners).toEqual(['RBQ', 'REM', 'REP']);
  });

  it('lists national bodies with unknown domains rather than inventing them', () => {
    // CQC's own site is sourced since issue 20; MHRA's website is its GOV.UK page, and no source
    // gives NHS Wales Shared Services Partnership's.
    const mhra = byId.get('govuk:medicines-and-healthcare-products-regulatory-agency');
    expect(mhra?.kind).toBe('national-body');
    expect(mhra?.domains).toEqual([]);
    expect(byId.get('nhs-wales:nhs-wales-shared-services-partnership')?.domains).toEqual([]);
  });

  it('reports every dropped row with a reason', () => {
    for (const dropped of built.report.dropped) expect(dropped.reason).toMatch(/\S/);
    expect(built.report.dropped).toContainEqual(
      expect.objectContaining({ row: 'RAN x_twitter (no handle)', reason: expect.stringContaining('platform check') }),
    );
  });

  it('records a closed or abandoned account as such, with its date, never as live', () => {
    expect(byId.get('RAN')?.platformChecks).toEqual([expect.objectContaining({ platform: 'x', result: 'closed', checked: '2024-08' })]);
    expect(byId.get('RXF')?.platformChecks).toEqual([expect.objectContaining({ platform: 'x', result: 'dormant', checked: '2024-12-12' })]);
    expect(byId.get('RP5')?.platformChecks).toEqual([
      expect.objectContaining({ platform: 'facebook', result: 'account-unnamed', checked: '2023-10-30' }),
    ]);
    expect(byId.get('RAN')?.accounts.filter((a) => a.platform === 'x')).toEqual([]);
  });
});

describe('vendored source data', () => {
  const shared = existsSync(SHARED_DATA);
  it.skipIf(!shared)('matches ../shared/data byte for byte (skipped where ../shared is absent)', () => {
    for (const name of ['nhs-trusts-index.csv', 'icbs.csv', 'trust-successions.csv', 'govuk-dhsc-family-orgs-2025-11.csv']) {
      expect(readFileSync(join(SOURCES_DIR, name), 'utf8'), name).toBe(readFileSync(join(SHARED_DATA, name), 'utf8'));
    }
    expect(readFileSync(join(SOURCES_DIR, 'nhs-social-accounts.csv'), 'utf8')).toBe(
      readFileSync(join(SHARED_DATA, 'social/nhs-social-accounts.csv'), 'utf8'),
    );
  });
  if (!shared) console.warn('notice: ../shared/data is absent, so the vendored-data comparison is skipped');
});

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and CRLF', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '', '3'],
    ]);
  });

  it('keys records by the header and fills missing cells', () => {
    expect(parseCsvRecords('\uFEFFx,y\n1\n\n')).toEqual([{ x: '1', y: '' }]);
  });
});

describe('titleCaseOdsName', () => {
  it.each([
    ["GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", "Guy's and St Thomas' NHS Foundation Trust"],
    ['UNIVERSITY HOSPITALS OF NORTH MIDLANDS NHS TRUST', 'University Hospitals of North Midlands NHS Trust'],
    ['STOKE-ON-TRENT NHS TRUST', 'Stoke-on-Trent NHS Trust'],
    ['THE ROTHERHAM NHS FOUNDATION TRUST', 'The Rotherham NHS Foundation Trust'],
  ])('%s -> %s', (ods, expected) => {
    expect(titleCaseOdsName(ods)).toBe(expected);
  });
});

describe('factDate', () => {
  it.each([
    ['2025-03..2026-04', '2026-04'],
    ['2018; still listed 2026-04', '2026-04'],
    ['undated (2025-26 era)', '2025'],
    ['2011-02-16', '2011-02-16'],
    ['2017-10 (approx; one year after 2016-10-17 launch)', '2017-10'],
  ])('%s -> %s', (text, date) => {
    expect(factDate(text)).toBe(date);
  });
});
