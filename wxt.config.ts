import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { BUNDLED_INDEX_FILE } from './lib/browser/bundled-index';
import { keepPolyfillOutOfContentScripts } from './scripts/vite-content-script-browser';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  srcDir: '.',
  outDir: '.output',
  publicDir: 'assets/public',
  manifest: {
    name: 'NHS Social Lens',
    description:
      "Shows an NHS organisation's official social media accounts when you visit its website. Independent; not affiliated with the NHS.",
    // storage: per-tab results in storage.session survive the service worker being stopped.
    permissions: ['storage'],
    action: { default_title: 'NHS Social Lens' },
    browser_specific_settings: { gecko: { id: 'nhs-social-lens@nhs-social-lens.github.io' } },
  },
  hooks: {
    // The bundled index ships as its own file, read once at install, rather than inlined into
    // the service worker, where it would be parsed at every start.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: resolve('assets/index.json'), relativeDest: BUNDLED_INDEX_FILE });
    },
  },
  vite: () => ({ plugins: [keepPolyfillOutOfContentScripts()] }),
});
