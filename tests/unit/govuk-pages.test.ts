import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect/detect';
import { describeEvidence } from '../../lib/detect/evidence';
import { govukOrganisationSlug, homepageKey, organisationKeys } from '../../lib/index/keys';
import { createIndexLookups } from '../../lib/index/lookup';
import { makeIndex, makeOrganisation } from '../support/index-factory';

/** Issue 20: a GOV.UK organisation page, and every page under it, belongs to its body by path. */
const GOVUK = 'https://www.gov.uk/government/organisations';
const england = makeOrganisation({
  id: 'X24',
  name: 'NHS England',
  kind: 'national-body',
  region: 'national',
  domains: [{ host: 'england.nhs.uk', source: 'test-source', checked: '2026' }],
  homepage: `${GOVUK}/nhs-england`,
  predecessors: [{ id: 'govuk:nhs-digital', name: 'NHS Digital', until: '2023-02-01', domains: [], source: 'test-source' }],
});
const mhra = makeOrganisation({
  id: 'govuk:medicines-and-healthcare-products-regulatory-agency',
  name: 'Medicines and Healthcare products Regulatory Agency',
  kind: 'national-body',
  region: 'national',
  domains: [],
  homepage: `${GOVUK}/medicines-and-healthcare-products-regulatory-agency`,
});
const lookups = createIndexLookups(makeIndex([england, mhra]));
const idsFor = async (url: string) => (await detectPage(url, lookups)).candidates.map((c) => c.organisation.id);

describe('govukOrganisationSlug', () => {
  it.each([
    [`${GOVUK}/nhs-england`, 'nhs-england'],
    [`${GOVUK}/nhs-england/`, 'nhs-england'],
    [`${GOVUK}/nhs-england/about/our-governance?x=1#top`, 'nhs-england'],
    ['http://www.gov.uk/government/organisations/nhs-england', 'nhs-england'],
    ['https://WWW.GOV.UK/government/organisations/nhs-england', 'nhs-england'],
    ['https://www.gov.uk./government/organisations/nhs-england', 'nhs-england'],
  ])('reads %s as %s', (url, slug) => {
    expect(govukOrganisationSlug(new URL(url))).toBe(slug);
  });

  it.each([
    'https://www.gov.uk/',
    GOVUK,
    `${GOVUK}/`,
    `${GOVUK}/x`,
    'https://www.gov.uk/government/organisations-fake/nhs-england',
    'https://www.gov.uk/guidance/government/organisations/nhs-england',
    'https://www.gov.uk/search?q=/government/organisations/nhs-england',
    `${GOVUK}/NHS-England`,
    `${GOVUK}/nhs%2Dengland`,
    'https://gov.uk/government/organisations/nhs-england',
    'https://www.gov.uk.attacker.test/government/organisations/nhs-england',
    'https://evil.example/government/organisations/nhs-england',
    'https://user:pw@www.gov.uk/government/organisations/nhs-england',
    'ftp://www.gov.uk/government/organisations/nhs-england',
  ])('refuses %s', (url) => {
    expect(govukOrganisationSlug(new URL(url))).toBeUndefined();
  });
});

describe('the GOV.UK key of an organisation', () => {
  it('is derived from its home page, beside its code, so IndexedDB’s by-code index answers it', () => {
    expect(homepageKey(england)).toBe('govuk:nhs-england');
    expect(organisationKeys(england).codes).toEqual(['X24', 'govuk:nhs-england', 'govuk:nhs-digital']);
  });

  it('is absent for a home page that is not a GOV.UK organisation page', () => {
    expect(homepageKey({ homepage: 'https://example.org/government/organisations/x' })).toBeUndefined();
    expect(homepageKey({ homepage: 'https://www.gov.uk/government/publications/x' })).toBeUndefined();
    expect(homepageKey({})).toBeUndefined();
  });
});

describe('detectPage on GOV.UK', () => {
  it('recognises a body’s GOV.UK organisation page and the pages under it, with the path as evidence', async () => {
    for (const url of [`${GOVUK}/nhs-england`, `${GOVUK}/nhs-england/about`]) {
      const { candidates } = await detectPage(url, lookups);
      expect(candidates.map((c) => c.organisation.id)).toEqual(['X24']);
      expect(candidates[0]?.evidence).toEqual({ rule: 'govuk-page', value: '/government/organisations/nhs-england', where: 'www.gov.uk' });
      expect(candidates[0]?.confidence).toBe('high');
    }
    expect(await idsFor(`${GOVUK}/medicines-and-healthcare-products-regulatory-agency/about`)).toEqual([mhra.id]);
  });

  it('leads a closed body’s page to its successor, naming the predecessor', async () => {
    const { candidates } = await detectPage(`${GOVUK}/nhs-digital`, lookups);
    expect(candidates.map((c) => c.organisation.id)).toEqual(['X24']);
    expect(candidates[0]?.evidence.predecessor).toEqual({ id: 'govuk:nhs-digital', name: 'NHS Digital', until: '2023-02-01' });
    expect(candidates[0]?.confidence).toBe('medium');
  });

  it.each([
    'https://www.gov.uk/',
    GOVUK,
    `${GOVUK}/no-such-body`,
    'https://www.gov.uk/government/publications/nhs-england-annual-report',
    'https://www.gov.uk/government/organisations-fake/nhs-england',
    'https://gov.uk/government/organisations/nhs-england',
    'https://www.gov.uk.attacker.test/government/organisations/nhs-england',
    'https://nhs-england.uk/',
    'https://england.nhs.uk.attacker.test/',
  ])('never matches %s', async (url) => {
    expect(await idsFor(url)).toEqual([]);
  });

  it('matches only the body whose slug the path names, whatever else the path holds', async () => {
    const tail = fc.array(fc.stringMatching(/^[a-z0-9%.-]{0,12}$/), { maxLength: 4 });
    const paths = fc.oneof(
      tail,
      tail.map((t) => ['government', 'organisations', ...t]),
      tail.map((t) => ['government', 'organisations', 'nhs-england', ...t]),
    );
    await fc.assert(
      fc.asyncProperty(paths, async (parts) => {
        const url = `https://www.gov.uk/${parts.join('/')}`;
        // The address as a browser reads it ('..' and '.' segments resolved), then the one rule.
        const path = new URL(url).pathname;
        expect(await idsFor(url)).toEqual(/^\/government\/organisations\/nhs-england(?:\/|$)/.test(path) ? ['X24'] : []);
      }),
      { numRuns: 300 },
    );
  });
});

describe('describeEvidence for a GOV.UK page', () => {
  it('says which page matched, and whose it was', () => {
    expect(describeEvidence({ rule: 'govuk-page', value: '/government/organisations/nhs-england', where: 'www.gov.uk' })).toBe(
      'matched by its GOV.UK organisation page (www.gov.uk/government/organisations/nhs-england)',
    );
    expect(
      describeEvidence({
        rule: 'govuk-page',
        value: '/government/organisations/public-health-england',
        where: 'www.gov.uk',
        predecessor: { id: 'govuk:public-health-england', name: 'Public Health England' },
      }),
    ).toBe('matched by the GOV.UK organisation page of Public Health England (www.gov.uk/government/organisations/public-health-england)');
  });
});
