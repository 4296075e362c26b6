import { describe, expect, it } from 'vitest';
import { installIndex } from '../../../lib/browser/index-store';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { makeAccount, makeIndex, makeOrganisation } from '../../support/index-factory';
import { draftRecord, FROM_PAGE, NOW, service, useFreshDatabase } from './support';

useFreshDatabase();

describe('correction handlers', () => {
  it('keeps an invalid correction as typed (a draft), queues a valid one, and shows it as merged once the index says the same', async () => {
    const { svc } = service(makeIndex([makeOrganisation()]));
    const invalid = await svc.handlers['ui-bg-save-correction']({ record: draftRecord({ evidenceUrl: 'nope' }), submit: true }, FROM_PAGE);
    expect(invalid).toMatchObject({ saved: true, record: { status: 'draft', draft: { evidenceUrl: 'nope' } } });
    expect(invalid.saved && invalid.record.correction).toBeUndefined();
    const valid = await svc.handlers['ui-bg-save-correction']({ record: draftRecord(), submit: true }, FROM_PAGE);
    expect(valid).toMatchObject({
      saved: true,
      record: { status: 'ready', correction: { handle: 'UCLHnews', accountUrl: 'https://x.com/UCLHnews' } },
    });
    const { corrections } = await svc.handlers['ui-bg-list-corrections']({}, FROM_PAGE);
    expect(corrections.map((c) => [c.id, c.status, c.merged])).toEqual([['c-00000001', 'ready', false]]);

    // In the popup: shown as the user's own suggestion, on the organisation's page.
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 5, url: 'https://www.uclh.nhs.uk/' }, FROM_PAGE);
    expect(result.state === 'recognised' && result.ownCorrections.map((c) => c.id)).toEqual(['c-00000001']);

    await svc.handlers['ui-bg-mark-corrections-exported']({ ids: ['c-00000001'] }, FROM_PAGE);
    const db = await svc.database();
    await installIndex(
      db,
      makeIndex([makeOrganisation({ accounts: [makeAccount({ handle: 'UCLHnews', url: 'https://x.com/UCLHnews' })] })], {
        indexVersion: 2,
      }),
      'refresh',
      NOW,
    );
    const after = (await svc.handlers['ui-bg-list-corrections']({}, FROM_PAGE)).corrections;
    expect(after.map((c) => [c.status, c.merged])).toEqual([['exported', true]]);
    const popupAfter = await svc.handlers['ui-bg-get-tab-result']({ tabId: 5, url: 'https://www.uclh.nhs.uk/' }, FROM_PAGE);
    expect(popupAfter.state === 'recognised' && popupAfter.ownCorrections).toEqual([]);
    await expect(svc.handlers['ui-bg-delete-correction']({ id: 'c-00000001' }, FROM_PAGE)).resolves.toEqual({ deleted: true });
    db.close();
  });

  it('records an observed follower count only when the user turned it on, and only for an official account', async () => {
    const index = makeIndex([makeOrganisation({ accounts: [makeAccount()] })]);
    const observed = {
      organisationId: 'RRV',
      platform: 'x' as const,
      handle: 'uclh',
      pageUrl: 'https://x.com/uclh',
      followers: 12345,
      approximate: false,
    };
    const off = service(index);
    await expect(off.svc.handlers['ui-bg-record-observed-followers'](observed, FROM_PAGE)).resolves.toEqual({});
    (await off.svc.database()).close();
    const on = service(index, { ...DEFAULT_SETTINGS, recordObservedFollowers: true });
    const { record } = await on.svc.handlers['ui-bg-record-observed-followers'](observed, FROM_PAGE);
    expect(record).toMatchObject({ status: 'draft', draft: { kind: 'observed-followers', followers: '12345', observedOn: '2026-11-25' } });
    await expect(on.svc.handlers['ui-bg-record-observed-followers']({ ...observed, handle: 'someoneelse' }, FROM_PAGE)).resolves.toEqual(
      {},
    );
    (await on.svc.database()).close();
  });
});
