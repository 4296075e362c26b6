/**
 * The options page's guards from issue 17: no zone can be switched off, and an imported file is
 * measured before it is read and may point the index at a new site only with the browser's leave.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredCorrection } from '../../lib/corrections/stored-correction';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import type { Options } from '../../lib/ui/options/nsl-options';
import { exportUserData, MAX_USER_DATA_BYTES } from '../../lib/user-data';
import '../../lib/ui/options/nsl-options';
import { type DeepRoot, deepRoot } from '../support/deep-query';
import { mockClient } from '../support/mock-client';

const NOW = new Date('2026-11-25T10:00:00Z');

/** Options over an in-memory client; `granted` answers the browser's permission prompt. */
async function mount(initial: Settings = DEFAULT_SETTINGS, granted = true, alreadyAllowed = false) {
  const state = { settings: initial, requested: [] as string[], imported: [] as StoredCorrection[] };
  const client = mockClient({
    getIndexStatus: async () => ({}),
    refreshIndex: async () => ({ outcome: 'no-source' }),
    rollbackIndex: async () => ({ rolledBack: false }),
    readSettings: async () => state.settings,
    saveSettings: async (settings) => {
      state.settings = settings;
    },
    requestHost: async (origin) => {
      state.requested.push(origin);
      return granted;
    },
    hasHost: async (origin) => alreadyAllowed || (granted && state.requested.includes(origin)),
    listCorrections: async () => ({ corrections: [] }),
    importCorrections: async ({ records }) => {
      state.imported.push(...records);
      return { imported: records.length };
    },
    deleteAllData: async () => ({ deleted: true }),
    resetSettings: async () => undefined,
    extensionVersion: () => '1.0.0',
  });
  const options = document.createElement('nsl-options') as Options;
  document.body.append(options);
  await options.start(client);
  await settle(options);
  return { options, root: deepRoot(options.shadowRoot as ShadowRoot), state };
}

/** Lets every section render what the last action changed. */
async function settle(options: Options) {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await options.updateComplete;
    for (const section of deepRoot(options.shadowRoot as ShadowRoot).querySelectorAll('*')) {
      if ('updateComplete' in section) await section.updateComplete;
    }
  }
}

function click(root: DeepRoot, text: string) {
  const button = root.querySelectorAll('button').find((b) => b.textContent?.trim() === text);
  if (!button) throw new Error(`no button "${text}"`);
  (button as HTMLButtonElement).click();
}

/** Chooses `file` in the import field, as the browser's file picker would. */
async function choose(options: Options, root: DeepRoot, file: Pick<File, 'size' | 'text'>) {
  const input = root.querySelector<HTMLInputElement>('#import');
  if (!input) throw new Error('no import field');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await settle(options);
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('switching the extension off on a site', () => {
  it.each(['nhs.uk', 'gov.uk', 'co.uk', 'https://nhs.uk/', 'NHS.NET'])('refuses the shared zone %s with one clear line', async (typed) => {
    const { options, root, state } = await mount();
    const input = root.querySelector<HTMLInputElement>('#site');
    if (!input) throw new Error('no site field');
    input.value = typed;
    click(root, 'Switch off');
    await settle(options);
    expect(root.querySelector('#site-error')?.textContent).toMatch(
      /^\S+ is shared by many organisations’ sites, so it cannot be switched off as one site\./,
    );
    expect(state.settings.disabledSites).toEqual([]);
    expect(input.value).toBe(typed);
  });

  it('offers every nhs.uk site as a grant the user makes once, and says when it is allowed (issue 28)', async () => {
    const { options, root, state } = await mount();
    expect(root.querySelector('[data-testid="nhs-sites-state"]')?.textContent).toContain('Not allowed: only the index’s sites are read.');
    click(root, 'Allow every nhs.uk site');
    await settle(options);
    expect(state.requested).toEqual(['*://*.nhs.uk']);
    expect(root.querySelector('[data-testid="nhs-sites-state"]')?.textContent).toContain('Allowed: every nhs.uk site is read.');
  });

  it('switches off one site, named without www.', async () => {
    const { options, root, state } = await mount();
    const input = root.querySelector<HTMLInputElement>('#site');
    if (!input) throw new Error('no site field');
    input.value = 'www.Example.nhs.uk';
    click(root, 'Switch off');
    await settle(options);
    expect(root.querySelector('#site-error')).toBeNull();
    expect(state.settings.disabledSites).toEqual(['example.nhs.uk']);
  });
});

describe('importing a settings file', () => {
  const fileOf = (settings: Partial<Settings>) => {
    const text = JSON.stringify(exportUserData({ ...DEFAULT_SETTINGS, ...settings }, [], NOW));
    return { size: text.length, text: async () => text };
  };

  it('refuses a file over the size cap before reading a byte of it', async () => {
    const { options, root } = await mount();
    let read = false;
    await choose(options, root, {
      size: MAX_USER_DATA_BYTES + 1,
      text: async () => {
        read = true;
        return '';
      },
    });
    expect(read).toBe(false);
    expect(root.querySelector('[data-testid="import-error"]')?.textContent).toBe(
      'This file cannot be imported: it is larger than 5 MB, far more than any NHS Social Lens export. Nothing was changed.',
    );
    expect(root.querySelector('[data-testid="import-summary"]')).toBeNull();
  });

  it('asks the browser for the file’s published copy, as typing a source does, and imports once allowed', async () => {
    const { options, root, state } = await mount();
    await choose(options, root, fileOf({ indexSource: 'https://mirror.example.org/nsl/', showBadge: false }));
    expect(root.querySelector('[data-testid="import-summary"]')?.textContent).toContain(
      'The browser will ask you to let NHS Social Lens read from https://mirror.example.org.',
    );
    expect(state.requested).toEqual([]); // not before the user confirms
    click(root, 'Import');
    await settle(options);
    expect(state.requested).toEqual(['https://mirror.example.org']);
    expect(state.settings).toMatchObject({ indexSource: 'https://mirror.example.org/nsl/', showBadge: false });
  });

  it('says the browser will not ask when the file’s published copy is on a host already allowed (issue 26)', async () => {
    const { options, root, state } = await mount(DEFAULT_SETTINGS, true, true);
    await choose(options, root, fileOf({ indexSource: 'https://mirror.example.org/nsl/' }));
    const summary = root.querySelector('[data-testid="import-summary"]')?.textContent ?? '';
    expect(summary).not.toContain('The browser will ask you');
    expect(summary).toContain(
      'NHS Social Lens is already allowed to read from https://mirror.example.org, so the browser will not ask you again',
    );
    click(root, 'Import');
    await settle(options);
    expect(state.settings).toMatchObject({ indexSource: 'https://mirror.example.org/nsl/' });
  });

  it('imports nothing when the browser is not allowed to read the published copy', async () => {
    const { options, root, state } = await mount(DEFAULT_SETTINGS, false);
    await choose(options, root, fileOf({ indexSource: 'https://mirror.example.org/nsl/', showBadge: false }));
    click(root, 'Import');
    await settle(options);
    expect(state.requested).toEqual(['https://mirror.example.org']);
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(root.querySelector('[data-testid="import-error"]')?.textContent).toBe(
      'The browser did not allow NHS Social Lens to read from https://mirror.example.org, the file’s published copy, so nothing was imported.',
    );
  });

  it('does not ask again for the source already in use, nor for an empty one', async () => {
    const current = { ...DEFAULT_SETTINGS, indexSource: 'https://mirror.example.org/nsl/' };
    for (const indexSource of ['https://mirror.example.org/nsl/', '']) {
      const { options, root, state } = await mount(current, false);
      await choose(options, root, fileOf({ indexSource, researchLog: true }));
      click(root, 'Import');
      await settle(options);
      expect(state.requested).toEqual([]);
      expect(state.settings).toMatchObject({ indexSource, researchLog: true });
      document.body.replaceChildren();
    }
  });
});

describe('live figures without a click (issue 19)', () => {
  it('is off by default, explained beside its box, and saved when ticked', async () => {
    const { options, root, state } = await mount();
    const box = root.querySelector<HTMLInputElement>('#live');
    expect(box?.checked).toBe(false);
    expect(root.querySelector('label[for="live"]')?.textContent).toContain('Only platforms you already allowed with that button are asked');
    if (!box) throw new Error('no live figures box');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await settle(options);
    expect(state.settings.liveFiguresAutomatic).toBe(true);
  });
});
