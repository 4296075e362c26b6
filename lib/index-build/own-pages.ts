/**
 * Merges what organisations' own web pages say about their social media
 * (data/sources/own-pages-2026-11.tsv; see data/sources/README.md): a handle the page's text names
 * becomes an account, and a platform the page says it uses, with no account named, becomes an
 * "account-unnamed" platform check. The page is the organisation's own word, the strongest evidence
 * there is, so an account it names on one of the organisation's own hosts is official; a page on
 * any other host (a hosting address) only gives unverified accounts, and its note says so.
 */

import type { Account, IndexSource, Organisation } from '../index/schema';
import { isHostWithin } from '../net/hosts';
import { PLATFORMS, type Platform } from '../social/platforms';
import { explainRejection } from '../social/profile-rejections';
import { parseHandle } from '../social/profile-url';
import type { BuildReport } from './build-report';
import { cell, type Row } from './cells';
import { urlHost } from './domains';

const TABLE = 'own-pages-2026-11.tsv';

/**
 * The pages were read in stored copies on this day; the copies carry no date of their own, so
 * this is the date of the reading, and each note keeps what the wording implies ("after July 2023").
 */
export const OWN_PAGES_READ_ON = '2026-11-28';

/** Whether `host` is one of the organisation's own hosts, or one of its predecessors' (an older site). */
function isOwnHost(org: Organisation, host: string): boolean {
  return [...org.domains, ...org.predecessors.flatMap((p) => p.domains)].some((d) => isHostWithin(host, d.host));
}

function isPlatform(name: string): name is Platform {
  return (PLATFORMS as readonly string[]).includes(name);
}

/** The note every fact from a row carries: how old the wording looks, where it was read, and the quote. */
function noteOf(row: Row, ownHost: boolean, host: string): string {
  const where = ownHost ? '' : ` Read on ${host}, a hosting address the index does not list as the organisation's.`;
  return `Its own page (${cell(row, 'date_hint') || 'undated'}), read in a stored copy on ${OWN_PAGES_READ_ON}.${where} ${cell(row, 'note')}`
    .trim()
    .slice(0, 300);
}

/**
 * Adds the rows' accounts and platform checks to the organisations, and returns the sources they
 * cite, one per page. Rows on an organisation's own hosts are applied first, so where two pages
 * name the same account the own host's page is the one cited.
 */
export function addOwnPages(organisations: Map<string, Organisation>, rows: Row[], report: BuildReport): IndexSource[] {
  const sources: IndexSource[] = [];
  const pageCount = new Map<string, number>();
  const prepared = rows.flatMap((row) => {
    const label = `${cell(row, 'ods_code') || '(no code)'} ${cell(row, 'page_url')}`;
    const org = organisations.get(cell(row, 'ods_code'));
    const host = urlHost(cell(row, 'page_url'));
    if (org === undefined) {
      report.dropped.push({ table: TABLE, row: label, reason: 'organisation is not in the index (no current ODS code)' });
      return [];
    }
    if (host === undefined) {
      report.dropped.push({ table: TABLE, row: label, reason: 'the page address is not a web address' });
      return [];
    }
    return [{ row, label, org, host, ownHost: isOwnHost(org, host) }];
  });
  prepared.sort((a, b) => Number(b.ownHost) - Number(a.ownHost));
  for (const { row, label, org, host, ownHost } of prepared) {
    const named = cell(row, 'platforms_named')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const handles = cell(row, 'handles_named').split(/\s+/).filter(Boolean);
    if (named.length === 0 && handles.length === 0) {
      report.dropped.push({ table: TABLE, row: label, reason: 'the page names no platform and no account' });
      continue;
    }
    const count = (pageCount.get(org.id) ?? 0) + 1;
    pageCount.set(org.id, count);
    const source: IndexSource = {
      id: `own-page-${org.id.toLowerCase()}-${count}`,
      name: `${org.name}: its own page on social media (${host}), read in a stored copy; the page is undated`.slice(0, 200),
      url: cell(row, 'page_url'),
      licence: "facts read from the organisation's own page; no licence stated",
      date: OWN_PAGES_READ_ON,
    };
    const note = noteOf(row, ownHost, host);
    let cited = false;
    for (const item of handles) {
      const [platformName = '', handle = ''] = item.split(/:(.*)/s);
      if (!isPlatform(platformName)) {
        report.dropped.push({ table: TABLE, row: `${label} ${item}`, reason: `unknown platform ${platformName}` });
        continue;
      }
      const parsed = parseHandle(platformName, handle);
      if (!parsed.ok) {
        report.dropped.push({ table: TABLE, row: `${label} ${item}`, reason: `handle ${explainRejection(parsed)}` });
        continue;
      }
      const account: Account = {
        platform: platformName,
        handle: parsed.profile.handle,
        url: parsed.profile.url,
        verification: ownHost ? 'official' : 'unverified',
        state: 'unknown',
        source: source.id,
        checked: OWN_PAGES_READ_ON,
        note,
      };
      const i = org.accounts.findIndex((a) => a.url.toLowerCase() === account.url.toLowerCase());
      const existing = org.accounts[i];
      if (existing === undefined) {
        org.accounts.push(account);
        cited = true;
      } else if (ownHost && existing.source.startsWith('own-page-')) {
        report.conflicts.push({
          subject: `${org.id} ${account.url}`,
          kept: existing.source,
          dropped: source.id,
          rule: 'same account on two own pages: the first row wins',
        });
      } else if (ownHost) {
        // The organisation's own word outranks a press report or a list: it is cited, and the account is official.
        org.accounts[i] = {
          ...account,
          ...(existing.metrics ? { metrics: existing.metrics } : {}),
          ...(existing.history ? { history: existing.history } : {}),
        };
        report.conflicts.push({
          subject: `${org.id} ${account.url}`,
          kept: source.id,
          dropped: existing.source,
          rule: "the organisation's own page outranks other sources",
        });
        cited = true;
      }
    }
    for (const platformName of named) {
      if (!isPlatform(platformName)) {
        report.dropped.push({ table: TABLE, row: `${label} ${platformName}`, reason: `unknown platform ${platformName}` });
        continue;
      }
      // An account on the platform already says the organisation uses it; one check per platform is enough.
      if (org.accounts.some((a) => a.platform === platformName)) continue;
      if (org.platformChecks.some((c) => c.platform === platformName && c.source.startsWith('own-page-'))) continue;
      org.platformChecks.push({ platform: platformName, result: 'account-unnamed', source: source.id, checked: OWN_PAGES_READ_ON, note });
      cited = true;
    }
    if (cited) sources.push(source);
  }
  return sources.sort((a, b) => a.id.localeCompare(b.id));
}
