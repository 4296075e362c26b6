import { describe, expect, it } from 'vitest';
import { correctionFormHref, prefillDraft, prefillOrigin, readCorrectionPrefill } from '../../lib/corrections/prefill';

describe('readCorrectionPrefill: the form’s prefill is read, not trusted (issue 17)', () => {
  it('leaves out a kind or platform it does not know, and keeps the rest', () => {
    expect(
      readCorrectionPrefill('?org=RR8&kind=bogus&platform=myspace&handle=LTHTrust&evidence=https%3A%2F%2Fwww.leedsth.nhs.uk%2F'),
    ).toEqual({
      organisationId: 'RR8',
      handle: 'LTHTrust',
      evidenceUrl: 'https://www.leedsth.nhs.uk/',
    });
    expect(
      readCorrectionPrefill(
        correctionFormHref({ organisationId: 'RR8', kind: 'wrong-account', platform: 'x', handle: 'LTHTrust' }).slice(
          '/corrections.html'.length,
        ),
      ),
    ).toEqual({
      organisationId: 'RR8',
      kind: 'wrong-account',
      platform: 'x',
      handle: 'LTHTrust',
    });
  });
});

describe('prefillDraft: what the form takes from a prefill', () => {
  it('takes a known kind and platform, the handle and the evidence', () => {
    expect(
      prefillDraft({
        organisationId: 'RR8',
        kind: 'wrong-account',
        platform: 'x',
        handle: '@LTHTrust',
        evidenceUrl: 'https://www.leedsth.nhs.uk/',
      }),
    ).toEqual({ kind: 'wrong-account', platform: 'x', handle: '@LTHTrust', evidenceUrl: 'https://www.leedsth.nhs.uk/' });
  });

  it('leaves out a kind or platform it does not know, even when the prefill came another way', () => {
    const forged = { organisationId: 'RR8', kind: 'bogus', platform: 'myspace' } as unknown as Parameters<typeof prefillDraft>[0];
    expect(prefillDraft(forged)).toEqual({});
    expect(prefillDraft(undefined)).toEqual({});
  });

  it('cuts a handle to 300 characters and an address to 2,000: no field needs more', () => {
    const draft = prefillDraft({ organisationId: 'RR8', handle: 'h'.repeat(500), evidenceUrl: `https://e.nhs.uk/${'p'.repeat(3000)}` });
    expect(draft.handle).toHaveLength(300);
    expect(draft.evidenceUrl).toHaveLength(2000);
  });
});

describe('prefillOrigin: the same popup button finds its draft again', () => {
  it('names what the prefill asked for, and nothing else', () => {
    expect(
      prefillOrigin({
        organisationId: 'RR8',
        kind: 'missing-account',
        platform: 'x',
        handle: '@LTHTrust',
        evidenceUrl: 'https://a.nhs.uk/',
      }),
    ).toBe('missing-account|x|@LTHTrust');
    expect(prefillOrigin({ organisationId: 'RR8' })).toBe('||');
    expect(prefillOrigin(undefined)).toBe('||');
  });
});
