import { afterEach, describe, expect, it } from 'vitest';
import { CORRECTION_KINDS, validateDraft } from '../../lib/corrections/correction';
import { CORRECTION_EVIDENCE_HINTS } from '../../lib/corrections/describe';
import { handleProblem } from '../../lib/corrections/handle-problem';
import { correctionFormHref } from '../../lib/corrections/prefill';
import type { StoredCorrection } from '../../lib/corrections/stored-correction';
import '../../lib/ui/nsl-correction-form';
import '../../lib/ui/nsl-my-corrections';
import { withArticle } from '../../lib/social/platform-labels';
import { explainRejection } from '../../lib/social/profile-rejections';
import { makeAccount, makeOrganisation } from '../support/index-factory';
import { fakePage, mockClient } from '../support/mock-client';

const NOW = new Date('2026-11-25T10:00:00Z');
const draft = { kind: 'missing-account' as const, organisationId: 'RR8', platform: 'x' as const, domain: '', evidenceUrl: '', note: '' };

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a volunteer’s correction in plain words (issue 30)', () => {
  it.each([
    ['X (Twitter)', 'an X (Twitter)'],
    ['Instagram', 'an Instagram'],
    ['observed-followers', 'an observed-followers'],
    ['Facebook', 'a Facebook'],
    ['YouTube', 'a YouTube'],
    ['missing-account', 'a missing-account'],
  ])('writes "a" or "an" before %s', (word, expected) => {
    expect(withArticle(word)).toBe(expected);
  });

  it('never writes "a X" in the reasons an address is refused', () => {
    expect(explainRejection({ rejection: 'platform-page', platform: 'x' })).toBe('is an X (Twitter) page or share button, not an account');
    expect(explainRejection({ rejection: 'other-platform', platform: 'instagram' })).toBe('is an Instagram link, not the platform chosen');
  });

  it.each([
    [
      'https://x.com/intent/tweet?text=hi',
      'Enter the account’s profile address, like https://x.com/UCLH: this is an X (Twitter) page, post or share link',
    ],
    ['https://x.com/', 'Enter the account’s profile address, like https://x.com/UCLH: this is X (Twitter)’s home page'],
    [
      'https://www.facebook.com/UCLH',
      'This is a Facebook address: choose Facebook as the platform, or enter the account’s profile address, like https://x.com/UCLH.',
    ],
    ['hello there', 'Enter the account’s profile address, like https://x.com/UCLH, or its handle as X (Twitter) shows it'],
    ['', 'Enter the account’s profile address, like https://x.com/UCLH, or its handle.'],
  ])('says how to put right the handle %j', (handle, expected) => {
    const checked = validateDraft({ ...draft, handle }, 'c-00000001', NOW);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.errors.handle).toContain(expected);
  });

  it('asks for a profile address on the platforms where a name alone does not say which account', () => {
    expect(handleProblem('youtube', 'needs-url')).toBe(
      'Enter the account’s profile address, like https://www.youtube.com/@NHSEngland: on YouTube a name alone does not say which account.',
    );
    expect(handleProblem('linkedin', 'personal-profile')).toContain('a person’s LinkedIn profile');
  });

  it('gives every kind of correction its own evidence hint', () => {
    const hints = CORRECTION_KINDS.map((kind) => CORRECTION_EVIDENCE_HINTS[kind]);
    expect(new Set(hints).size).toBe(CORRECTION_KINDS.length);
  });

  it('lists an unverified index candidate under its own heading, not as seen on the organisation’s website', async () => {
    const org = makeOrganisation({
      id: 'RR8',
      accounts: [makeAccount({ handle: 'LTHTrust', url: 'https://x.com/LTHTrust', verification: 'unverified' })],
    });
    const form = document.createElement('nsl-correction-form');
    form.now = () => NOW;
    document.body.append(form);
    const client = mockClient({
      getOrganisation: async () => ({ organisation: org, sightings: [] }),
      listCorrections: async () => ({ corrections: [] }),
      saveCorrection: async ({ record }) => ({ saved: true, record }),
    });
    await form.start(client, fakePage(correctionFormHref({ organisationId: 'RR8', kind: 'missing-account' })).page);
    await new Promise((r) => setTimeout(r, 0));
    await form.updateComplete;
    const root = form.shadowRoot;
    expect(root?.querySelector('[data-testid="suggestions-unverified"]')?.textContent).toBe('In the index, not yet verified as theirs');
    expect(root?.querySelector('[data-testid="suggestions-site"]')).toBeNull();
    expect(root?.getElementById('evidenceUrl-hint')?.textContent).toBe(CORRECTION_EVIDENCE_HINTS['missing-account']);
    // The handle box takes an address's width (formStyles' input.address), as most people give one.
    expect(root?.getElementById('handle')?.classList.contains('address')).toBe(true);
  });

  it('says on My corrections where an issue goes and what happens next', async () => {
    const checked = validateDraft({ ...draft, handle: 'UCLH', evidenceUrl: 'https://www.uclh.nhs.uk/' }, 'c-00000001', NOW);
    if (!checked.ok) throw new Error('the draft should pass');
    const record: StoredCorrection = {
      id: 'c-00000001',
      status: 'ready',
      draft: { ...draft, handle: 'UCLH', evidenceUrl: 'https://www.uclh.nhs.uk/' },
      correction: checked.correction,
      organisationName: 'UCLH',
      updatedAt: NOW.toISOString(),
      createdAt: NOW.toISOString(),
    };
    const mine = document.createElement('nsl-my-corrections');
    document.body.append(mine);
    await mine.start(
      mockClient({
        listCorrections: async () => ({ corrections: [{ ...record, merged: false }] }),
        repositoryUrl: async () => 'https://github.com/nhs-social-lens/nhs-social-lens',
      }),
      fakePage('').page,
    );
    await mine.updateComplete;
    const root = mine.shadowRoot;
    expect(root?.querySelector('[data-testid="issue-link"]')?.getAttribute('href')).toMatch(
      /^https:\/\/github\.com\/nhs-social-lens\/nhs-social-lens\/issues\/new\?title=/,
    );
    expect(root?.querySelector('[data-testid="what-next"]')?.textContent).toContain('A maintainer reviews each suggestion');
    expect(root?.querySelector('[data-testid="no-repository"]')).toBeNull();
  });
});
