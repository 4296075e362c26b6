import { describe, expect, it } from 'vitest';
import type { Correction } from '../../lib/corrections/correction';
import type { StoredCorrection } from '../../lib/corrections/stored-correction';
import { researchLogCsv } from '../../lib/research-log/research-log-csv';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { describeImport, exportUserData, MAX_USER_DATA_BYTES, parseUserData } from '../../lib/user-data';

const NOW = new Date('2026-11-25T10:00:00Z');
const record: StoredCorrection = {
  id: 'c-00000001',
  status: 'draft',
  organisationName: 'Leeds Teaching Hospitals NHS Trust',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  draft: {
    kind: 'missing-account',
    organisationId: 'RR8',
    platform: 'x',
    handle: '@LTHTrust',
    domain: '',
    evidenceUrl: '',
    note: 'half done',
  },
};

const checked: Correction = {
  id: 'c-00000001',
  kind: 'missing-account',
  organisationId: 'RR8',
  platform: 'x',
  handle: 'LTHTrust',
  accountUrl: 'https://x.com/LTHTrust',
  evidenceUrl: 'https://www.leedsth.nhs.uk/',
  note: '',
  createdAt: NOW.toISOString(),
};
const domainCorrection: Correction = {
  id: 'c-00000001',
  kind: 'missing-domain',
  organisationId: 'RR8',
  domain: 'leedsth.nhs.uk',
  evidenceUrl: 'https://www.leedsth.nhs.uk/',
  note: '',
  createdAt: NOW.toISOString(),
};

describe('settings and corrections export', () => {
  it('round-trips through its own file', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['uclh.nhs.uk'], researchLog: true };
    const text = JSON.stringify(exportUserData(settings, [record], NOW));
    expect(parseUserData(text)).toEqual({
      ok: true,
      data: { format: 'nhs-social-lens-user-data', version: 1, exportedAt: NOW.toISOString(), settings, corrections: [record] },
    });
  });

  it('fills settings an older file lacks from the defaults', () => {
    const text = JSON.stringify({
      format: 'nhs-social-lens-user-data',
      version: 1,
      exportedAt: NOW.toISOString(),
      settings: { showBadge: false },
      corrections: [],
    });
    const parsed = parseUserData(text);
    expect(parsed.ok && parsed.data.settings).toEqual({ ...DEFAULT_SETTINGS, showBadge: false });
  });

  it('drops a switched-off zone such as nhs.uk from an imported file, keeping its sites (issue 17)', () => {
    const text = JSON.stringify(exportUserData({ ...DEFAULT_SETTINGS, disabledSites: ['nhs.uk', 'uclh.nhs.uk', 'gov.uk'] }, [], NOW));
    const parsed = parseUserData(text);
    expect(parsed.ok && parsed.data.settings.disabledSites).toEqual(['uclh.nhs.uk']);
  });

  it.each([
    ['not JSON', '{', 'the file is not JSON'],
    ['a corrections file', JSON.stringify({ format: 1, corrections: [] }), 'not an NHS Social Lens settings export: format'],
    [
      'a bad schedule',
      JSON.stringify({ ...exportUserData(DEFAULT_SETTINGS, [], NOW), settings: { refreshSchedule: 'hourly' } }),
      'settings.refreshSchedule',
    ],
    [
      'an http source',
      JSON.stringify({ ...exportUserData(DEFAULT_SETTINGS, [], NOW), settings: { indexSource: 'http://evil.example/' } }),
      'settings.indexSource: must be empty or an https:// address',
    ],
    [
      'a site with a path',
      JSON.stringify({ ...exportUserData(DEFAULT_SETTINGS, [], NOW), settings: { disabledSites: ['uclh.nhs.uk/x'] } }),
      'settings.disabledSites.0',
    ],
    [
      'a broken correction',
      JSON.stringify(exportUserData(DEFAULT_SETTINGS, [{ ...record, status: 'merged' as 'draft' }], NOW)),
      'corrections.0.status',
    ],
    [
      // Issue 17: the user's own data file is checked by the same rules as the form and the corrections file.
      'a checked correction whose address names another account than its handle',
      JSON.stringify(
        exportUserData(
          DEFAULT_SETTINGS,
          [{ ...record, status: 'ready', correction: { ...checked, accountUrl: 'https://x.com/SomeoneElse' } }],
          NOW,
        ),
      ),
      'corrections.0.correction.accountUrl: names another account than the handle (expected https://x.com/LTHTrust)',
    ],
    [
      'a checked correction proposing a shared host',
      JSON.stringify(
        exportUserData(DEFAULT_SETTINGS, [{ ...record, status: 'ready', correction: { ...domainCorrection, domain: 'github.io' } }], NOW),
      ),
      'corrections.0.correction.domain: is a public suffix',
    ],
    [
      'a checked correction with a line break in its evidence address',
      JSON.stringify(
        exportUserData(
          DEFAULT_SETTINGS,
          [{ ...record, status: 'ready', correction: { ...checked, evidenceUrl: 'https://a.nhs.uk/\nKind: other' } }],
          NOW,
        ),
      ),
      'corrections.0.correction.evidenceUrl: must be one line',
    ],
    ['a huge file', ' '.repeat(MAX_USER_DATA_BYTES + 1), 'too large'],
  ])('refuses %s with the reason', (_label, text, reason) => {
    const parsed = parseUserData(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });

  it('says what an import would change before anything is replaced', () => {
    const data = exportUserData(
      { ...DEFAULT_SETTINGS, showBadge: false, researchLog: true },
      [record, { ...record, id: 'c-00000002' }],
      NOW,
    );
    expect(describeImport(DEFAULT_SETTINGS, new Set(['c-00000001']), data)).toEqual([
      'Settings: 2 would change (toolbar badge, research log).',
      'Corrections: 1 new, 1 would replace yours with the same id.',
    ]);
  });
});

describe('research log CSV', () => {
  it('is oldest first, with formula-looking text escaped', () => {
    const csv = researchLogCsv([
      { at: '2026-11-25T10:00:00.000Z', url: 'https://www.uclh.nhs.uk/', organisationId: 'RRV', organisationName: '=HYPERLINK("x")' },
      { at: '2026-11-24T10:00:00.000Z', url: 'https://www.kch.nhs.uk/a,b', organisationId: 'RJZ', organisationName: "King's" },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'visited_at,organisation_id,organisation_name,url',
      '2026-11-24T10:00:00.000Z,RJZ,King\'s,"https://www.kch.nhs.uk/a,b"',
      '2026-11-25T10:00:00.000Z,RRV,"\'=HYPERLINK(""x"")",https://www.uclh.nhs.uk/',
      '',
    ]);
  });

  it.each([
    ['\u00A0=HYPERLINK("x")', `"'\u00A0=HYPERLINK(""x"")"`],
    ['  \uFF0Bcmd', "'  \uFF0Bcmd"],
    ['North; South', '"North; South"'],
  ])('escapes the name %j as %s, like the dashboard (issue 17)', (name, cell) => {
    const csv = researchLogCsv([
      { at: '2026-11-25T10:00:00.000Z', url: 'https://www.kch.nhs.uk/a;b', organisationId: 'RJZ', organisationName: name },
    ]);
    expect(csv.split('\r\n')[1]).toBe(`2026-11-25T10:00:00.000Z,RJZ,${cell},"https://www.kch.nhs.uk/a;b"`);
  });
});
