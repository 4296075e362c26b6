/**
 * Recognising pages and remembering each tab's result, for the badge and the popup.
 *
 * A tab's result is kept until the tab closes, with the address it is for: the browser clears a
 * tab's badge itself when it loads another page, and the popup, which knows the tab's current
 * address, asks again when the stored result is for another one. (Clearing on every "loading"
 * event would race with single-page sites, whose pages are read before that event.)
 */
import { detectPage } from '../../detect/detect';
import { type PageProfile, profilesFromSignals, sanitisePageSignals } from '../../detect/page-signals';
import { canBeEvidence, cappedPageUrl, hostnameOf, pageUrlOfTab } from '../../detect/page-url';
import { underPagePatterns } from '../../detect/pages';
import type { Candidate, PageFlag } from '../../detect/types';
import { isSharedZone } from '../../index/host-rules';
import type { NhsIndex, Organisation } from '../../index/schema';
import { followersContext } from '../../metrics/sector-context';
import { adoptionWithSite, levelInWords, siteEvidence } from '../../metrics/site-evidence';
import { disabledSiteFor, type Settings, switchableSiteOf } from '../../settings';
import { showBadge } from '../badge';
import { pendingCorrectionsFor } from '../corrections-store';
import type { NslDatabase } from '../db';
import { indexedDbLookups } from '../index-store';
import type { SectorContextLine, TabResult } from '../messaging';
import { logVisit } from '../research-log';
import { recordSightings, sightingsFor, sightingsLookup } from '../sightings';
import { readSiteIfDue, type SiteReader } from '../site-reads';
import type { BackgroundContext, HandlerGroup } from './context';

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

/** What the background makes of a page it read: recognised or not, and the in-page flag when the user wants it. */
export interface PageAnswer {
  recognised: boolean;
  flag?: PageFlag;
}

/**
 * A page the background read (lib/browser/page-reader.ts, issue 22), and the popup's question
 * about a tab: `pageVisited` for the first, the message handler for the second.
 */
export function tabResultHandlers(ctx: BackgroundContext): {
  handlers: HandlerGroup<'ui-bg-get-tab-result'>;
  pageVisited(tabId: number, tabUrl: string, signals: unknown): Promise<PageAnswer>;
  switchedOff(url: string): Promise<boolean>;
} {
  const { deps } = ctx;
  const notPlatformHost = underPagePatterns(deps.pagePatterns ?? []);

  /**
   * Recognises `url`. Profiles the page links to are recorded only when the page is on the
   * organisation's own domain: an nhs.uk or CQC page links to the NHS website's or CQC's accounts.
   */
  const resultFor = async (url: string, profiles: readonly PageProfile[], settings: Settings): Promise<TabResult> => {
    const site = disabledSite(settings, url);
    if (site !== undefined) return { state: 'disabled', url, site };
    const db = await ctx.db();
    const detection = await detectPage(url, indexedDbLookups(db), sightingsLookup(db));
    const meta = await db.get('meta', 'installed-index');
    if (detection.candidates.length === 0 || meta === undefined)
      return { state: 'not-recognised', url, ...switchableSiteOf(url, isSharedZone) };
    const ids = detection.candidates.map((c) => c.organisation.id);
    // Only an https page is evidence (issue 26): an http page is recognised, and nothing more.
    if (detection.candidates.every(onOwnSite) && canBeEvidence(url)) await recordSightings(db, ids, url, profiles, deps.now());
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

  /**
   * Reads of organisations' own sites under way, by tab (issue 19): the popup waits for its tab's
   * (bounded by the reader's timeout) rather than show a result about to change.
   */
  const siteReads = new Map<number, Promise<void>>();
  /**
   * The same reads by organisation (issue 26): ten tabs of one organisation loading together, as
   * at the browser's start, make one read, which the others await; each then updates its own tab.
   */
  const readsByOrganisation = new Map<string, Promise<boolean>>();
  const readSiteOnce = (db: NslDatabase, readSite: SiteReader, organisations: readonly Organisation[], url: string) => {
    const key = organisations
      .map((o) => o.id)
      .sort()
      .join(' ');
    const running = readsByOrganisation.get(key);
    if (running !== undefined) return running;
    const read = readSiteIfDue(db, readSite, organisations, url, deps.now()).finally(() => readsByOrganisation.delete(key));
    readsByOrganisation.set(key, read);
    return read;
  };

  /**
   * When a page of an organisation's own site links no profiles, reads the site's home page (and
   * at most one linked page) in the background, and shows what it found on the tab, if the tab is
   * still on that page. The page's own answer never waits for it.
   */
  const readSiteFor = (tabId: number, url: string, result: TabResult, settings: Settings) => {
    const readSite = deps.readSite;
    if (readSite === undefined || result.state !== 'recognised' || !result.detection.candidates.every(onOwnSite) || !canBeEvidence(url))
      return;
    const organisations = result.detection.candidates.map((c) => c.organisation);
    const read = (async () => {
      const db = await ctx.db();
      if (!(await readSiteOnce(db, readSite, organisations, url))) return;
      if (resultUrl(await deps.tabResults.get(tabId)) !== url) return;
      const updated = await resultFor(url, [], settings);
      await deps.tabResults.save(tabId, updated);
      await showBadge(deps.action, tabId, updated, settings);
    })()
      // A failed read leaves the page's own result as it was; the reader records why it failed.
      .catch(() => undefined)
      .finally(() => {
        if (siteReads.get(tabId) === read) siteReads.delete(tabId);
      });
    siteReads.set(tabId, read);
  };

  /** A stored result with the user's corrections as they are now: one may have been added since the page loaded. */
  const withCurrentCorrections = async (result: TabResult, settings: Settings): Promise<TabResult> => {
    if (result.state !== 'recognised') return result;
    const ids = result.detection.candidates.map((c) => c.organisation.id);
    return { ...result, ownCorrections: settings.showOwnSuggestions ? await pendingCorrectionsFor(await ctx.db(), ids) : [] };
  };

  return {
    /** Whether the user switched the extension off on this page's site: the page is then not read at all. */
    async switchedOff(url) {
      return disabledSite(await deps.settings(), url) !== undefined;
    },
    /**
     * A page the background read, at the address the browser gives for its tab; `signals` is what
     * the page reported, checked here like any input (issue 17).
     */
    async pageVisited(tabId, tabUrl, signals) {
      const url = pageUrlOfTab(tabUrl);
      if (url === undefined) return { recognised: false };
      const settings = await deps.settings();
      // The page reported the links that may be profiles; the rules run here, off the page's
      // thread (issue 22), and not at all on a site the user switched off, nor on a plain http
      // page, which is never evidence (issue 26).
      const pageProfiles =
        disabledSite(settings, url) === undefined && canBeEvidence(url)
          ? profilesFromSignals(sanitisePageSignals(signals), url, notPlatformHost)
          : [];
      const result = await resultFor(url, pageProfiles, settings);
      await deps.tabResults.save(tabId, result);
      await showBadge(deps.action, tabId, result, settings);
      if (pageProfiles.length === 0) readSiteFor(tabId, url, result, settings);
      if (result.state !== 'recognised') return { recognised: false };
      if (settings.researchLog) {
        const organisations = result.detection.candidates.map((c) => c.organisation);
        await logVisit(await ctx.db(), {
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
        flag: {
          name: only.organisation.name,
          level: levelInWords(
            adoptionWithSite(only.organisation, siteEvidence(only.organisation, result.sightings), settings.countedPlatforms),
          ),
        },
      };
    },
    handlers: {
      async 'ui-bg-get-tab-result'({ tabId, url }) {
        await siteReads.get(tabId);
        // Read together: the popup waits for this answer before it draws anything (issue 22).
        const [stored, settings] = await Promise.all([deps.tabResults.get(tabId), deps.settings()]);
        // The stored answer holds unless the tab moved on or the user switched the site off or on since.
        // The popup is our own page, but the tab's address can be any length: it is kept capped like every other (issue 17).
        const address = typeof url === 'string' ? cappedPageUrl(url) : resultUrl(stored);
        if (address === undefined) return stored;
        const switched = (stored.state === 'disabled') !== (disabledSite(settings, address) !== undefined);
        if (resultUrl(stored) === address && !switched) return withCurrentCorrections(stored, settings);
        // The tab has moved on since its page was read, or the background does not read this
        // page (a social profile, say): look its address up now.
        const result = await resultFor(address, [], settings);
        await deps.tabResults.save(tabId, result);
        await showBadge(deps.action, tabId, result, settings);
        return result;
      },
    },
  };
}
