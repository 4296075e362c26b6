import { describe, expect, it } from 'vitest';
import { WELCOME_PAGE, welcomeOnInstall } from '../../../lib/browser/first-run';

/** The tabs a first run opened, through deps that record them. */
function recorder(fail = false) {
  const opened: string[] = [];
  return {
    opened,
    deps: {
      createTab: async ({ url }: { url: string }) => {
        if (fail) throw new Error('No current window');
        opened.push(url);
      },
      getURL: (path: string) => `chrome-extension://nsl${path}`,
    },
  };
}

describe('welcomeOnInstall (issue 30)', () => {
  it('opens the welcome page on a first install', async () => {
    const r = recorder();
    await expect(welcomeOnInstall({ reason: 'install' }, r.deps)).resolves.toBe(true);
    expect(r.opened).toEqual([`chrome-extension://nsl${WELCOME_PAGE}`]);
  });

  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])('opens nothing on "%s"', async (reason) => {
    const r = recorder();
    await expect(welcomeOnInstall({ reason }, r.deps)).resolves.toBe(false);
    expect(r.opened).toEqual([]);
  });

  it('gives up quietly when the browser has no window to open it in', async () => {
    await expect(welcomeOnInstall({ reason: 'install' }, recorder(true).deps)).resolves.toBe(false);
  });
});
