import type { Plugin } from 'vite';

/**
 * `@wxt-dev/webextension-polyfill` aliases `wxt/browser` to the polyfill for every bundle. The
 * polyfill is about 10 KB, the whole budget of a content script, and the browsers' own promise
 * API is enough there, so content-script builds resolve `wxt/browser` to WXT's plain global.
 */
export function keepPolyfillOutOfContentScripts(): Plugin {
  let isContentScriptBuild = false;
  return {
    name: 'nsl:keep-polyfill-out-of-content-scripts',
    enforce: 'pre',
    options(options) {
      const inputs = typeof options.input === 'string' ? [options.input] : Object.values(options.input ?? {});
      isContentScriptBuild = inputs.some((input) => /[\\/]entrypoints[\\/]content(\.ts|[\\/])/.test(String(input)));
      return null;
    },
    async resolveId(source, importer, options) {
      if (!isContentScriptBuild) return null;
      if (source === 'wxt/browser' || source === '@wxt-dev/webextension-polyfill/browser') {
        return this.resolve('@wxt-dev/browser', importer, { ...options, skipSelf: true });
      }
      return null;
    },
  };
}
