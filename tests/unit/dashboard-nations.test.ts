import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { byCountry, overviewCharts } from '../../lib/dashboard/aggregate';
import { CSV_COLUMNS, jsonRecord, toCsv } from '../../lib/dashboard/export';
import { codeLabel, dashboardRows } from '../../lib/dashboard/rows';
import { DEFAULT_QUERY, filterRows, parseTableQuery, tableQueryToHash } from '../../lib/dashboard/table-query';
import { parseCsvRecords } from '../../lib/index-build/csv';
import '../../lib/ui/nsl-org-table';
import { loadBundledIndex } from '../support/bundled-index';
import { makeOrganisation } from '../support/index-factory';

/** Issue 20: the country of every organisation, and trust types, in the dashboard and the exports. */
const ROWS = dashboardRows([
  makeOrganisation({
    id: 'R0A',
    name: 'Manchester University',
    trustType: 'acute',
    trustTypeSource: { classification: 'ACUTE - TEACHING', source: 'test-source', checked: '2024-03-31' },
  }),
  makeOrganisation({ id: 'RXT', name: 'A Mental Health Trust', trustType: 'mental-health' }),
  makeOrganisation({ id: 'RT4', name: 'Welsh Ambulance', country: 'Wales', region: 'Wales', trustType: 'unknown' }),
  makeOrganisation({
    id: 'S08000031',
    codeScheme: 'gss',
    name: 'NHS Greater Glasgow and Clyde',
    kind: 'health-board',
    country: 'Scotland',
  }),
  makeOrganisation({ id: 'SB0806', codeScheme: 'phs', name: 'Scottish Ambulance Service', kind: 'national-body', country: 'Scotland' }),
  makeOrganisation({ id: 'hscni:belfast-trust', name: 'Belfast Trust', country: 'Northern Ireland', trustType: 'unknown' }),
]);
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the table filters by country and trust type', () => {
  it('keeps the rows of one nation, or of one trust type', () => {
    expect(ids(filterRows(ROWS, { country: 'Scotland' }))).toEqual(['S08000031', 'SB0806']);
    expect(ids(filterRows(ROWS, { trustType: 'acute' }))).toEqual(['R0A']);
    expect(ids(filterRows(ROWS, { country: 'England', trustType: 'mental-health' }))).toEqual(['RXT']);
    expect(ids(filterRows(ROWS, { trustType: 'unknown' }))).toEqual(['RT4', 'hscni:belfast-trust']);
  });

  it('keeps both in the address, and drops values it does not know', () => {
    const query = { ...DEFAULT_QUERY, country: 'Northern Ireland' as const, trustType: 'ambulance' as const };
    const hash = tableQueryToHash(query);
    expect(hash).toBe('#table?country=Northern+Ireland&trustType=ambulance');
    expect(parseTableQuery(hash.slice('#table?'.length))).toEqual(query);
    expect(parseTableQuery('country=Narnia&trustType=acute-teaching')).toEqual(DEFAULT_QUERY);
  });

  it('offers a Country and a Trust type filter with the values the rows hold', async () => {
    const table = document.createElement('nsl-org-table');
    table.rows = ROWS;
    document.body.append(table);
    await table.updateComplete;
    const root = table.shadowRoot as ShadowRoot;
    const options = (id: string) => [...root.querySelectorAll(`#${id} option`)].map((o) => o.textContent?.trim());
    expect(root.querySelector('label[for="country"]')?.textContent).toBe('Country');
    expect(options('country')).toEqual(['All', 'England', 'Wales', 'Scotland', 'Northern Ireland']);
    expect(options('trustType')).toEqual(['All', 'Acute', 'Mental health and learning disability', 'Not yet known']);
    const changes: unknown[] = [];
    table.addEventListener('nsl-query-change', (e) => changes.push((e as CustomEvent).detail));
    const select = root.querySelector('#country') as HTMLSelectElement;
    select.value = 'Wales';
    select.dispatchEvent(new Event('change'));
    expect(changes).toEqual([expect.objectContaining({ country: 'Wales', page: 1 })]);
    // The code column names the scheme of a nation's own code, and says when there is none.
    const codes = [...root.querySelectorAll('tbody tr td:nth-child(2)')].map((td) => td.textContent?.trim());
    expect(codes).toEqual(expect.arrayContaining(['S08000031 (GSS)', 'SB0806 (PHS)', 'No code', 'R0A']));
  });
});

describe('the chart of organisations by country', () => {
  it('counts every organisation once, in the nations’ order, each bar linking to its table view', () => {
    const chart = byCountry(ROWS);
    expect(chart.groups[0]?.bars.map((b) => [b.label, b.value, b.link])).toEqual([
      ['England', 2, '#table?country=England'],
      ['Wales', 1, '#table?country=Wales'],
      ['Scotland', 2, '#table?country=Scotland'],
      ['Northern Ireland', 1, '#table?country=Northern+Ireland'],
    ]);
    expect(chart.summary).toBe('6 organisations by country: England 2 (33%), Wales 1 (17%), Scotland 2 (33%), Northern Ireland 1 (17%).');
  });

  it('is on the overview, and counts the bundled index’s four nations', () => {
    const rows = dashboardRows(loadBundledIndex().organisations);
    const chart = overviewCharts(rows).find((c) => c.id === 'by-country');
    expect(chart?.groups[0]?.bars.map((b) => b.label)).toEqual(['England', 'Wales', 'Scotland', 'Northern Ireland']);
  });
});

describe('the exports carry the country, the code scheme and the trust type’s source', () => {
  it('in CSV and JSON', () => {
    const records = parseCsvRecords(toCsv(ROWS));
    expect(CSV_COLUMNS).toContain('country');
    expect(records.find((r) => r.ods_code === 'R0A')).toMatchObject({
      country: 'England',
      code_scheme: 'ods',
      trust_type: 'acute',
      trust_type_source: 'ACUTE - TEACHING',
    });
    expect(records.find((r) => r.ods_code === 'hscni:belfast-trust')).toMatchObject({ country: 'Northern Ireland', code_scheme: 'none' });
    expect(jsonRecord(ROWS[3]!)).toMatchObject({ id: 'S08000031', codeScheme: 'gss', country: 'Scotland', trustTypeSource: null });
    expect(codeLabel(ROWS[4]!)).toBe('SB0806 (PHS)');
  });

  it('`nsl export` filters by --country and --trust-type, and refuses a value it does not know', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['bin/nsl.js', 'export', '--format', 'json', ...args], { encoding: 'utf8', timeout: 30_000 });
    const bundled = loadBundledIndex().organisations;
    const wales = run(['--country', 'Wales']);
    expect(wales.status).toBe(0);
    const lines = wales.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { country: string; trustType: string | null });
    expect(lines).toHaveLength(bundled.filter((o) => o.country === 'Wales').length);
    expect(lines.every((l) => l.country === 'Wales')).toBe(true);
    const mental = run(['--trust-type', 'mental-health', '--country', 'England']);
    expect(mental.stdout.trimEnd().split('\n')).toHaveLength(
      bundled.filter((o) => o.trustType === 'mental-health' && o.country === 'England').length,
    );
    const bad = run(['--trust-type', 'hospital']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'nsl: --trust-type must be one of acute, specialist, mental-health, community, ambulance, care-trust, unknown, not "hospital"\n',
    );
  });
});
