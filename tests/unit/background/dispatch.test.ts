import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../lib/browser/messaging';

describe('dispatch', () => {
  const handlers = {
    'ui-bg-get-tab-result': async () => ({ state: 'not-recognised' as const }),
    'ui-bg-get-index-status': async () => ({}),
    'ui-bg-get-organisations': async () => ({ organisations: [], sightings: [], index: { version: 0, generatedAt: '', sources: [] } }),
    'ui-bg-refresh-index': async () => ({ outcome: 'no-source' as const }),
    'ui-bg-rollback-index': async () => ({ rolledBack: false }),
  } as Partial<Handlers> as Handlers;
  const ORIGIN = 'chrome-extension://ext/';

  it('routes a message from one of our own pages', async () => {
    await expect(
      dispatch({ type: 'ui-bg-get-tab-result', payload: { tabId: 1 } }, { id: 'ext', url: `${ORIGIN}popup.html` }, 'ext', ORIGIN, handlers),
    ).resolves.toEqual({ state: 'not-recognised' });
  });

  it.each([
    ['another extension', { type: 'ui-bg-get-tab-result', payload: { tabId: 1 } }, { id: 'other', url: `${ORIGIN}popup.html` }],
    // There is no content script since issue 22: the old page report is nobody's message now.
    [
      'the page report content scripts once sent',
      { type: 'content-bg-page-visited', payload: { url: 'https://www.uclh.nhs.uk/', profiles: [] } },
      { id: 'ext', url: 'https://www.uclh.nhs.uk/', tab: { id: 1 }, frameId: 0 },
    ],
    [
      'a UI message from a web page',
      { type: 'ui-bg-get-tab-result', payload: { tabId: 1 } },
      { id: 'ext', url: 'https://evil.example/', tab: { id: 1 } },
    ],
    ['an unknown message type', { type: 'ui-bg-delete-everything', payload: {} }, { id: 'ext', url: `${ORIGIN}popup.html` }],
    ['a message that is not an envelope', 'hello', { id: 'ext', tab: { id: 1 } }],
  ])('ignores %s', (_label, message, sender) => {
    expect(dispatch(message, sender, 'ext', ORIGIN, handlers)).toBeUndefined();
  });
});
