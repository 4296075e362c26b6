/**
 * The table's view: search, filters, sort and page, as a value that round-trips through the URL
 * hash (`#table?kind=trust&level=none`, `#table?country=Wales&trustType=acute`), so a view can be shared. Rules:
 * - an unknown value in a hash is dropped, never an error (a shared link from a later version);
 * - "not yet known" sorts last in both directions: an unknown level or an unmeasured figure is
 *   not the lowest value, it is a missing one.
 */
import { COUNTRIES, type Country, ORGANISATION_KINDS, type OrganisationKind, TRUST_TYPES, type TrustType } from '../index/schema';
import type { AdoptionLevel } from '../metrics/adoption';
import { PLATFORMS, type Platform } from '../social/platforms';
import { ADOPTION_LEVELS, type DashboardRow } from './rows';

export const SORT_KEYS = ['name', 'id', 'kind', 'region', 'level', 'seen', 'followers'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface TableFilter {
  /** Matches the name, the ODS code or the website's address, ignoring case (the popup's search of a host, issue 30). */
  q?: string;
  kind?: OrganisationKind;
  /** Issue 20: one of the four nations. */
  country?: Country;
  /** Issue 20: a trust type (only trusts have one). */
  trustType?: TrustType;
  region?: string;
  level?: AdoptionLevel;
  /** Has an official account in use on this platform. */
  platform?: Platform;
}

export interface TableQuery extends TableFilter {
  sort: SortKey;
  dir: SortDirection;
  /** 1-based. */
  page: number;
}

export const DEFAULT_QUERY: TableQuery = { sort: 'name', dir: 'asc', page: 1 };
export const PAGE_SIZE = 50;

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);

/** Reads a table view from the part of the hash after `?` (`kind=trust&page=2`). */
export function parseTableQuery(search: string): TableQuery {
  const params = new URLSearchParams(search);
  const query: TableQuery = { ...DEFAULT_QUERY };
  // Kept as typed (a trailing space is the next word coming), but blank is no search.
  const q = params.get('q');
  if (q?.trim()) query.q = q;
  const kind = params.get('kind');
  if (isOneOf(ORGANISATION_KINDS, kind)) query.kind = kind;
  const country = params.get('country');
  if (isOneOf(COUNTRIES, country)) query.country = country;
  const trustType = params.get('trustType');
  if (isOneOf(TRUST_TYPES, trustType)) query.trustType = trustType;
  const region = params.get('region');
  if (region) query.region = region;
  const level = params.get('level');
  if (isOneOf(ADOPTION_LEVELS, level)) query.level = level;
  const platform = params.get('platform');
  if (isOneOf(PLATFORMS, platform)) query.platform = platform;
  const sort = params.get('sort');
  if (isOneOf(SORT_KEYS, sort)) query.sort = sort;
  if (params.get('dir') === 'desc') query.dir = 'desc';
  const page = params.get('page');
  if (page !== null && /^[1-9]\d{0,5}$/.test(page)) query.page = Number(page);
  return query;
}

/** The hash for a table view, leaving defaults out: `#table`, `#table?kind=trust&sort=followers&dir=desc`. */
export function tableQueryToHash(query: TableQuery): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'kind', 'country', 'trustType', 'region', 'level', 'platform'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  if (query.dir !== DEFAULT_QUERY.dir) params.set('dir', query.dir);
  if (query.page !== 1) params.set('page', String(query.page));
  const search = params.toString();
  return search === '' ? '#table' : `#table?${search}`;
}

/** The rows that pass every filter given. */
export function filterRows(rows: readonly DashboardRow[], filter: TableFilter): DashboardRow[] {
  const q = filter.q?.trim().toLowerCase() ?? '';
  return rows.filter(
    (row) =>
      (q === '' ||
        row.name.toLowerCase().includes(q) ||
        row.id.toLowerCase().includes(q) ||
        (q.includes('.') && websiteMatches(row.website, q))) &&
      (filter.kind === undefined || row.kind === filter.kind) &&
      (filter.country === undefined || row.country === filter.country) &&
      (filter.trustType === undefined || row.trustType === filter.trustType) &&
      (filter.region === undefined || row.region === filter.region) &&
      (filter.level === undefined || row.level === filter.level) &&
      (filter.platform === undefined || row.activePlatforms.includes(filter.platform)),
  );
}

/**
 * The website's host contains the search: "uclh.nhs.uk" finds https://www.uclh.nhs.uk/, and so
 * does "www.uclh.nhs.uk"; a search that is a host under it ("intranet.uclh.nhs.uk") does too.
 */
function websiteMatches(website: string | undefined, q: string): boolean {
  if (website === undefined || !URL.canParse(website)) return false;
  const host = new URL(website).hostname.replace(/^www\./, '');
  const typed = q
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/^www\./, '');
  return typed.length > 0 && (host.includes(typed) || typed.endsWith(`.${host}`) || typed === host);
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
/** Ascending rank of each known level; "unknown" has none (it sorts last). */
const LEVEL_RANK: Partial<Record<AdoptionLevel, number>> = { none: 0, 'one-known-platform': 1, 'one-platform': 2, 'several-platforms': 3 };

/** A sortable value, or undefined for a missing one (which always sorts last). */
function sortValue(row: DashboardRow, key: SortKey): string | number | undefined {
  switch (key) {
    case 'name':
      return row.name;
    case 'id':
      return row.id;
    case 'kind':
      return row.kind;
    case 'region':
      return row.region === 'unknown' ? undefined : row.region;
    case 'level':
      return LEVEL_RANK[row.level];
    // The level with what this browser saw (issue 30): an organisation not seen sorts last, as a missing value.
    case 'seen':
      return row.seen === undefined ? undefined : LEVEL_RANK[row.seen.level];
    case 'followers':
      return row.followers;
  }
}

/** A sorted copy: by `sort` in `dir`, missing values last, ties by name then code. */
export function sortRows(rows: readonly DashboardRow[], sort: SortKey, dir: SortDirection): DashboardRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort) }));
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
    } else {
      const order =
        typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      if (order !== 0) return sign * order;
    }
    return collator.compare(a.row.name, b.row.name) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
  });
  return keyed.map((k) => k.row);
}

/** Filters, then sorts: the table as the query asks for it, every page. */
export function applyTableQuery(rows: readonly DashboardRow[], query: TableQuery): DashboardRow[] {
  return sortRows(filterRows(rows, query), query.sort, query.dir);
}

export interface Page<T> {
  items: T[];
  /** 1-based, clamped to the pages there are. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown (0 and 0 when there are none). */
  first: number;
  last: number;
}

/** One page of `items`; a page past the end shows the last page. */
export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  const start = (current - 1) * size;
  const shown = items.slice(start, start + size);
  return { items: shown, page: current, pages, first: shown.length === 0 ? 0 : start + 1, last: start + shown.length };
}
