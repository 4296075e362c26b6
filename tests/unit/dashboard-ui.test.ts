import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { byAdoptionLevel, followersByKind } from '../../lib/dashboard/aggregate';
import { dashboardRows } from '../../lib/dashboard/rows';
import { DEFAULT_QUERY, type TableQuery } from '../../lib/dashboard/table-query';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { viewOf } from '../../lib/ui/nsl-dashboard';
import '../../lib/ui/nsl-bar-chart';
import '../../lib/ui/nsl-org-table';
import { makeAccount, makeOrganisation } from '../support/index-factory';
import { fakePage, mockClient } from '../support/mock-client';

const ROWS = dashboardRows(
  Array.from({ length: 120 }, (_, i) =>
    makeOrganisation({
      id: `R${String(i).padStart(3, '0')}`,
      name: i === 7 ? '<img src=x onerror=alert(1)> Trust' : `Trust ${String(i).padStart(3, '0')}`,
      kind: i % 10 === 0 ? 'icb' : 'trust',
      accounts: i % 3 === 0 ? [makeAccount({ handle: `t${i}`, url: `https://x.com/t${i}` })] : [],
    }),
  ),
);

afterEach(() => {
  document.body.innerHTML = '';
});

async function mountTable(query: TableQuery = DEFAULT_QUERY) {
  const table = document.createElement('nsl-org-table');
  table.rows = ROWS;
  table.query = query;
  document.body.append(table);
  await table.updateComplete;
  const root = table.shadowRoot as ShadowRoot;
  return { table, root };
}

describe('viewOf', () => {
  it.each([
    ['', 'overview'],
    ['#overview', 'overview'],
    ['#table', 'table'],
    ['#table?kind=icb', 'table'],
    ['#org/RJ1', 'organisation'],
    ['#org/govuk%3Adhsc', 'organisation'],
    ['#tablet', 'overview'],
  ])('%s is the %s', (route, name) => {
    expect(viewOf(route).name).toBe(name);
  });

  it.each(['#org/%', '#org/%E0%A4%A', '#org/RJ1%'])(
    'reads %s, which cannot be decoded, as typed rather than failing (issue 17)',
    (route) => {
      expect(viewOf(route)).toEqual({ name: 'organisation', id: route.slice('#org/'.length) });
    },
  );

  it('never throws, whatever the hash', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `#org/${s}`),
          fc.stringMatching(/^#org\/[A-Za-z0-9:%-]{1,12}$/),
        ),
        (route) => {
          expect(() => viewOf(route)).not.toThrow();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('shows “no organisation” for an address it cannot decode, not a broken page', async () => {
    const dashboard = document.createElement('nsl-dashboard');
    document.body.append(dashboard);
    const client = mockClient({
      readSettings: async () => DEFAULT_SETTINGS,
      getOrganisations: async () => ({
        organisations: [makeOrganisation()],
        sightings: [],
        index: { version: 1, generatedAt: '2026-11-25T00:00:00.000Z', sources: [] },
      }),
    });
    void dashboard.start(client, fakePage('#org/%').page);
    for (let i = 0; i < 20 && dashboard.data === undefined; i++) await new Promise((r) => setTimeout(r, 5));
    await dashboard.updateComplete;
    expect(dashboard.shadowRoot?.querySelector('h1')?.textContent).toBe('No organisation %');
  });

  it('reads the organisation code and the table view', () => {
    expect(viewOf('#org/govuk%3Adhsc')).toEqual({ name: 'organisation', id: 'govuk:dhsc' });
    expect(viewOf('#table?kind=icb&page=2')).toEqual({ name: 'table', query: { ...DEFAULT_QUERY, kind: 'icb', page: 2 } });
  });
});

describe('nsl-org-table', () => {
  it('renders one page of rows, says how many, and marks the sorted column', async () => {
    const { root } = await mountTable();
    expect(root.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(root.querySelector('[data-testid="row-count"]')?.textContent).toBe('1 to 50 of 120 organisations');
    expect(root.querySelector('[data-testid="page"]')?.textContent).toBe('Page 1 of 3');
    const sorted = [...root.querySelectorAll('th[aria-sort]')];
    expect(sorted.map((th) => [th.textContent?.replace(/\s+/g, ' ').trim(), th.getAttribute('aria-sort')])).toEqual([
      ['Organisation ▲', 'ascending'],
    ]);
  });

  it('asks for the reverse order when the sorted column is chosen again, from page 1', async () => {
    const { table, root } = await mountTable({ ...DEFAULT_QUERY, page: 2 });
    const asked: TableQuery[] = [];
    table.addEventListener('nsl-query-change', (e) => asked.push((e as CustomEvent<TableQuery>).detail));
    root.querySelector<HTMLButtonElement>('th button')?.click();
    expect(asked).toEqual([{ ...DEFAULT_QUERY, dir: 'desc', page: 1 }]);
  });

  it('applies the filters it is given and lists official accounts as links', async () => {
    const { root } = await mountTable({ ...DEFAULT_QUERY, kind: 'icb', platform: 'x' });
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual(['Trust 000', 'Trust 030', 'Trust 060', 'Trust 090']);
    expect(rows[0]?.querySelector('td:nth-child(7) a')?.getAttribute('href')).toBe('https://x.com/t0');
    // (happy-dom does not reset a select's value from a `selected` attribute; Chromium does, as the e2e tests show.)
    expect([...root.querySelectorAll('#kind option[selected]')].map((o) => o.getAttribute('value'))).toEqual(['icb']);
    expect(root.querySelector('[data-testid="row-count"]')?.textContent).toBe('4 organisations, from 120');
  });

  it('shows index text as text, never as markup', async () => {
    const { root } = await mountTable({ ...DEFAULT_QUERY, q: 'img' });
    expect(root.querySelector('tbody img')).toBeNull();
    expect(root.querySelector('tbody td a')?.textContent).toBe('<img src=x onerror=alert(1)> Trust');
  });
});

describe('nsl-bar-chart', () => {
  async function mountChart(chart = byAdoptionLevel(ROWS)) {
    const element = document.createElement('nsl-bar-chart');
    element.chart = chart;
    document.body.append(element);
    await element.updateComplete;
    return element.shadowRoot as ShadowRoot;
  }

  it('draws a bar per level with its text alternative and its figures as a table', async () => {
    const root = await mountChart();
    const drawing = root.querySelector('svg[role="img"]');
    expect(drawing?.getAttribute('aria-label')).toBe(byAdoptionLevel(ROWS).summary);
    expect(root.querySelector('h3')?.textContent).toBe('Share at each adoption level');
    expect([...root.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual([
      'Several platforms',
      'One platform',
      'One platform known',
      'No social media found',
      'Not yet known',
    ]);
    // "Not yet known" is hatched, the known levels NHS blue.
    const fills = [...(drawing?.querySelectorAll(':scope > rect') ?? [])].map((r) => r.getAttribute('fill'));
    expect(fills).toEqual(['#005eb8', 'url(#nsl-hatch-adoption-levels)']);
  });

  it('tabulates a grouped chart as a matrix, one row per group', async () => {
    const root = await mountChart(followersByKind(ROWS));
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Type',
      'Under 1,000',
      '1,000 to 9,999',
      '10,000 to 99,999',
      '100,000 or more',
      'Not measured',
    ]);
    expect([...root.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['NHS trust', 'Integrated care board']);
    expect(root.querySelector('tbody tr td:last-child')?.textContent).toBe('108 (100%)');
  });
});
