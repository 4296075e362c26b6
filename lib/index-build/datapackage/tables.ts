/**
 * The dataset's tables (issue 21): what each file holds, its Table Schema, and its rows from an
 * index. One row per organisation, per account, per account and month of figures, per platform
 * check, and per source; every fact keeps its source and date, and a figure not measured is an
 * empty cell, never 0.
 */

import { ADOPTION_LEVELS, codeSchemeOf } from '../../dashboard/rows';
import { type Account, COUNTRIES, type NhsIndex, ORGANISATION_KINDS, type Organisation, TRUST_TYPES } from '../../index/schema';
import { adoptionOf } from '../../metrics/adoption';
import { PLATFORMS } from '../../social/platforms';
import type { Row, TableDefinition, TableField } from './table-schema';

/** A fact's date: a day, or a month or a year where the source is no more precise (XML Schema regex, anchored). */
export const FACT_DATE = '\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?';
const required = { required: true } as const;

const organisationId = (description: string): TableField => ({
  name: 'organisation_id',
  type: 'string',
  description,
  constraints: required,
});
const source = (what: string): TableField => ({
  name: 'source',
  type: 'string',
  description: `The source of ${what}: an id in sources.csv.`,
  constraints: required,
});
const factDate = (name: string, description: string, isRequired: boolean): TableField => ({
  name,
  type: 'string',
  description: `${description} (YYYY-MM-DD, or YYYY-MM or YYYY where the source is no more precise).`,
  constraints: { ...(isRequired ? required : {}), pattern: FACT_DATE },
});
const count = (name: string, description: string): TableField => ({ name, type: 'integer', description, constraints: { minimum: 0 } });

export const ORGANISATIONS: TableDefinition = {
  name: 'organisations',
  title: 'NHS organisations',
  description:
    'One row per NHS organisation in the index: trusts, integrated care boards, health boards and national bodies in the four nations, with their codes, websites and adoption level.',
  licence: 'public',
  fields: [
    {
      name: 'id',
      type: 'string',
      description: 'The organisation’s code (ODS, GSS or PHS), or a namespaced id such as govuk:nhs-england.',
      constraints: required,
    },
    {
      name: 'code_scheme',
      type: 'string',
      description: 'What the id is a code of: ods, gss, phs, or none.',
      constraints: { required: true, enum: ['ods', 'gss', 'phs', 'none'] },
    },
    { name: 'name', type: 'string', description: 'The organisation’s name.', constraints: required },
    { name: 'kind', type: 'string', description: 'The kind of organisation.', constraints: { required: true, enum: ORGANISATION_KINDS } },
    {
      name: 'trust_type',
      type: 'string',
      description: 'A trust’s type, read from ERIC (empty for other kinds, or where unknown).',
      constraints: { enum: TRUST_TYPES },
    },
    {
      name: 'trust_type_classification',
      type: 'string',
      description: 'The classification the trust type was read from, as the source writes it.',
    },
    { name: 'region', type: 'string', description: 'The NHS region (England) or the nation.', constraints: required },
    { name: 'country', type: 'string', description: 'The nation.', constraints: { required: true, enum: COUNTRIES } },
    { name: 'website', type: 'string', format: 'uri', description: 'Its website (its first domain), or its home page on a shared host.' },
    {
      name: 'domains',
      type: 'string',
      description: 'Every host name the organisation owns, separated by spaces (empty: not known, not "no website").',
    },
    {
      name: 'adoption_level',
      type: 'string',
      description: 'This project’s adoption level from the facts below (docs/adoption-levels.md); "unknown" is not "none".',
      constraints: { required: true, enum: ADOPTION_LEVELS },
    },
    source('the organisation’s record'),
  ],
  primaryKey: ['id'],
  foreignKeys: [{ fields: ['source'], reference: { resource: 'sources', fields: ['id'] } }],
};

export const ACCOUNTS: TableDefinition = {
  name: 'accounts',
  title: 'Social media accounts',
  description: 'One row per social media account listed for an organisation, with how it is known, its state, source and date.',
  licence: 'project',
  fields: [
    organisationId('The organisation the account belongs to (organisations.csv id).'),
    { name: 'platform', type: 'string', description: 'The platform.', constraints: { required: true, enum: PLATFORMS } },
    { name: 'handle', type: 'string', description: 'The handle, as the platform writes it.', constraints: required },
    { name: 'url', type: 'string', format: 'uri', description: 'The profile’s canonical address.', constraints: required },
    {
      name: 'verification',
      type: 'string',
      description:
        'official: published as the organisation’s (for example linked from its own website); unverified: one low-confidence source.',
      constraints: { required: true, enum: ['official', 'unverified'] },
    },
    {
      name: 'state',
      type: 'string',
      description: 'active, closed, dormant, or unknown (not yet measured).',
      constraints: { required: true, enum: ['active', 'closed', 'dormant', 'unknown'] },
    },
    source('the account'),
    factDate('checked', 'When the source was checked', true),
    { name: 'note', type: 'string', description: 'A note from the source, such as the page that links the account.' },
  ],
  primaryKey: ['organisation_id', 'url'],
  foreignKeys: [
    { fields: ['organisation_id'], reference: { resource: 'organisations', fields: ['id'] } },
    { fields: ['source'], reference: { resource: 'sources', fields: ['id'] } },
  ],
};

export const METRICS: TableDefinition = {
  name: 'metrics',
  title: 'Account figures by month',
  description:
    'One row per account per month with figures: the month’s last follower count, and, in the month of the latest measurement, the other figures of that measurement (docs/metrics.md). An empty cell was not measured.',
  licence: 'project',
  fields: [
    organisationId('The organisation (accounts.csv organisation_id).'),
    { name: 'account_url', type: 'string', format: 'uri', description: 'The account (accounts.csv url).', constraints: required },
    { name: 'month', type: 'yearmonth', description: 'The month (YYYY-MM).', constraints: required },
    count('followers', 'Followers: the last count measured in the month.'),
    count('posts_total', 'Posts in total, when measured.'),
    count('posts_30d', 'Posts (replies included, reposts not) in the 30 days before measured_at.'),
    {
      name: 'reply_share_30d',
      type: 'number',
      description: 'The share of those posts that reply to someone else (0 to 1).',
      constraints: { minimum: 0, maximum: 1 },
    },
    {
      name: 'engagement_per_post_30d',
      type: 'number',
      description: '(Likes + reposts + replies) per post over those posts.',
      constraints: { minimum: 0 },
    },
    factDate('last_post_at', 'The date of the latest post seen', false),
    factDate('measured_at', 'When the figures other than followers were measured (empty on months with only a follower count)', false),
    { name: 'source', type: 'string', description: 'The source of the figures (sources.csv id), where the index names it.' },
  ],
  primaryKey: ['organisation_id', 'account_url', 'month'],
  foreignKeys: [
    { fields: ['organisation_id', 'account_url'], reference: { resource: 'accounts', fields: ['organisation_id', 'url'] } },
    // An empty source (a figure whose source the index does not name) refers to nothing (issue 28).
    { fields: ['source'], reference: { resource: 'sources', fields: ['id'] } },
  ],
};

export const CHECKS: TableDefinition = {
  name: 'checks',
  title: 'Dated checks of a platform',
  description:
    'What a source found about an organisation on a platform when it names no account: no account found, an account closed or dormant, or an account the source does not name. These dated facts are what let a level say "none" rather than "unknown".',
  licence: 'project',
  fields: [
    organisationId('The organisation checked (organisations.csv id).'),
    { name: 'platform', type: 'string', description: 'The platform.', constraints: { required: true, enum: PLATFORMS } },
    {
      name: 'result',
      type: 'string',
      description: 'no-account (none found on the pages checked), closed, dormant, or account-unnamed.',
      constraints: { required: true, enum: ['no-account', 'closed', 'dormant', 'account-unnamed'] },
    },
    factDate('checked', 'When it was checked', true),
    source('the check'),
    { name: 'note', type: 'string', description: 'A note from the source.' },
  ],
  primaryKey: ['organisation_id', 'platform', 'source', 'checked', 'result'],
  foreignKeys: [
    { fields: ['organisation_id'], reference: { resource: 'organisations', fields: ['id'] } },
    { fields: ['source'], reference: { resource: 'sources', fields: ['id'] } },
  ],
};

export const SOURCES: TableDefinition = {
  name: 'sources',
  title: 'Sources',
  description: 'Every source a fact in the other files names, with its address, licence and date.',
  licence: 'project',
  fields: [
    { name: 'id', type: 'string', description: 'The source’s id, as the other files name it.', constraints: required },
    { name: 'name', type: 'string', description: 'What the source is.', constraints: required },
    {
      name: 'url',
      type: 'string',
      format: 'uri',
      description: 'Its public address (empty where it has none, such as a run of this project’s discovery).',
    },
    { name: 'licence', type: 'string', description: 'Its licence, as its publisher states it.', constraints: required },
    factDate('date', 'Its date', true),
  ],
  primaryKey: ['id'],
  foreignKeys: [],
};

/** Every table, in the order the package lists them. */
export const TABLES = [ORGANISATIONS, ACCOUNTS, METRICS, CHECKS, SOURCES] as const;

function organisationRow(org: Organisation): Row {
  const firstDomain = org.domains[0]?.host;
  return {
    id: org.id,
    code_scheme: codeSchemeOf(org),
    name: org.name,
    kind: org.kind,
    trust_type: org.trustType,
    trust_type_classification: org.trustTypeSource?.classification,
    region: org.region,
    country: org.country,
    website: firstDomain !== undefined ? `https://${firstDomain}/` : org.homepage,
    domains: org.domains.map((d) => d.host).join(' ') || undefined,
    adoption_level: adoptionOf(org).level,
    source: org.source,
  };
}

/** An account's figures, one row a month: its monthly history, and its latest measurement in full. */
function metricRows(org: Organisation, account: Account): Row[] {
  const months = new Map<string, Row>();
  const base = { organisation_id: org.id, account_url: account.url, source: account.metrics?.source };
  for (const figure of account.history ?? []) months.set(figure.month, { ...base, month: figure.month, followers: figure.followers });
  const m = account.metrics;
  if (m !== undefined && /^\d{4}-\d{2}/.test(m.measuredAt)) {
    const month = m.measuredAt.slice(0, 7);
    months.set(month, {
      ...base,
      month,
      followers: m.followers ?? months.get(month)?.followers,
      posts_total: m.postsTotal,
      posts_30d: m.posts30d,
      reply_share_30d: m.replyShare30d,
      engagement_per_post_30d: m.engagementPerPost30d,
      last_post_at: m.lastPostAt,
      measured_at: m.measuredAt,
      source: m.source,
    });
  }
  return [...months.values()].sort((a, b) => String(a.month).localeCompare(String(b.month)));
}

/** The rows of every table, from an index. */
export function datasetRows(index: NhsIndex): Record<string, Row[]> {
  const accounts: Row[] = [];
  const metrics: Row[] = [];
  const checks: Row[] = [];
  for (const org of index.organisations) {
    for (const a of org.accounts) {
      accounts.push({
        organisation_id: org.id,
        platform: a.platform,
        handle: a.handle,
        url: a.url,
        verification: a.verification,
        state: a.state,
        source: a.source,
        checked: a.checked,
        note: a.note,
      });
      metrics.push(...metricRows(org, a));
    }
    for (const c of org.platformChecks)
      checks.push({ organisation_id: org.id, platform: c.platform, result: c.result, checked: c.checked, source: c.source, note: c.note });
  }
  return {
    organisations: index.organisations.map(organisationRow),
    accounts,
    metrics,
    checks,
    sources: index.sources.map((s) => ({ id: s.id, name: s.name, url: s.url, licence: s.licence, date: s.date })),
  };
}
