/**
 * What changed between the published index and a new build (issue 21): the page a maintainer
 * reads before merging a refresh. Pure: two indexes and what the run's own files say (sites that
 * could not be read, figures that could not be fetched) in, the changes out.
 */
import type { Account, NhsIndex, Organisation } from '../../index/schema';
import { type AdoptionLevel, adoptionOf } from '../../metrics/adoption';
import { accountKey } from '../../social/profile-url';

export interface AccountRef {
  ods: string;
  name: string;
  platform: Account['platform'];
  handle: string;
  url: string;
  source: string;
  checked: string;
  note?: string;
}

export interface IndexChanges {
  from: { indexVersion: number; generatedAt: string; organisations: number };
  to: { indexVersion: number; generatedAt: string; organisations: number };
  organisationsAdded: { ods: string; name: string }[];
  organisationsRemoved: { ods: string; name: string }[];
  accountsAdded: AccountRef[];
  /** Accounts closed in the new build that were not closed before (or are new and already closed). */
  accountsClosed: AccountRef[];
  /** The same account (platform and handle) now listed under another organisation. */
  accountsMoved: (AccountRef & { fromOds: string; fromName: string })[];
  accountsRemoved: AccountRef[];
  levelChanges: { ods: string; name: string; from: AdoptionLevel; to: AdoptionLevel }[];
  /** Organisations whose own site could not be read in this run: their level is what the new build says. */
  unreadSites: { ods: string; name: string; url: string; reason: string; level: AdoptionLevel }[];
  /** Accounts whose figures could not be fetched: the figures they had are kept. */
  figuresNotUpdated: { ods: string; url: string; reason: string; kept?: string }[];
}

/** One line of this run's discovery or metrics file that says something could not be read. */
export interface RunProblem {
  ods: string;
  url: string;
  reason: string;
}

export interface RunFacts {
  /** Organisations discovery reached but could not read a page of (no account and no "no link" found). */
  unreadSites: RunProblem[];
  /** `metrics collect` lines of type failed. */
  failedFigures: RunProblem[];
}

const problemOf = (line: unknown): RunProblem | undefined => {
  if (typeof line !== 'object' || line === null) return undefined;
  const { ods, url, reason } = line as Record<string, unknown>;
  return typeof ods === 'string' && typeof url === 'string' && typeof reason === 'string' ? { ods, url, reason } : undefined;
};

function parsedLines(lines: readonly string[]): Record<string, unknown>[] {
  return lines.flatMap((line) => {
    try {
      const value: unknown = JSON.parse(line);
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? [value as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

/**
 * The run's problems from its JSON-lines files. A site counts as unread only when no page of it
 * was read: discovery then writes errors alone, and no "no link" line, so its level stays
 * unknown rather than becoming "none".
 */
export function runFactsFromLines(discoveryLines: readonly string[], metricsLines: readonly string[]): RunFacts {
  const discovery = parsedLines(discoveryLines);
  const read = new Set(discovery.filter((l) => l.type === 'account' || l.type === 'no-link').map((l) => String(l.ods)));
  const unread = new Map<string, RunProblem>();
  for (const line of discovery) {
    const problem = line.type === 'error' ? problemOf(line) : undefined;
    if (problem && !read.has(problem.ods) && !unread.has(problem.ods)) unread.set(problem.ods, problem);
  }
  const failedFigures = parsedLines(metricsLines).flatMap((l) => {
    const problem = l.type === 'failed' ? problemOf(l) : undefined;
    return problem ? [problem] : [];
  });
  return { unreadSites: [...unread.values()], failedFigures };
}

const refOf = (org: Organisation, a: Account): AccountRef => ({
  ods: org.id,
  name: org.name,
  platform: a.platform,
  handle: a.handle,
  url: a.url,
  source: a.source,
  checked: a.checked,
  ...(a.note !== undefined ? { note: a.note } : {}),
});

/** Every account of an index by platform and handle, with the organisations listing it. */
function accountsByKey(index: NhsIndex): Map<string, { org: Organisation; account: Account }[]> {
  const byKey = new Map<string, { org: Organisation; account: Account }[]>();
  for (const org of index.organisations)
    for (const account of org.accounts) {
      const key = accountKey(account.platform, account.handle);
      byKey.set(key, [...(byKey.get(key) ?? []), { org, account }]);
    }
  return byKey;
}

const summary = (index: NhsIndex) => ({
  indexVersion: index.indexVersion,
  generatedAt: index.generatedAt,
  organisations: index.organisations.length,
});

/** The changes from `previous` to `next`, with what this run could not read. */
export function indexChanges(previous: NhsIndex, next: NhsIndex, run: RunFacts): IndexChanges {
  const before = new Map(previous.organisations.map((o) => [o.id, o]));
  const after = new Map(next.organisations.map((o) => [o.id, o]));
  const changes: IndexChanges = {
    from: summary(previous),
    to: summary(next),
    organisationsAdded: next.organisations.filter((o) => !before.has(o.id)).map((o) => ({ ods: o.id, name: o.name })),
    organisationsRemoved: previous.organisations.filter((o) => !after.has(o.id)).map((o) => ({ ods: o.id, name: o.name })),
    accountsAdded: [],
    accountsClosed: [],
    accountsMoved: [],
    accountsRemoved: [],
    levelChanges: [],
    unreadSites: [],
    figuresNotUpdated: [],
  };
  const old = accountsByKey(previous);
  const now = accountsByKey(next);
  for (const [key, listings] of now) {
    const was = old.get(key) ?? [];
    for (const { org, account } of listings) {
      const wasHere = was.find((w) => w.org.id === org.id);
      if (wasHere === undefined) {
        const movedFrom = was.find((w) => !listings.some((l) => l.org.id === w.org.id));
        if (movedFrom) changes.accountsMoved.push({ ...refOf(org, account), fromOds: movedFrom.org.id, fromName: movedFrom.org.name });
        else changes.accountsAdded.push(refOf(org, account));
      }
      if (account.state === 'closed' && wasHere?.account.state !== 'closed') changes.accountsClosed.push(refOf(org, account));
    }
  }
  for (const [key, listings] of old) {
    const still = now.get(key) ?? [];
    // Gone from every organisation (an account that moved is reported as moved, not removed).
    if (still.length === 0) for (const { org, account } of listings) changes.accountsRemoved.push(refOf(org, account));
  }
  for (const org of next.organisations) {
    const was = before.get(org.id);
    if (was === undefined) continue;
    const from = adoptionOf(was).level;
    const to = adoptionOf(org).level;
    if (from !== to) changes.levelChanges.push({ ods: org.id, name: org.name, from, to });
  }
  for (const problem of run.unreadSites) {
    const org = after.get(problem.ods);
    changes.unreadSites.push({ ...problem, name: org?.name ?? problem.ods, level: org ? adoptionOf(org).level : 'unknown' });
  }
  for (const problem of run.failedFigures) {
    const kept = next.organisations.find((o) => o.id === problem.ods)?.accounts.find((a) => a.url === problem.url)?.metrics?.measuredAt;
    changes.figuresNotUpdated.push({ ...problem, ...(kept !== undefined ? { kept } : {}) });
  }
  return changes;
}
