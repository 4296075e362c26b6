/**
 * The first run (issue 30): on a first install, and only then, the welcome page opens in a new tab:
 * how to pin the icon, what the badge says, a site to try, the privacy promise and the opt-ins. An
 * update, a browser update or a shared module's install opens nothing: the user has met it already.
 */

/** The extension's own page that greets a new user. */
export const WELCOME_PAGE = '/welcome.html';

/** What the first run needs of the browser (`runtime.onInstalled`'s details, `tabs`, `runtime.getURL`). */
export interface FirstRunDeps {
  createTab(properties: { url: string }): Promise<unknown>;
  getURL(path: string): string;
}

/** Opens the welcome page when `details` says the extension was just installed; true when it did. */
export async function welcomeOnInstall(details: { reason: string }, deps: FirstRunDeps): Promise<boolean> {
  if (details.reason !== 'install') return false;
  try {
    await deps.createTab({ url: deps.getURL(WELCOME_PAGE) });
    return true;
  } catch {
    // No window to open it in (a browser started headless for an enterprise install): the badge
    // and the popup still explain themselves; nothing else depends on the page.
    return false;
  }
}
