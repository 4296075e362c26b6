import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { BUNDLED_INDEX_FILE } from './lib/browser/bundled-index';
import { OPTIONAL_PAGE_MATCHES, pageMatchPatterns, readablePatterns } from './lib/detect/pages';
import type { NhsIndex } from './lib/index/schema';
import { buildDefaults } from './scripts/build-defaults';

/**
 * The index bundled into the build. Browser tests build variants with their own index (one with
 * metrics, one out of date) by setting NSL_BUNDLED_INDEX and NSL_OUT_DIR; releases use the default.
 */
const bundledIndexPath = resolve(process.env.NSL_BUNDLED_INDEX ?? 'assets/index.json');

/**
 * The key that signs published indexes, fixed at build time: the project's release key by default
 * (its private half is kept by the maintainers, never in the repository); tests build with their own.
 */
const indexPublicKey = (process.env.NSL_INDEX_PUBLIC_KEY ?? readFileSync(resolve('assets/release-key.pub'), 'utf8')).trim();
/**
 * Where the published copy lives by default (a folder URL): a release (NSL_RELEASE=1, `npm run zip`)
 * points at the repository's GitHub Pages site, every other build at none (issue 21). Every build
 * knows the project's repository, for volunteers' prefilled correction issues (issue 30).
 */
const { indexSource, repositoryUrl } = buildDefaults(process.env, JSON.parse(readFileSync(resolve('package.json'), 'utf8')));
/** How long a refresh waits for the server; tests shorten it to exercise a slow server. */
const refreshTimeoutMs = Number(process.env.NSL_REFRESH_TIMEOUT_MS ?? 30_000);
/**
 * Browser tests only: hosts the test build may read without the user's click, standing in for the
 * activeTab grant a real click on the toolbar button gives (automation cannot click it). Empty in
 * every release.
 */
const testHostPermissions = (process.env.NSL_TEST_HOST_PERMISSIONS ?? '').split(',').filter(Boolean);
/**
 * Hosts the user may allow one at a time, on a click: a published copy of the index they set, and
 * Bluesky's or a Mastodon instance's public API for live figures (issue 19).
 */
const OPTIONAL_HOSTS = ['https://*/*'];
const bundledIndex = JSON.parse(readFileSync(bundledIndexPath, 'utf8')) as NhsIndex;
/**
 * The pages the background reads (issue 22): the bundled index's hosts, each with its subdomains,
 * CQC's and the NHS website's. There is no content script: the background asks for these hosts and
 * runs one function in such a page once it has loaded (lib/browser/page-reader.ts). Every other
 * nhs.uk site is read once the user allows `*://*.nhs.uk/*`, an optional permission: asked for at
 * install, that wildcard over a public suffix made Chrome's prompt say "all websites" (issue 28).
 */
const pageMatches = pageMatchPatterns(bundledIndex);

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  srcDir: '.',
  outDir: process.env.NSL_OUT_DIR ?? '.output',
  publicDir: 'assets/public',
  manifest: {
    name: 'NHS Social Lens',
    description:
      "Shows an NHS organisation's official social media accounts when you visit its website. Independent; not affiliated with the NHS.",
    // storage: per-tab results in storage.session survive the service worker being stopped.
    // activeTab: when the user opens the popup, it may read that one tab's address, so a page
    // without a content script (a trust's X profile) can be looked up, and only on that click.
    // alarms: the scheduled index refresh. The published copy's host is asked for only when the
    // user sets a source (optional host permissions), never at install.
    // scripting: the background reads the pages it matches (the host permissions below) once each
    // has loaded, and, with activeTab and only when the user turned "observed figures" on, the
    // popup reads the follower count on the profile page it was opened on.
    // contextMenus: "Dashboard" and "My corrections" on the toolbar button's own menu (no warning).
    permissions: ['storage', 'activeTab', 'alarms', 'scripting', 'contextMenus'],
    optional_host_permissions: [...OPTIONAL_HOSTS, ...OPTIONAL_PAGE_MATCHES],
    // The pages the background reads (the install prompt names the same hosts a content script
    // on them did); and a build with a default source may fetch from it without asking: that host only.
    // Manifest V2 (Firefox) has no host_permissions: WXT moves them into `permissions`.
    host_permissions: [...pageMatches, ...(indexSource ? [`${new URL(indexSource).origin}/*`] : []), ...testHostPermissions],
    action: { default_title: 'NHS Social Lens' },
    browser_specific_settings: {
      // Firefox asks extensions to declare what they collect: nothing. The oldest Firefox the build
      // works in (issue 28; MDN browser-compat-data): `data_collection_permissions` from 140 on
      // desktop and 142 on Android, `scripting.executeScript` in the page's world (MAIN) from 128.
      gecko: {
        id: 'nhs-social-lens@nhs-social-lens.github.io',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
  // The sources archive Firefox's review asks for: the repository, without test output, and never a
  // private key, wherever one was left (WXT zips every file, .gitignore or not; issue 17). The tests'
  // throwaway key is left out too. `includeSources` wins over these: never let it match a key.
  zip: { excludeSources: ['test-results/**', 'bench/results.json', '.nsl-*-state.json', '**/*.key'] },
  hooks: {
    // The bundled index ships as its own file, read once at install, rather than inlined into
    // the service worker, where it would be parsed at every start.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: bundledIndexPath, relativeDest: BUNDLED_INDEX_FILE });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      // Manifest V2 (Firefox) has no optional_host_permissions, and WXT drops it: there, hosts are
      // optional permissions, without which permissions.request for a host fails (issue 19).
      if (manifest.manifest_version === 2)
        manifest.optional_permissions = [...(manifest.optional_permissions ?? []), ...OPTIONAL_HOSTS, ...OPTIONAL_PAGE_MATCHES];
    },
  },
  vite: () => ({
    // Rolldown inlines an imported constant at every place it is used: the Public Suffix List's
    // 70 KB label string (tldts) was copied three times into the service worker (353 KB against
    // 213 KB). Minification still folds constants within each module.
    build: { rolldownOptions: { optimization: { inlineConst: false } } },
    define: {
      __NSL_INDEX_PUBLIC_KEY__: JSON.stringify(indexPublicKey),
      __NSL_INDEX_SOURCE__: JSON.stringify(indexSource),
      __NSL_BUNDLED_INDEX_VERSION__: JSON.stringify(bundledIndex.indexVersion),
      // What the background may read: the hosts above, and the optional ones once granted.
      __NSL_PAGE_MATCHES__: JSON.stringify(readablePatterns(bundledIndex)),
      __NSL_REFRESH_TIMEOUT_MS__: JSON.stringify(refreshTimeoutMs),
      __NSL_REPOSITORY_URL__: JSON.stringify(repositoryUrl),
    },
  }),
});
