/** Values fixed at build time by wxt.config.ts (see the `define` there). */
declare const __NSL_INDEX_PUBLIC_KEY__: string;
declare const __NSL_INDEX_SOURCE__: string;
declare const __NSL_BUNDLED_INDEX_VERSION__: number;
declare const __NSL_REFRESH_TIMEOUT_MS__: number;
declare const __NSL_REPOSITORY_URL__: string;
declare const __NSL_PAGE_MATCHES__: string[];

/** The Ed25519 public key (base64) that published indexes must be signed with. */
export const INDEX_PUBLIC_KEY = __NSL_INDEX_PUBLIC_KEY__;
/** The default folder URL of the published index; empty when the build sets none. */
export const DEFAULT_INDEX_SOURCE = __NSL_INDEX_SOURCE__;
/** The version of the index bundled in this build: the floor below which nothing is kept. */
export const BUNDLED_INDEX_VERSION = __NSL_BUNDLED_INDEX_VERSION__;
/** How long a refresh waits for the server before giving up. */
export const REFRESH_TIMEOUT_MS = __NSL_REFRESH_TIMEOUT_MS__;
/** The project's repository, where prefilled correction issues are opened; empty when the build sets none. */
export const DEFAULT_REPOSITORY_URL = __NSL_REPOSITORY_URL__;
/**
 * The pages the background may read (lib/detect/pages.ts `readablePatterns` over the bundled index:
 * the hosts the build asks for, issue 22, and the optional nhs.uk zone once granted, issue 28).
 */
export const PAGE_MATCHES: readonly string[] = __NSL_PAGE_MATCHES__;
