/**
 * The bundled index, format version 1 (see docs/index-format.md).
 *
 * One schema serves the build, the command line and the extension, so a copy the extension
 * accepts is exactly a copy the CLI accepts. Readers must ignore fields they do not know
 * (valibot's `object` strips them), which is how later issues add metrics without a version 2.
 */
import * as v from 'valibot';
import { PLATFORMS } from '../social/platforms';

export const SCHEMA_VERSION = 1;

/**
 * The highest index version any copy may carry (issue 17). A copy is installed only when it is
 * newer than the installed one, so a signed version that nothing can exceed (1.8e308, or anything
 * past 2^53 where integers stop being exact) would freeze updates for ever. Versions count data
 * releases up by one (data/index-release.json); a billion leaves room for a release every minute
 * for nineteen centuries, or for a date-style scheme such as 20261125, and stays far inside the
 * exact integers. The manifest's `indexVersion` has the same bound (lib/refresh/published.ts).
 */
export const MAX_INDEX_VERSION = 1_000_000_000;

/** A data release's version: a whole number from 1 to MAX_INDEX_VERSION. */
export const IndexVersion = v.pipe(
  v.number(),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(MAX_INDEX_VERSION, `must be at most ${MAX_INDEX_VERSION} (versions count releases up by one)`),
);

/** ISO 8601 date, or a coarser one ("2014-12", "2025") where the source is no more precise. */
const FactDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date like 2026-08-01, 2026-08 or 2026'),
);

const SourceId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'must be a source id like ods-etr'));

/**
 * An organisation's id, one pattern for every scheme (docs/index-format.md):
 * - an ODS code (RJ1, QYG, G6V2S, 7A1), or a Public Health Scotland special board code (SB0801);
 * - a GSS code, one capital and eight digits (S08000031, a Scottish health board);
 * - `govuk:<slug>`, the GOV.UK organisation page of a national body with no code in the data;
 * - `england:`, `nhs-wales:`, `scot:` or `hscni:` and a slug, for a body no source gives a code
 *   (`hscni:belfast-trust`): the nation's namespace, so two nations' slugs never collide (issue 20).
 */
export const ORGANISATION_ID_PATTERN = /^(?:[A-Z0-9]{3,6}|[A-Z]\d{8}|(?:govuk|england|nhs-wales|scot|hscni):[a-z0-9-]{2,120})$/;
const OrganisationId = v.pipe(v.string(), v.regex(ORGANISATION_ID_PATTERN, 'must be an ODS code such as RJ1'));

/** Lower-case ASCII host names only: look-alike Unicode never enters the index. */
export const HOST_PATTERN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/**
 * A host name's shape. Whether one organisation may own it (not a public suffix, an NHS zone or a
 * general platform) is `OwnHost` in host-rules.ts, which the validator applies to every domain:
 * kept out of this module, which every page imports for the index's types and names, so that the
 * Public Suffix List ships only where an index or a correction is checked (issue 17).
 */
export const HostName = v.pipe(v.string(), v.regex(HOST_PATTERN, 'must be a lower-case host name such as uclh.nhs.uk'));

const WebUrl = v.pipe(
  v.string(),
  v.maxLength(2048, 'is too long'),
  v.check((value) => isHttpUrl(value), 'must be an http(s) URL'),
);

const NonEmptyText = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const ORGANISATION_KINDS = ['trust', 'icb', 'national-body', 'health-board', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * Trust types, read from a published classification (ERIC's trust type, issue 20), never from
 * words in a name. ERIC's acute classes (small, medium, large, teaching, multi-service) are all
 * `acute`, and its ACUTE - SPECIALIST is `specialist`; the class as ERIC writes it stays beside
 * the type (`trustTypeSource`), so teaching trusts can still be told apart.
 */
export const TRUST_TYPES = ['acute', 'specialist', 'mental-health', 'community', 'ambulance', 'care-trust', 'unknown'] as const;
export type TrustType = (typeof TRUST_TYPES)[number];

/** The four nations whose NHS bodies the index lists. */
export const COUNTRIES = ['England', 'Wales', 'Scotland', 'Northern Ireland'] as const;
export type Country = (typeof COUNTRIES)[number];

/** What an id that is a code is a code of: absent means ODS (or no code, for a namespaced id). */
export const CODE_SCHEMES = ['ods', 'gss', 'phs'] as const;

const Source = v.object({
  id: SourceId,
  name: NonEmptyText(200),
  /** Absent where the source has no public address of its own (a run of this project's discovery). */
  url: v.optional(WebUrl),
  licence: NonEmptyText(100),
  date: FactDate,
});

const Domain = v.object({
  host: HostName,
  source: SourceId,
  checked: FactDate,
  /** A note from the source, such as "board papers on a group site shared with RWA". */
  note: v.optional(NonEmptyText(300)),
});

/**
 * Figures read -0 as 0: JSON writes it so, and an accepted index must read back unchanged (a
 * property test of issue 17 found both this and an infinite figure, which JSON writes as null).
 */
const asZero = v.transform((n: number) => n + 0);
const Count = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'), asZero);
const Share = v.pipe(v.number(), v.minValue(0, 'must be between 0 and 1'), v.maxValue(1, 'must be between 0 and 1'), asZero);

/**
 * Engagement figures measured for one account at one time, with their source. A figure that was
 * not measured is absent, never 0 (docs/metrics.md defines each one).
 */
const AccountMetrics = v.object({
  measuredAt: FactDate,
  source: SourceId,
  followers: v.optional(Count),
  postsTotal: v.optional(Count),
  /** Posts (including replies, excluding reposts) in the 30 days before `measuredAt`. */
  posts30d: v.optional(Count),
  /** Share of those posts that are replies to someone else. */
  replyShare30d: v.optional(Share),
  /** (likes + reposts + replies) per post over those posts. */
  engagementPerPost30d: v.optional(v.pipe(v.number(), v.finite('must be a finite number'), v.minValue(0, 'must not be negative'), asZero)),
  lastPostAt: v.optional(FactDate),
});

/** One figure per month, so growth can be shown without shipping every measurement. */
const MonthlyFigure = v.object({
  month: v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-08')),
  followers: Count,
});

const Account = v.object({
  platform: v.picklist(PLATFORMS, 'must be a known platform'),
  handle: NonEmptyText(120),
  url: WebUrl,
  /** official: published as the organisation's; unverified: a single low-confidence source. */
  verification: v.picklist(['official', 'unverified'], 'must be official or unverified'),
  /** closed or dormant accounts are kept, with the date they were seen so, never shown as live. */
  state: v.picklist(['active', 'closed', 'dormant', 'unknown'], 'must be active, closed, dormant or unknown'),
  source: SourceId,
  checked: FactDate,
  note: v.optional(NonEmptyText(300)),
  metrics: v.optional(AccountMetrics),
  history: v.optional(v.array(MonthlyFigure)),
});

/**
 * What a source says about an organisation on one platform when it names no account: that the
 * organisation had none when checked, closed or left one, stopped posting, or had one the source
 * does not name. This is what lets the adoption level say "none" rather than "unknown".
 */
const PlatformCheck = v.object({
  platform: v.picklist(PLATFORMS, 'must be a known platform'),
  result: v.picklist(['no-account', 'closed', 'dormant', 'account-unnamed'], 'must be no-account, closed, dormant or account-unnamed'),
  source: SourceId,
  checked: FactDate,
  note: v.optional(NonEmptyText(300)),
});

/** The published classification a trust type was read from, as the source writes it ("ACUTE - TEACHING"). */
const TrustTypeSource = v.object({
  classification: NonEmptyText(80),
  source: SourceId,
  checked: FactDate,
  note: v.optional(NonEmptyText(300)),
});

const Predecessor = v.object({
  id: OrganisationId,
  name: v.optional(NonEmptyText(200)),
  /** The date the predecessor became part of this organisation, where the source gives one. */
  until: v.optional(FactDate),
  domains: v.array(Domain),
  source: SourceId,
});

const Organisation = v.object({
  id: OrganisationId,
  name: NonEmptyText(200),
  kind: v.picklist(ORGANISATION_KINDS, 'must be a known organisation kind'),
  /** Where the id is a code: which scheme (absent: ODS, or no code for a namespaced id). */
  codeScheme: v.optional(v.picklist(CODE_SCHEMES, 'must be ods, gss or phs')),
  trustType: v.optional(v.picklist(TRUST_TYPES, 'must be a known trust type')),
  /** The classification `trustType` was read from, with its source and date (absent when unknown). */
  trustTypeSource: v.optional(TrustTypeSource),
  region: NonEmptyText(80),
  country: v.picklist(COUNTRIES, 'must be England, Wales, Scotland or Northern Ireland'),
  /** An empty list means the domains are unknown, never that the organisation has no website. */
  domains: v.array(Domain),
  /**
   * A home page on a shared host (its GOV.UK organisation page), where the host itself is not its
   * own: the page and every page under its path match the organisation (issue 20).
   */
  homepage: v.optional(WebUrl),
  predecessors: v.array(Predecessor),
  accounts: v.array(Account),
  platformChecks: v.optional(v.array(PlatformCheck), []),
  source: SourceId,
});

export const IndexSchema = v.object({
  schemaVersion: v.literal(
    SCHEMA_VERSION,
    `must be ${SCHEMA_VERSION} (this version of NHS Social Lens reads only version ${SCHEMA_VERSION})`,
  ),
  indexVersion: IndexVersion,
  generatedAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp')),
  sources: v.pipe(v.array(Source), v.minLength(1, 'must name at least one source')),
  /** Never empty: a copy with no organisations would leave the extension recognising nothing (issue 17). */
  organisations: v.pipe(v.array(Organisation), v.minLength(1, 'must list at least one organisation')),
});

export type NhsIndex = v.InferOutput<typeof IndexSchema>;
export type Organisation = NhsIndex['organisations'][number];
export type Account = Organisation['accounts'][number];
export type Domain = Organisation['domains'][number];
export type Predecessor = Organisation['predecessors'][number];
export type PlatformCheck = Organisation['platformChecks'][number];
export type AccountMetrics = NonNullable<Account['metrics']>;
export type MonthlyFigure = NonNullable<Account['history']>[number];
export type IndexSource = NhsIndex['sources'][number];

/** True for absolute http: and https: URLs; refuses javascript:, data: and credentials tricks. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
}
