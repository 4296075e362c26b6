import { afterEach, describe, expect, it } from 'vitest';
import { validateDraft } from '../../lib/corrections/correction';
import { type CorrectionPrefill, correctionFormHref } from '../../lib/corrections/prefill';
import type { SaveResult, StoredCorrection } from '../../lib/corrections/stored-correction';
import type { CorrectionForm } from '../../lib/ui/nsl-correction-form';
import '../../lib/ui/nsl-correction-form';
import '../../lib/ui/nsl-my-corrections';
import { makeAccount, makeOrganisation } from '../support/index-factory';
import { fakePage, mockClient } from '../support/mock-client';

const NOW = new Date('2026-11-25T10:00:00Z');
const ORG = makeOrganisation({
  id: 'RR8',
  name: 'Leeds Teaching Hospitals NHS Trust',
  accounts: [makeAccount({ handle: 'LTHTrust', url: 'https://x.com/LTHTrust', verification: 'unverified' })],
});

/** A form over an in-memory store, as the corrections page's client reaches the background. */
function harness(stored: StoredCorrection[] = []) {
  const saves: { record: StoredCorrection; submit: boolean }[] = [];
  let ids = 0;
  const client = mockClient({
    getOrganisation: async ({ id }) => (id === 'RR8' ? { organisation: ORG, sightings: [] } : { sightings: [] }),
    async saveCorrection({ record, submit }): Promise<SaveResult> {
      saves.push({ record, submit });
      const checked = submit ? validateDraft(record.draft, record.id, NOW) : undefined;
      const saved: StoredCorrection = checked?.ok
        ? { ...record, status: 'ready', correction: checked.correction }
        : { ...record, status: 'draft' };
      stored.splice(0, stored.length, ...stored.filter((r) => r.id !== record.id), saved);
      return { saved: true, record: saved };
    },
    listCorrections: async () => ({ corrections: stored.map((c) => ({ ...c, merged: false })) }),
  });
  const newId = () => `c-0000000${++ids}`;
  return { client, newId, saves, stored };
}

/** The form on the corrections page opened from the popup with `prefill`; `visited` is where it went next (location.assign). */
async function mount(h: ReturnType<typeof harness>, prefill: CorrectionPrefill) {
  const form = document.createElement('nsl-correction-form');
  form.newId = h.newId;
  form.now = () => NOW;
  document.body.append(form);
  const page = fakePage(correctionFormHref(prefill));
  await form.start(h.client, page.page);
  await form.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await form.updateComplete;
  return Object.assign(form, { visited: page.assigned });
}

const field = (form: CorrectionForm, id: string) => form.shadowRoot?.getElementById(id) as HTMLInputElement;
async function type(form: CorrectionForm, id: string, value: string) {
  const input = field(form, id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}
const submit = async (form: CorrectionForm) => {
  form.shadowRoot?.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
  await new Promise((r) => setTimeout(r, 0));
  await form.updateComplete;
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the correction form', () => {
  it('opens prefilled from the popup, with the organisation named and the canonical address shown', async () => {
    const form = await mount(harness(), {
      organisationId: 'RR8',
      kind: 'missing-account',
      platform: 'x',
      handle: 'https://twitter.com/LTHTrust',
      evidenceUrl: 'https://www.leedsth.nhs.uk/',
    });
    expect(field(form, 'organisationId').value).toBe('RR8');
    expect(form.shadowRoot?.querySelector('[data-testid="organisation-name"]')?.textContent).toBe('Leeds Teaching Hospitals NHS Trust');
    expect(form.shadowRoot?.querySelector('[data-testid="canonical-url"]')?.textContent).toContain('https://x.com/LTHTrust');
    expect(field(form, 'evidenceUrl').value).toBe('https://www.leedsth.nhs.uk/');
  });

  it('refuses an invalid suggestion with an error beside each field, keeps what was typed, and saves it as a draft', async () => {
    const h = harness();
    const form = await mount(h, { organisationId: 'RR8', kind: 'missing-account', platform: 'x' });
    await type(form, 'handle', 'https://x.com/intent/tweet?text=hi');
    await submit(form);
    // What to type instead, not only what was wrong (issue 30).
    expect(form.shadowRoot?.querySelector('[data-testid="error-handle"]')?.textContent).toContain(
      'Enter the account’s profile address, like https://x.com/UCLH: this is an X (Twitter) page, post or share link',
    );
    expect(form.shadowRoot?.querySelector('[data-testid="error-evidenceUrl"]')).not.toBeNull();
    expect(field(form, 'handle').getAttribute('aria-invalid')).toBe('true');
    expect(field(form, 'handle').getAttribute('aria-describedby')).toBe('handle-hint handle-error');
    expect(field(form, 'handle').value).toBe('https://x.com/intent/tweet?text=hi');
    expect(h.saves.at(-1)).toMatchObject({ submit: false, record: { draft: { handle: 'https://x.com/intent/tweet?text=hi' } } });
    expect(form.visited).toEqual([]);
  });

  it('queues a valid suggestion and moves on to My corrections', async () => {
    const h = harness();
    const form = await mount(h, { organisationId: 'RR8', kind: 'missing-account', platform: 'x', handle: '@LTHTrust' });
    await type(form, 'evidenceUrl', 'https://www.leedsth.nhs.uk/contact');
    await submit(form);
    expect(form.visited).toEqual(['/corrections.html?saved=c-00000001']);
    expect(h.stored[0]).toMatchObject({
      status: 'ready',
      organisationName: 'Leeds Teaching Hospitals NHS Trust',
      correction: { handle: 'LTHTrust' },
    });
  });

  it('restores the unfinished draft the same popup button started, rather than starting again', async () => {
    const h = harness();
    const prefill = { organisationId: 'RR8', kind: 'missing-account' as const, platform: 'x' as const, handle: '@LTHTrust' };
    const first = await mount(h, prefill);
    await type(first, 'note', 'Half written');
    await first.flush();
    first.remove();
    const again = await mount(h, prefill);
    expect(field(again, 'note').value).toBe('Half written');
    expect(again.shadowRoot?.querySelector('[data-testid="notice"]')?.textContent).toContain('restored');
  });
});

describe('My corrections', () => {
  it('lists each correction with its state, and shows what was typed as text, never as markup', async () => {
    const h = harness();
    const form = await mount(h, { organisationId: 'RR8', kind: 'missing-account', platform: 'x', handle: '@LTHTrust' });
    await type(form, 'evidenceUrl', 'https://www.leedsth.nhs.uk/');
    await type(form, 'note', '<img src=x onerror=alert(1)>');
    await submit(form);
    const mine = document.createElement('nsl-my-corrections');
    document.body.append(mine);
    mine.now = () => NOW;
    await mine.start(
      mockClient({
        listCorrections: async () => ({ corrections: h.stored.map((c) => ({ ...c, merged: false })) }),
        repositoryUrl: async () => 'https://git.example/nsl',
      }),
      fakePage('/corrections.html').page,
    );
    await mine.updateComplete;
    const root = mine.shadowRoot;
    expect(root?.querySelector('[data-testid="state"]')?.textContent).toBe('Ready to send');
    expect(root?.querySelector('img')).toBeNull();
    expect(root?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root?.querySelector('[data-testid="issue-link"]')?.getAttribute('href')).toMatch(
      /^https:\/\/git\.example\/nsl\/issues\/new\?title=/,
    );
  });
});
