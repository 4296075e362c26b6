/**
 * The catalogue of sources the index is built from (see data/sources/README.md): the public tables,
 * and the pages the social-accounts table cites, each with its licence and date.
 */
import type { IndexSource } from '../index/schema';
import { cell, factDate, type Row } from './cells';

/** The public tables every build reads, in the order the index lists them. */
export const SOURCES: readonly IndexSource[] = [
  {
    id: 'ods-ord-2026-08',
    name: 'NHS Organisation Data Service (ORD API), trust names and websites, via uniwalletdev/wayfinder',
    url: 'https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations',
    licence: 'OGL-3.0',
    date: '2026-08-08',
  },
  {
    id: 'ods-etr-2025',
    name: 'NHS Organisation Data Service, NHS trusts file (etr.csv), via jhau/nhs-spend',
    url: 'https://digital.nhs.uk/services/organisation-data-service',
    licence: 'OGL-3.0',
    date: '2025-12-29',
  },
  {
    id: 'ods-succ-2026',
    name: 'NHS Organisation Data Service, successor organisations (succ.csv), via Maglehoj/42578-Project',
    url: 'https://digital.nhs.uk/services/organisation-data-service',
    licence: 'OGL-3.0',
    date: '2026-05-03',
  },
  {
    id: 'dw-board-papers-2026-08',
    name: 'NHS board papers reader: trust and ICB board-paper pages, validated weekly (Davewest84/nhs-board-papers-reader)',
    url: 'https://github.com/Davewest84/nhs-board-papers-reader',
    licence: 'CC0-1.0',
    date: '2026-08-01',
  },
  {
    id: 'nhse-provider-directory-2023-10',
    name: 'NHS England NHS provider directory, website field (via ManicJamie/NHS-Trust-Accessibility-Monitor)',
    url: 'https://www.england.nhs.uk/publication/nhs-provider-directory/',
    licence: 'OGL-3.0',
    date: '2023-10-26',
  },
  {
    id: 'ons-icb-2024-12',
    name: 'ONS Open Geography, ICB names and codes (December 2024)',
    url: 'https://geoportal.statistics.gov.uk/',
    licence: 'OGL-3.0',
    date: '2024-12',
  },
  {
    id: 'govuk-organisations-2025-11',
    name: 'GOV.UK Organisations API, DHSC and its arm’s-length bodies (via govuk-digital-backbone/ukps-domains)',
    url: 'https://www.gov.uk/api/organisations',
    licence: 'OGL-3.0',
    date: '2025-11-20',
  },
  // Issue 20: trust types, CCGs and the NHS outside England (data/sources/SOURCES-issue20.md).
  {
    id: 'eric-2023-24',
    name: 'NHS England Estates Returns Information Collection (ERIC) 2023/24, trust data: trust type (via venkat2k25/calc, ERIC_TRUST.csv)',
    url: 'https://github.com/venkat2k25/calc',
    licence: 'OGL-3.0',
    date: '2024-03-31',
  },
  {
    id: 'eric-2024-25-sites',
    name: 'NHS England ERIC 2024/25, site data: trust type (via SGargi28/pharma-waste-last-mile)',
    url: 'https://github.com/SGargi28/pharma-waste-last-mile',
    licence: 'OGL-3.0',
    date: '2025-03-31',
  },
  {
    id: 'ods-eccg-2025',
    name: 'NHS Organisation Data Service, CCGs and sub-ICB locations (eccg.csv), via jhau/nhs-spend',
    url: 'https://github.com/jhau/nhs-spend',
    licence: 'OGL-3.0',
    date: '2025-12-29',
  },
  {
    id: 'nhs-website-ccgs-2019-05',
    name: 'NHS website (nhs.uk) CCG dataset, May 2019: names and websites (via dutchalphaa/NHSautomation)',
    url: 'https://github.com/dutchalphaa/NHSautomation',
    licence: 'OGL-3.0 (nhs.uk datasets, as quoted; not checked on the page)',
    date: '2019-05-22',
  },
  {
    id: 'phs-health-boards-2019',
    name: 'Public Health Scotland, Geography Codes and Labels: Health Board 2014 – Health Board 2019 (via DCTdatateam/Hospitals-Tracker_NHS-Scotland)',
    url: 'https://github.com/DCTdatateam/Hospitals-Tracker_NHS-Scotland',
    licence: 'OGL-3.0',
    date: '2022-07-05',
  },
  {
    id: 'phs-special-boards-2021-02',
    name: 'Public Health Scotland, Special Health Boards and National Facilities (19 Feb 2021, via DCTdatateam/Hospitals-Tracker_NHS-Scotland)',
    url: 'https://github.com/DCTdatateam/Hospitals-Tracker_NHS-Scotland',
    licence: 'OGL-3.0',
    date: '2021-02-19',
  },
  {
    id: 'rcpch-welsh-health-boards-2024',
    name: 'RCPCH NHS organisations: Welsh local health boards, ODS and GSS codes (rcpch/rcpch-nhs-organisations)',
    url: 'https://github.com/rcpch/rcpch-nhs-organisations',
    licence: 'MIT (the repository)',
    date: '2024-01-20',
  },
];

/**
 * The pages and repository files that the issue-20 tables cite (data/sources/evidence-pages.csv):
 * each one a source of its own, with its address, so every domain shows where it was seen.
 */
export function evidenceSources(rows: Row[]): Map<string, IndexSource> {
  return new Map(
    rows.map((row) => [
      cell(row, 'source_id'),
      {
        id: cell(row, 'source_id'),
        name: cell(row, 'name'),
        url: cell(row, 'url'),
        licence: cell(row, 'licence'),
        date: cell(row, 'date'),
      },
    ]),
  );
}

/** Where each social-accounts row came from (data/sources/nhs-social-accounts.csv, `source_id`). */
const SOCIAL_SOURCE_NAMES: Record<string, { name: string; url?: string }> = {
  nhse_footer_mock: { name: 'england.nhs.uk page footer links, captured in a public test mock (2025)', url: 'https://www.england.nhs.uk/' },
  apisio_nhsed: { name: 'APIs.io provider profile of NHS England Digital (2025–26)', url: 'https://apis.io/' },
  hippo_footer: {
    name: 'NHS Digital website footer template (NHS-digital-website/hippo, 2018)',
    url: 'https://github.com/NHS-digital-website/hippo',
  },
  // The curators did not record which repository this script is in, so it has no address here.
  leadgen_known: { name: 'An unverified list in a public sales lead-generation script (low confidence)' },
  // Press pages (see data/sources/SOURCES-social-upstream.md); where the curators recorded only
  // the site, the URL is the site's home page rather than a guessed path.
  pg_est_2014: {
    name: 'Emergency Services Times: top tweeters in the NHS Providers / McCrea report "On the brink of SoMething special?" (Dec 2014)',
    url: 'https://emergencyservicestimes.com/top-tweeters-recognised-in-nhs-report/',
  },
  pg_guardian_2011a: {
    name: 'The Guardian Healthcare Network on NHS use of Twitter (16 Feb 2011)',
    url: 'https://www.theguardian.com/healthcare-network/2011/feb/16/nhs-twitter-use-tweets-communication-healthcare',
  },
  pg_yorkpress_2015: {
    name: 'The York Press on Yorkshire Ambulance Service’s tweetathon (c. Aug 2015)',
    url: 'http://www.yorkpress.co.uk/',
  },
  pg_neas_2013: { name: 'North East Ambulance Service news release (14 Jan 2013)', url: 'https://www.neas.nhs.uk/' },
  pg_northernecho_2024: {
    name: 'The Northern Echo: North East Ambulance Service joins X exodus (Aug 2024)',
    url: 'https://thenorthernecho.co.uk/news/24523080.north-east-ambulance-service-joins-x-exodus-content',
  },
  pg_independent_2024: {
    name: 'The Independent: Royal National Orthopaedic Hospital closes its X account (Aug 2024)',
    url: 'https://the-independent.com/news/uk/home-news/elon-musk-x-nhs-royal-national-orthopaedic-hospital-b2593775.html',
  },
  pg_wakefield_2024: {
    name: 'Wakefield Express: Mid Yorkshire Teaching NHS Trust steps away from X (12 Dec 2024)',
    url: 'https://www.wakefieldexpress.co.uk/health/local-nhs-trust-to-step-away-from-popular-social-media-site-due-to-difference-in-values-4906792',
  },
  pg_swypft_2010: {
    name: 'South West Yorkshire Partnership NHS FT: local trust is a top tweeter (1 Sep 2010)',
    url: 'https://www.southwestyorkshire.nhs.uk/2010/09/01/local-trust-is-a-top-tweeter/',
  },
  pg_worksop_2023: {
    name: 'Worksop Guardian: Bassetlaw hospitals’ Facebook page reaches 50,000 followers (30 Oct 2023)',
    url: 'https://www.worksopguardian.co.uk/health/bassetlaw-hospitals-facebook-page-reaches-50000-followers-4391269',
  },
};

/** The source entry for a social-accounts source id, named from the catalogue (or, unknown, from the table). */
export function socialSource(id: string, rows: Row[]): IndexSource {
  const raw = rows.find((row) => socialSourceId(cell(row, 'source_id')) === id);
  const original = raw ? cell(raw, 'source_id') : id;
  const known = SOCIAL_SOURCE_NAMES[original];
  return {
    id,
    name: known?.name ?? `Public web page cited as ${original} in the project's social-accounts notes`,
    ...(known?.url ? { url: known.url } : {}),
    licence: 'facts quoted from a public page; no licence stated',
    date: raw ? factDate(cell(raw, 'followers_date')) : '2026',
  };
}

/** The index's source id for a social-accounts row's `source_id` (`pg_est_2014` -> `social-pg-est-2014`). */
export function socialSourceId(raw: string): string {
  return `social-${raw.split(';')[0]?.trim().toLowerCase().replace(/_/g, '-') ?? 'unknown'}`;
}
