import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundService } from '../../lib/browser/background-service';
import { type BadgeAction, badgeFor, showBadge } from '../../lib/browser/badge';
import type { StoredCorrection } from '../../lib/browser/db';
import { DB_NAME, openIndexDb } from '../../lib/browser/db';
import { ensureIndexInstalled, indexedDbLookups, installedIndexMeta, installIndex } from '../../lib/browser/index-store';
import { dispatch, type Handlers } from '../../lib/browser/messaging';
import { createTabResults, type SessionArea } from '../../lib/browser/tab-results';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { makeAccount, makeIndex, makeOrganisation } from '../support/index-factory';

const NOW = new Date('2026-11-25T09:00:00Z');

/** Databases a test opened, closed after it even when it fails, so the next test can delete them. */
const openDatabases: { close(): void }[] = [];
const trackedOpen = async () => {
  const db = await openIndexDb();
  openDatabases.push(db);
  return db;
};

afterEach(() => {
  for (const db of openDatabases.splice(0)) db.close();
});

beforeEach(async () => {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
});

function memorySession(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(key) {
      if (key === null) return structuredClone(Object.fromEntries(data));
      return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(key) {
      for (const k of [key].flat()) data.delete(k);
    },
  };
}

function recordingAction() {
  const badges = new Map<number, { text: string; title: string; color: string }>();
  const action: BadgeAction = {
    async setBadgeText({ tabId, text }) {
      badges.set(tabId, { ...(badges.get(tabId) ?? { title: '', color: '' }), text });
    },
    async setBadgeBackgroundColor({ tabId, color }) {
      badges.set(tabId, { ...(badges.get(tabId) ?? { title: '', text: '' }), color });
    },
    async setTitle({ tabId, title }) {
      badges.set(tabId, { ...(badges.get(tabId) ?? { text: '', color: '' }), title });
    },
  };
  return { action, badges };
}

describe('database migrations', () => {
  it('version 2 → 3 keeps the installed index, sightings and refresh state, and adds the corrections and visits stores', async () => {
    const { openDB } = await import('idb');
    const old = await openDB(DB_NAME, 2, {
      upgrade(db) {
        const organisations = db.createObjectStore('organisations', { keyPath: 'id' });
        organisations.createIndex('by-host', 'hostKeys', { multiEntry: true });
        organisations.createIndex('by-code', 'codeKeys', { multiEntry: true });
        organisations.createIndex('by-account', 'accountKeys', { multiEntry: true });
        db.createObjectStore('meta');
        const sightings = db.createObjectStore('sightings', { keyPath: ['organisationId', 'accountKey'] });
        sightings.createIndex('by-organisation', 'organisationId');
        sightings.createIndex('by-account', 'accountKey');
        db.createObjectStore('snapshots');
        db.createObjectStore('refresh');
      },
    });
    await old.put('organisations', { ...makeOrganisation(), hostKeys: ['uclh.nhs.uk'], codeKeys: ['RRV'], accountKeys: [] });
    await old.put('refresh', { consecutiveFailures: 2 }, 'status');
    old.close();
    const db = await trackedOpen();
    expect([...db.objectStoreNames].sort()).toEqual([
      'corrections',
      'meta',
      'organisations',
      'refresh',
      'sightings',
      'snapshots',
      'visits',
    ]);
    expect((await db.get('organisations', 'RRV'))?.name).toBe('University College London Hospitals NHS Foundation Trust');
    expect(await db.get('refresh', 'status')).toEqual({ consecutiveFailures: 2 });
    expect(db.transaction('corrections').store.indexNames.contains('by-organisation')).toBe(true);
  });
});

describe('index store (IndexedDB)', () => {
  it('installs the bundled index once and finds organisations by any of their hosts', async () => {
    const db = await trackedOpen();
    const index = makeIndex([
      makeOrganisation(),
      makeOrganisation({
        id: 'RAL',
        name: 'Royal Free',
        domains: [{ host: 'royalfree.nhs.uk', source: 'test-source', checked: '2026' }],
        predecessors: [
          {
            id: 'RAP',
            until: '2025-01-01',
            domains: [{ host: 'northmid.nhs.uk', source: 'test-source', checked: '2026' }],
            source: 'test-source',
          },
        ],
      }),
    ]);
    let loads = 0;
    const load = async () => {
      loads++;
      return index;
    };
    const meta = await ensureIndexInstalled(db, 7, load, () => NOW);
    expect(meta).toMatchObject({ indexVersion: 7, organisationCount: 2, origin: 'bundled', installedAt: NOW.toISOString() });
    await ensureIndexInstalled(db, 7, load, () => NOW);
    expect((await installedIndexMeta(db))?.installedAt).toBe(NOW.toISOString());
    expect(loads).toBe(1); // the installed index is as new as the bundled one: not read again
    const lookups = indexedDbLookups(db);
    expect((await lookups.byHost('northmid.nhs.uk')).map((o) => o.id)).toEqual(['RAL']);
    expect((await lookups.byCode('RAP')).map((o) => o.id)).toEqual(['RAL']);
    expect((await lookups.byHost('uclh.nhs.uk'))[0]).not.toHaveProperty('hostKeys');
    db.close();
  });

  it('replaces the whole index in one transaction, leaving no organisation of the old one', async () => {
    const db = await trackedOpen();
    await installIndex(
      db,
      makeIndex([
        makeOrganisation(),
        makeOrganisation({
          id: 'RJ1',
          name: 'GSTT',
          domains: [{ host: 'guysandstthomas.nhs.uk', source: 'test-source', checked: '2026' }],
        }),
      ]),
      'bundled',
      NOW,
    );
    await installIndex(db, makeIndex([makeOrganisation({ name: 'UCLH renamed' })], { indexVersion: 8 }), 'refresh', NOW);
    expect(await db.getAllKeys('organisations')).toEqual(['RRV']);
    expect((await installedIndexMeta(db))?.indexVersion).toBe(8);
    db.close();
  });

  it('refuses an invalid bundled index and installs nothing', async () => {
    const db = await trackedOpen();
    await expect(
      ensureIndexInstalled(
        db,
        7,
        async () => ({ ...makeIndex(), schemaVersion: 99 }),
        () => NOW,
      ),
    ).rejects.toThrow(/schemaVersion/);
    expect(await installedIndexMeta(db)).toBeUndefined();
    db.close();
  });

  it('installs a newer bundled index after an extension update', async () => {
    const db = await trackedOpen();
    await ensureIndexInstalled(
      db,
      7,
      async () => makeIndex(),
      () => NOW,
    );
    await ensureIndexInstalled(
      db,
      9,
      async () => makeIndex(undefined, { indexVersion: 9 }),
      () => NOW,
    );
    expect((await installedIndexMeta(db))?.indexVersion).toBe(9);
    db.close();
  });
});

describe('background service', () => {
  const GROUP = [
    makeOrganisation({ id: 'RJL', name: 'First Group Trust', domains: [{ host: 'group.nhs.uk', source: 'test-source', checked: '2026' }] }),
    makeOrganisation({
      id: 'RWA',
      name: 'Second Group Trust',
      domains: [{ host: 'group.nhs.uk', source: 'test-source', checked: '2026' }],
    }),
  ];
  function service(index = makeIndex(), settings: Settings = DEFAULT_SETTINGS) {
    const session = memorySession();
    const { action, badges } = recordingAction();
    const svc = createBackgroundService({
      openDb: trackedOpen,
      bundledIndexVersion: index.indexVersion,
      loadBundledIndex: async () => index,
      refresh: {
        fetch: async () => new Response(null, { status: 404 }),
        publicKey: new Uint8Array(32),
        defaultSource: '',
        extensionVersion: '0.1.0',
        timeoutMs: 1000,
      },
      tabResults: createTabResults(session),
      action,
      now: () => NOW,
      settings: async () => settings,
    });
    return { svc, session, badges };
  }
  /** A content script's message as the browser describes its sender: the tab's top frame, at `url`. */
  const fromTab = (id: number, url: string) => ({ id: 'ext', url, origin: new URL(url).origin, frameId: 0, tab: { id } });

  it('recognises a page, remembers it for the tab and sets the badge', async () => {
    const { svc, badges } = service();
    await expect(
      svc.handlers['content-bg-page-visited']({ url: 'https://www.uclh.nhs.uk/', profiles: [] }, fromTab(3, 'https://www.uclh.nhs.uk/')),
    ).resolves.toEqual({
      recognised: true,
    });
    expect(badges.get(3)).toMatchObject({
      text: '?',
      title: 'NHS Social Lens: University College London Hospitals NHS Foundation Trust (Not yet known)',
    });
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 3 }, { id: 'ext', url: 'chrome-extension://ext/popup.html' });
    expect(result.state === 'recognised' && result.detection.candidates[0]?.organisation.id).toBe('RRV');
    (await svc.database()).close();
  });

  it('answers for the tab’s current address when the tab has moved on since its page reported', async () => {
    const { svc, badges } = service();
    await svc.handlers['content-bg-page-visited'](
      { url: 'https://www.uclh.nhs.uk/', profiles: [] },
      fromTab(3, 'https://www.uclh.nhs.uk/'),
    );
    const later = await svc.handlers['ui-bg-get-tab-result']({ tabId: 3, url: 'https://www.example.org/' }, { id: 'ext' });
    expect(later).toEqual({ state: 'not-recognised', url: 'https://www.example.org/', site: 'example.org' });
    expect(badges.get(3)?.text).toBe('');
    (await svc.database()).close();
  });

  it('forgets a tab’s result when the tab closes', async () => {
    const { svc, session } = service();
    await svc.handlers['content-bg-page-visited'](
      { url: 'https://www.uclh.nhs.uk/', profiles: [] },
      fromTab(3, 'https://www.uclh.nhs.uk/'),
    );
    await svc.tabClosed(3);
    expect(session.data.size).toBe(0);
    (await svc.database()).close();
  });

  it('records the profiles an organisation’s own site links to, and shows them with the result', async () => {
    const { svc } = service();
    const profiles = [
      { platform: 'x', handle: 'uclh', url: 'https://x.com/uclh', via: 'link' },
      { platform: 'x', handle: 'forged', url: 'https://evil.example/forged', via: 'link' },
    ];
    await svc.handlers['content-bg-page-visited'](
      { url: 'https://www.uclh.nhs.uk/contact', profiles: profiles as never },
      fromTab(5, 'https://www.uclh.nhs.uk/contact'),
    );
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 5 }, { id: 'ext' });
    expect(result.state === 'recognised' && result.sightings).toEqual([
      expect.objectContaining({
        organisationId: 'RRV',
        accountKey: 'x:uclh',
        pageUrl: 'https://www.uclh.nhs.uk/contact',
        sharedWith: [],
        firstSeen: NOW.toISOString(),
      }),
    ]);
    // The profile is now enough to recognise the organisation on the platform itself.
    const onX = await svc.handlers['ui-bg-get-tab-result']({ tabId: 6, url: 'https://x.com/UCLH' }, { id: 'ext' });
    expect(onX.state === 'recognised' && onX.detection.candidates[0]?.evidence).toMatchObject({
      rule: 'linked-from-site',
      value: 'www.uclh.nhs.uk',
    });
    (await svc.database()).close();
  });

  it('attributes a link on a shared group site to every organisation sharing it, saying so', async () => {
    const { svc } = service(makeIndex(GROUP));
    const profiles = [
      { platform: 'facebook' as const, handle: 'GroupNHS', url: 'https://www.facebook.com/GroupNHS', via: 'link' as const },
    ];
    await svc.handlers['content-bg-page-visited']({ url: 'https://www.group.nhs.uk/', profiles }, fromTab(7, 'https://www.group.nhs.uk/'));
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 7 }, { id: 'ext' });
    expect(result.state === 'recognised' && result.sightings.map((s) => [s.organisationId, s.sharedWith])).toEqual([
      ['RJL', ['RWA']],
      ['RWA', ['RJL']],
    ]);
    (await svc.database()).close();
  });

  it('does not record links on pages that are not the organisation’s own (an nhs.uk service page)', async () => {
    const { svc } = service();
    const profiles = [{ platform: 'x' as const, handle: 'NHSuk', url: 'https://x.com/NHSuk', via: 'link' as const }];
    await svc.handlers['content-bg-page-visited'](
      { url: 'https://www.nhs.uk/services/hospital/uch/RRV03', profiles },
      fromTab(8, 'https://www.nhs.uk/services/hospital/uch/RRV03'),
    );
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 8 }, { id: 'ext' });
    expect(result.state).toBe('recognised');
    expect(result.state === 'recognised' && result.sightings).toEqual([]);
    (await svc.database()).close();
  });

  it('looks up a page without a content script when the popup passes its address', async () => {
    const { svc, badges } = service(
      makeIndex([
        makeOrganisation({
          accounts: [makeAccount({ checked: '2026' })],
        }),
      ]),
    );
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 9, url: 'https://x.com/uclh' }, { id: 'ext' });
    expect(result.state === 'recognised' && result.detection.candidates[0]?.evidence.rule).toBe('social-profile');
    expect(badges.get(9)?.text).toBe('1');
    (await svc.database()).close();
  });

  it('reports the installed index and how long installing it took', async () => {
    const { svc } = service();
    const status = await svc.handlers['ui-bg-get-index-status']({}, { id: 'ext' });
    expect(status.installed).toMatchObject({ indexVersion: 7, organisationCount: 1, origin: 'bundled' });
    expect(status.installDurationMs).toBe(0);
    (await svc.database()).close();
  });

  it('answers "not recognised" for a page no organisation owns', async () => {
    const { svc, badges } = service();
    await expect(
      svc.handlers['content-bg-page-visited'](
        { url: 'https://www.nhs.uk/conditions/', profiles: [] },
        fromTab(4, 'https://www.nhs.uk/conditions/'),
      ),
    ).resolves.toEqual({
      recognised: false,
    });
    expect(badges.get(4)?.text).toBe('');
    (await svc.database()).close();
  });

  // Issue 17: the popup shows the site the background names; the background never names a zone.
  it.each([
    ['https://www.nhs.uk/conditions/', 'www.nhs.uk'],
    ['https://www.uclh.nhs.uk/contact', 'uclh.nhs.uk'],
    ['https://nhs.uk/', undefined],
    ['https://co.uk/', undefined],
  ])('names the site the popup may switch off on %s as %s, never a zone', async (url, site) => {
    const { svc } = service();
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 6, url }, { id: 'ext' });
    expect(result.state === 'disabled' ? 'disabled' : result.site).toBe(site);
    (await svc.database()).close();
  });

  const FROM_PAGE = { id: 'ext', url: 'chrome-extension://ext/corrections.html' };
  const draftRecord = (changes: Partial<StoredCorrection['draft']> = {}, id = 'c-00000001'): StoredCorrection => ({
    id,
    status: 'draft',
    organisationName: '',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    draft: {
      kind: 'missing-account',
      organisationId: 'RRV',
      platform: 'x',
      handle: 'https://x.com/UCLHnews',
      domain: '',
      evidenceUrl: 'https://www.uclh.nhs.uk/',
      note: '',
      ...changes,
    },
  });

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

  it('does nothing on a site the user switched off: no lookup, no badge, no sightings, no log', async () => {
    const { svc, badges } = service(makeIndex([makeOrganisation()]), {
      ...DEFAULT_SETTINGS,
      disabledSites: ['uclh.nhs.uk'],
      researchLog: true,
    });
    const profiles = [{ platform: 'x' as const, handle: 'uclh', url: 'https://x.com/uclh', via: 'link' as const }];
    await expect(
      svc.handlers['content-bg-page-visited']({ url: 'https://www.uclh.nhs.uk/', profiles }, fromTab(4, 'https://www.uclh.nhs.uk/')),
    ).resolves.toEqual({
      recognised: false,
    });
    expect(badges.get(4)?.text).toBe('');
    await expect(svc.handlers['ui-bg-get-tab-result']({ tabId: 4 }, FROM_PAGE)).resolves.toMatchObject({
      state: 'disabled',
      site: 'uclh.nhs.uk',
    });
    const db = await svc.database();
    expect(await db.count('sightings')).toBe(0);
    expect(await db.count('visits')).toBe(0);
    db.close();
  });

  it('keeps a research log only when asked, once per page visit, and "Delete all my data" empties every store of the user', async () => {
    const { svc, session } = service(makeIndex([makeOrganisation()]), { ...DEFAULT_SETTINGS, researchLog: true });
    const profiles = [{ platform: 'x' as const, handle: 'uclh', url: 'https://x.com/uclh', via: 'link' as const }];
    await svc.handlers['content-bg-page-visited']({ url: 'https://www.uclh.nhs.uk/', profiles }, fromTab(4, 'https://www.uclh.nhs.uk/'));
    await svc.handlers['content-bg-page-visited']({ url: 'https://www.uclh.nhs.uk/', profiles }, fromTab(4, 'https://www.uclh.nhs.uk/'));
    await svc.handlers['ui-bg-save-correction']({ record: draftRecord(), submit: true }, FROM_PAGE);
    const { visits } = await svc.handlers['ui-bg-get-research-log']({}, FROM_PAGE);
    expect(visits).toEqual([
      {
        at: NOW.toISOString(),
        url: 'https://www.uclh.nhs.uk/',
        organisationId: 'RRV',
        organisationName: 'University College London Hospitals NHS Foundation Trust',
      },
    ]);
    await svc.handlers['ui-bg-delete-all-data']({}, FROM_PAGE);
    const db = await svc.database();
    expect([await db.count('sightings'), await db.count('corrections'), await db.count('visits'), await db.count('organisations')]).toEqual(
      [0, 0, 0, 1],
    );
    expect([...session.data.keys()].filter((k) => k.startsWith('tab:'))).toEqual([]);
    db.close();
  });
});

describe('dispatch', () => {
  const handlers = {
    'content-bg-page-visited': async () => ({ recognised: true }),
    'ui-bg-get-tab-result': async () => ({ state: 'not-recognised' as const }),
    'ui-bg-get-index-status': async () => ({}),
    'ui-bg-get-organisations': async () => ({ organisations: [], sightings: [], index: { version: 0, generatedAt: '', sources: [] } }),
    'ui-bg-refresh-index': async () => ({ outcome: 'no-source' as const }),
    'ui-bg-rollback-index': async () => ({ rolledBack: false }),
  } as Partial<Handlers> as Handlers;
  const ORIGIN = 'chrome-extension://ext/';

  it('routes a message from our own content script or page', async () => {
    await expect(
      dispatch({ type: 'content-bg-page-visited', payload: { url: 'x' } }, { id: 'ext', tab: { id: 1 } }, 'ext', ORIGIN, handlers),
    ).resolves.toEqual({ recognised: true });
    await expect(
      dispatch({ type: 'ui-bg-get-tab-result', payload: { tabId: 1 } }, { id: 'ext', url: `${ORIGIN}popup.html` }, 'ext', ORIGIN, handlers),
    ).resolves.toEqual({ state: 'not-recognised' });
  });

  it.each([
    ['another extension', { type: 'content-bg-page-visited', payload: { url: 'x' } }, { id: 'other', tab: { id: 1 } }],
    ['a content message without a tab', { type: 'content-bg-page-visited', payload: { url: 'x' } }, { id: 'ext' }],
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

describe('badgeFor', () => {
  const detection = (orgs: ReturnType<typeof makeOrganisation>[]) => ({
    state: 'recognised' as const,
    detection: {
      url: 'https://x.nhs.uk/',
      candidates: orgs.map((organisation) => ({
        organisation,
        evidence: { rule: 'domain' as const, value: 'x.nhs.uk' },
        confidence: 'high' as const,
      })),
    },
    sightings: [],
    ownCorrections: [],
    context: [],
    index: { version: 1, generatedAt: '2026-11-25T00:00:00Z', sources: [] },
  });

  it('counts official platforms, not unverified ones', () => {
    const org = makeOrganisation({
      accounts: [
        makeAccount({ handle: 'a', url: 'https://x.com/a', checked: '2026' }),
        {
          platform: 'facebook',
          handle: 'b',
          url: 'https://www.facebook.com/b',
          verification: 'unverified',
          state: 'unknown',
          source: 'test-source',
          checked: '2026',
        },
      ],
    });
    expect(badgeFor(detection([org])).text).toBe('1');
  });

  it('shows how many organisations share a site', () => {
    expect(badgeFor(detection([makeOrganisation(), makeOrganisation({ id: 'RJ1' })]))).toMatchObject({
      text: '2?',
      title: 'NHS Social Lens: 2 organisations share this site',
    });
  });

  it.each([
    [[], '?', '#4c6272'],
    [['x'], '1', '#005eb8'],
    [['x', 'bluesky'], '2', '#007f3b'],
  ] as const)('for accounts on %j shows %s in the level’s colour %s', (platforms, text, colour) => {
    const accounts = platforms.map((platform) => ({
      platform,
      handle: 'a',
      url: 'https://x.com/a',
      verification: 'official' as const,
      state: 'active' as const,
      source: 'test-source',
      checked: '2026',
    }));
    expect(badgeFor(detection([makeOrganisation({ accounts })]))).toMatchObject({ text, colour });
  });

  it('is left empty when the user turned the badge off', async () => {
    const set: string[] = [];
    const action = {
      setBadgeText: async ({ text }: { text: string }) => void set.push(text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    };
    await showBadge(action, 1, detection([makeOrganisation()]), { ...DEFAULT_SETTINGS, showBadge: false });
    expect(set).toEqual(['']);
  });

  it('is empty when nothing is recognised', () => {
    expect(badgeFor({ state: 'not-recognised' }).text).toBe('');
  });
});
