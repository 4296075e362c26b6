import { describe, expect, it } from 'vitest';
import { emptyDraft, openDraft } from '../../lib/corrections/open-draft';
import type { StoredCorrection } from '../../lib/corrections/stored-correction';

const NOW = new Date('2026-11-25T10:00:00Z');
const PREFILL = { organisationId: 'RR8', kind: 'missing-account' as const, platform: 'x' as const, handle: '@LTHTrust' };

const stored = (overrides: Partial<StoredCorrection>): StoredCorrection => ({
  id: 'c-1',
  status: 'draft',
  draft: { ...emptyDraft('RR8'), platform: 'x', handle: '@LTHTrust' },
  organisationName: 'Leeds Teaching Hospitals NHS Trust',
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
  origin: 'missing-account|x|@LTHTrust',
  ...overrides,
});

/** A clock and ids that count what was asked of them. */
function maker() {
  const asked = { ids: 0, now: 0 };
  return {
    asked,
    make: {
      newId: () => `c-new-${++asked.ids}`,
      now: () => {
        asked.now++;
        return NOW;
      },
    },
  };
}

describe('openDraft', () => {
  it('opens the stored correction `?id=` names, whatever the prefill, with nothing to say', () => {
    const { asked, make } = maker();
    const mine = stored({ id: 'c-9', status: 'ready' });
    expect(openDraft([stored({}), mine], { id: 'c-9', prefill: PREFILL }, make)).toEqual({ record: mine, notice: '' });
    expect(asked).toEqual({ ids: 0, now: 0 });
  });

  it('restores the unfinished draft the same popup button started', () => {
    const unfinished = stored({});
    const opened = openDraft([stored({ id: 'c-0', status: 'ready' }), unfinished], { prefill: PREFILL }, maker().make);
    expect(opened).toEqual({ record: unfinished, notice: 'Your unfinished suggestion was restored, as you left it.' });
  });

  it.each([
    ['it was sent already', { status: 'exported' as const }],
    ['it is about another organisation', { draft: { ...emptyDraft('RJ1'), platform: 'x' as const, handle: '@LTHTrust' } }],
    ['another button started it', { origin: 'wrong-account|x|@LTHTrust' }],
  ])('starts a new draft rather than restoring one when %s', (_why, overrides) => {
    const { asked, make } = maker();
    const opened = openDraft([stored(overrides)], { prefill: PREFILL }, make);
    expect(opened).toEqual({
      record: {
        id: 'c-new-1',
        status: 'draft',
        draft: { ...emptyDraft('RR8'), kind: 'missing-account', platform: 'x', handle: '@LTHTrust' },
        organisationName: '',
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
        origin: 'missing-account|x|@LTHTrust',
      },
      notice: '',
    });
    expect(asked).toEqual({ ids: 1, now: 1 });
  });

  it('says so when the correction to edit is gone, and starts a blank one', () => {
    const opened = openDraft([stored({})], { id: 'c-deleted' }, maker().make);
    expect(opened.notice).toBe('That suggestion is no longer here (it may have been deleted): you can start a new one.');
    expect(opened.record).toMatchObject({ id: 'c-new-1', status: 'draft', draft: emptyDraft(), origin: '||' });
  });

  it('starts a blank draft for “Suggest a correction for another organisation” (`?new=1`)', () => {
    expect(openDraft([], {}, maker().make)).toMatchObject({ record: { draft: emptyDraft(), origin: '||' }, notice: '' });
  });
});
