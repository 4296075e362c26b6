import { detectPage } from '../detect/detect';
import { type PageProfile, sanitisePageProfiles } from '../detect/page-signals';
import { cappedPageUrl, hostnameOf, pageUrlFromSender } from '../detect/page-url';
import type { Candidate } from '../detect/types';
import { isSharedZone } from '../index/host-rules';
import type { NhsIndex, Organisation } from '../index/schema';
import { adoptionOf } from '../metrics/adoption';
import { followersContext } from '../metrics/sector-context';
import { disabledSiteFor, type Settings, switchableSiteOf } from '../settings';
import { accountKey } from '../social/profile-url';
import { type BadgeAction, showBadge } from './badge';
import { importCorrections, listCorrections, markExported, pendingCorrectionsFor, saveCorrection } from './corrections-store';
import type { NslDatabase, StoredCorrection } from './db';
import { ensureIndexInstalled, getOrganisation, indexedDbLookups, withoutKeys } from './index-store';
import type { Handlers, SectorContextLine, TabResult } from './messaging';
import { type RefreshOutcome, readRefreshStatus, refreshIndex, rollBack, rollBackProblem, shouldWait } from './refresh';
import { logVisit, readVisits } from './research-log';
import { recordSightings, sightingsFor, sightingsLookup } from './sightings';
import type { TabResults } from './tab-results';

export interface BackgroundDeps {
  openDb: () => Promise<NslDatabase>;
  bundledIndexVersion: number;
  loadBundledIndex: () => Promise<unknown>;
  /** Refreshing from the published copy: how to fetch, the key to trust, the default source. */
  refresh: { fetch: typeof fetch; publicKey: Uint8Array; defaultSource: string; extensionVersion: string; timeoutMs: number };
  tabResults: TabResults;
  action: BadgeAction;
  now: () => Date;
  settings: () => Promise<Settings>;
}

/** Sector context for organisations with measured followers; the whole index is read only then. */
async function sectorContextFor(db: NslDatabase, organisations: readonly Organisation[]): Promise<SectorContextLine[]> {
  const measured = organisations.filter((org) => org.accounts.some((a) => a.metrics?.followers !== undefined));
  if (measured.length === 0) return [];
  const index = { organisations: await db.getAll('organisations') } as Pick<NhsIndex, 'organisations'>;
  return measured.flatMap((org) =>
    [...new Set(org.accounts.filter((a) => a.metrics?.followers !== undefined).map((a) => a.platform))].flatMap((platform) => {
      const context = followersContext(org, index, platform);
      return context ? [{ organisationId: org.id, ...context }] : [];
    }),
  );
}

/**
 * Whether a candidate was matched on the organisation's own current site: only there do its links
 * count as its own and does the in-page label name it. A predecessor's old domain is not: it may
 * have been sold or reused since (issue 17).
 */
function onOwnSite(candidate: Candidate): boolean {
  return candidate.evidence.rule === 'domain' && candidate.evidence.predecessor === undefined;
}

function resultUrl(result: TabResult): string | undefined {
  return result.state === 'recognised' ? result.detection.url : result.url;
}

/** The site (as the user's switch names it) when the user switched the extension off there. */
function disabledSite(settings: Settings, url: string): string | undefined {
  const hostname = URL.canParse(url) ? hostnameOf(new URL(url)) : undefined;
  // The stored site itself, so that "Turn back on" removes exactly it.
  return hostname === undefined ? undefined : disabledSiteFor(settings, hostname, isSharedZone);
}

/**
 * The background's work, apart from wiring to browser events: keeping an index installed,
 * recognising pages, and remembering the result of each tab for the badge and the popup.
 *
 * A tab's result is kept until the tab closes, with the address it is for: the browser clears a
 * tab's badge itself when it loads another page, and the popup, which knows the tab's current
 * address, asks again when the stored result is for another one. (Clearing on every "loading"
 * event would race with single-page sites, whose content script reports before that event.)
 */
export function createBackgroundService(deps: BackgroundDeps) {
  let ready: Promise<NslDatabase> | undefined;
  let installDurationMs: number | undefined;
  /** Opens the database and installs the bundled index once per service-worker life. */
  const database = (): Promise<NslDatabase> => {
    ready ??= (async () => {
      const db = await deps.openDb();
      const before = await db.get('meta', 'installed-index');
      const started = deps.now().getTime();
      const after = await ensureIndexInstalled(db, deps.bundledIndexVersion, deps.loadBundledIndex, deps.now);
      if (after.installedAt !== before?.installedAt) installDurationMs = deps.now().getTime() - started;
      return db;
    })().catch((error: unknown) => {
      ready = undefined; // let the next message try again rather than failing forever
      throw error;
    });
    return ready;
  };

  /**
   * Recognises `url`. Profiles the page links to are recorded only when the page is on the
   * organisation's own domain: an nhs.uk or CQC page links to the NHS website's or CQC's accounts.
   */
  const resultFor = async (url: string, profiles: readonly PageProfile[], settings: Settings): Promise<TabResult> => {
    const site = disabledSite(settings, url);
    if (site !== undefined) return { state: 'disabled', url, site };
    const db = await database();
    const detection = await detectPage(url, indexedDbLookups(db), sightingsLookup(db));
    const meta = await db.get('meta', 'installed-index');
    if (detection.candidates.length === 0 || meta === undefined)
      return { state: 'not-recognised', url, ...switchableSiteOf(url, isSharedZone) };
    const ids = detection.candidates.map((c) => c.organisation.id);
    if (detection.candidates.every(onOwnSite)) await recordSightings(db, ids, url, profiles, deps.now());
    return {
      state: 'recognised',
      detection,
      ...switchableSiteOf(url, isSharedZone),
      sightings: await sightingsFor(db, ids),
      context: await sectorContextFor(
        db,
        detection.candidates.map((c) => c.organisation),
      ),
      ownCorrections: settings.showOwnSuggestions ? await pendingCorrectionsFor(db, ids) : [],
      index: { version: meta.indexVersion, generatedAt: meta.generatedAt, sources: meta.sources },
    };
  };

  const sourceUrl = async () => (await deps.settings()).indexSource || deps.refresh.defaultSource;
  /** One refresh at a time: "Update now" during a scheduled refresh waits for it. */
  let running: Promise<RefreshOutcome> | undefined;
  const refreshNow = (): Promise<RefreshOutcome> => {
    running ??= (async () => {
      const db = await database();
      return refreshIndex({ db, ...deps.refresh, source: await sourceUrl(), now: deps.now });
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const handlers: Handlers = {
    async 'content-bg-page-visited'({ url: reported, profiles }, sender) {
      const tabId = sender.tab?.id;
      // The address must be one the browser vouches for: the sending tab's top frame, on its own origin (issue 17).
      const url = pageUrlFromSender(reported, sender);
      if (tabId === undefined || url === undefined) return { recognised: false };
      const settings = await deps.settings();
      const result = await resultFor(url, sanitisePageProfiles(profiles), settings);
      await deps.tabResults.save(tabId, result);
      await showBadge(deps.action, tabId, result, settings);
      if (result.state !== 'recognised') return { recognised: false };
      if (settings.researchLog) {
        const organisations = result.detection.candidates.map((c) => c.organisation);
        await logVisit(await database(), {
          at: deps.now().toISOString(),
          url,
          organisationId: organisations.map((o) => o.id).join(' / '),
          organisationName: organisations.map((o) => o.name).join(' / '),
        });
      }
      const [only, ...others] = result.detection.candidates;
      // The flag names one organisation, and only on its own site: never on a shared or third-party page.
      if (!settings.showInPageFlag || only === undefined || others.length > 0 || !onOwnSite(only)) return { recognised: true };
      return {
        recognised: true,
        flag: { name: only.organisation.name, level: adoptionOf(only.organisation, settings.countedPlatforms).label },
      };
    },
    async 'ui-bg-get-index-status'() {
      const db = await database();
      const installed = await db.get('meta', 'installed-index');
      return {
        ...(installed ? { installed } : {}),
        ...(installDurationMs === undefined ? {} : { installDurationMs }),
        refresh: await readRefreshStatus(db),
        source: await sourceUrl(),
        canRollBack: (await rollBackProblem(db, deps.bundledIndexVersion)) === undefined,
      };
    },
    async 'ui-bg-refresh-index'() {
      return refreshNow();
    },
    async 'ui-bg-rollback-index'() {
      const result = await rollBack(await database(), deps.now(), deps.bundledIndexVersion);
      return result.rolledBack
        ? { rolledBack: true, indexVersion: result.meta.indexVersion }
        : { rolledBack: false, reason: result.reason };
    },
    async 'ui-bg-get-organisations'() {
      const db = await database();
      const meta = await db.get('meta', 'installed-index');
      const organisations = (await db.getAll('organisations')).map(withoutKeys);
      return {
        organisations,
        sightings: await db.getAll('sightings'),
        index: { version: meta?.indexVersion ?? 0, generatedAt: meta?.generatedAt ?? '', sources: meta?.sources ?? [] },
      };
    },
    async 'ui-bg-get-tab-result'({ tabId, url }) {
      const stored = await deps.tabResults.get(tabId);
      // The stored answer holds unless the tab moved on or the user switched the site off or on since.
      // The popup is our own page, but the tab's address can be any length: it is kept capped like every other (issue 17).
      const address = typeof url === 'string' ? cappedPageUrl(url) : resultUrl(stored);
      if (address === undefined) return stored;
      const settings = await deps.settings();
      const switched = (stored.state === 'disabled') !== (disabledSite(settings, address) !== undefined);
      if (resultUrl(stored) === address && !switched) return withCurrentCorrections(stored, settings);
      // The tab has moved on since its content script reported, or no content script runs on
      // this page (a social profile, say): look its address up now.
      const result = await resultFor(address, [], settings);
      await deps.tabResults.save(tabId, result);
      await showBadge(deps.action, tabId, result, settings);
      return result;
    },
    async 'ui-bg-get-organisation'({ id }) {
      const db = await database();
      const organisation = typeof id === 'string' ? await getOrganisation(db, id) : undefined;
      return organisation ? { organisation, sightings: await sightingsFor(db, [organisation.id]) } : { sightings: [] };
    },
    async 'ui-bg-save-correction'({ record, submit }) {
      return saveCorrection(await database(), record, submit === true, deps.now());
    },
    async 'ui-bg-list-corrections'() {
      return { corrections: await listCorrections(await database()) };
    },
    async 'ui-bg-delete-correction'({ id }) {
      const db = await database();
      const existed = (await db.get('corrections', id)) !== undefined;
      await db.delete('corrections', id);
      return { deleted: existed };
    },
    async 'ui-bg-mark-corrections-exported'({ ids }) {
      return { marked: await markExported(await database(), Array.isArray(ids) ? ids : [], deps.now()) };
    },
    async 'ui-bg-record-observed-followers'(observed) {
      if (!(await deps.settings()).recordObservedFollowers) return {};
      const db = await database();
      const organisation = await getOrganisation(db, observed.organisationId);
      const key = accountKey(observed.platform, observed.handle);
      // Only an account the index lists as the organisation's own: a count from anyone else's page is not theirs.
      if (!organisation?.accounts.some((a) => a.verification === 'official' && accountKey(a.platform, a.handle) === key)) return {};
      const today = deps.now().toISOString().slice(0, 10);
      const id = `obs-${organisation.id}-${key}-${today}`
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .slice(0, 64);
      const existing = await db.get('corrections', id);
      if (existing && existing.status !== 'draft') return { record: existing };
      const record: StoredCorrection = {
        id,
        status: 'draft',
        organisationName: organisation.name,
        createdAt: existing?.createdAt ?? deps.now().toISOString(),
        updatedAt: deps.now().toISOString(),
        draft: {
          kind: 'observed-followers',
          organisationId: organisation.id,
          platform: observed.platform,
          handle: observed.handle,
          domain: '',
          evidenceUrl: observed.pageUrl,
          note: '',
          followers: String(observed.followers),
          followersApproximate: observed.approximate,
          observedOn: today,
        },
      };
      await db.put('corrections', record);
      return { record };
    },
    async 'ui-bg-get-research-log'() {
      return { visits: await readVisits(await database()) };
    },
    async 'ui-bg-clear-research-log'() {
      await (await database()).clear('visits');
      return { cleared: true };
    },
    async 'ui-bg-delete-all-data'() {
      const db = await database();
      const tx = db.transaction(['sightings', 'corrections', 'visits'], 'readwrite');
      await Promise.all([
        tx.objectStore('sightings').clear(),
        tx.objectStore('corrections').clear(),
        tx.objectStore('visits').clear(),
        tx.done,
      ]);
      await deps.tabResults.forgetAll();
      return { deleted: true };
    },
    async 'ui-bg-import-corrections'({ records }) {
      return { imported: await importCorrections(await database(), Array.isArray(records) ? records : []) };
    },
  };

  /** A stored result with the user's corrections as they are now: one may have been added since the page loaded. */
  const withCurrentCorrections = async (result: TabResult, settings: Settings): Promise<TabResult> => {
    if (result.state !== 'recognised') return result;
    const ids = result.detection.candidates.map((c) => c.organisation.id);
    return { ...result, ownCorrections: settings.showOwnSuggestions ? await pendingCorrectionsFor(await database(), ids) : [] };
  };

  return {
    handlers,
    database,
    /** A scheduled refresh: skipped while backing off after failures. */
    async scheduledRefresh(): Promise<RefreshOutcome | undefined> {
      if (await shouldWait(await database(), deps.now())) return undefined;
      return refreshNow();
    },
    async tabClosed(tabId: number): Promise<void> {
      await deps.tabResults.forget(tabId);
    },
  };
}
