import type { RefreshOutcome } from '../../refresh/refresh-outcome';
import type { Settings } from '../../settings';
import type { BadgeAction } from '../badge';
import type { NslDatabase } from '../db';
import type { Handlers, MessageType } from '../messaging';
import type { SiteReader } from '../site-reads';
import type { TabResults } from '../tab-results';

/** What the background is given: the browser's parts, passed in so that Node tests can stand in for them. */
export interface BackgroundDeps {
  openDb: () => Promise<NslDatabase>;
  bundledIndexVersion: number;
  loadBundledIndex: () => Promise<unknown>;
  /** Refreshing from the published copy: how to fetch, the key to trust, the default source. */
  refresh: { fetch: typeof fetch; publicKey: Uint8Array; defaultSource: string; extensionVersion: string; timeoutMs: number };
  tabResults: TabResults;
  /**
   * Live figures (issue 19): how to fetch, how long to wait, and whether the user allowed the
   * extension to reach a platform's host (the browser's optional host permissions).
   */
  live: {
    fetch: typeof fetch;
    timeoutMs: number;
    /** Whether the user granted `origin` for live figures and the browser still allows it (issue 26). */
    hasHost(origin: string): Promise<boolean>;
    /** Forgets every host granted for live figures ("Delete all my data"). */
    forgetHosts?(): Promise<void>;
  };
  action: BadgeAction;
  /**
   * The install-time page patterns (PAGE_MATCHES): no host under them is a social platform's, so
   * a `rel="me"` link there never makes a Mastodon account (issue 26). Absent in tests that are not about it.
   */
  pagePatterns?: readonly string[];
  now: () => Date;
  settings: () => Promise<Settings>;
  /**
   * Reads an organisation's home page (and at most one linked page) when the page the user is on
   * links no profiles (issue 19). Absent in tests that are not about it: then nothing is read.
   */
  readSite?: SiteReader;
}

/**
 * What every group of handlers shares (issue 18): the deps, the database once it is ready, and
 * the one refresh that runs at a time. `createBackgroundService` builds it.
 */
export interface BackgroundContext {
  deps: BackgroundDeps;
  /** The database, opened with an index installed (once per service-worker life). */
  db(): Promise<NslDatabase>;
  /** Refreshes from the published copy now, or waits for the refresh already running. */
  refreshNow(): Promise<RefreshOutcome>;
  /** The published copy's folder URL: the user's, else the one fixed at build time (may be empty). */
  indexSource(): Promise<string>;
  /** How long this service worker took to install the index, when it installed one. */
  installDurationMs(): number | undefined;
}

/** The handlers of some of the messages: each feature answers its own part of the protocol. */
export type HandlerGroup<T extends MessageType> = Pick<Handlers, T>;
