import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, toCsv } from '../../lib/dashboard/export';
import { dashboardRows } from '../../lib/dashboard/rows';
import { applyTableQuery, DEFAULT_QUERY } from '../../lib/dashboard/table-query';
import { parseCsvRecords } from '../../lib/index-build/csv';
import { loadBundledIndex } from '../support/bundled-index';
import { makeIndex, makeOrganisation } from '../support/index-factory';

/** Runs the real command line (`bin/nsl.js`, as `npx nsl` does). */
function nsl(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/nsl.js', ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('nsl export', () => {
  const bundled = loadBundledIndex();

  it('writes the whole table from the bundled index as CSV, the same bytes as the dashboard would', () => {
    const { code, stdout, stderr } = nsl(['export', '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout).toBe(toCsv(applyTableQuery(dashboardRows(bundled.organisations), DEFAULT_QUERY)));
    const records = parseCsvRecords(stdout);
    expect(records).toHaveLength(bundled.organisations.length);
    expect(Object.keys(records[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(stderr).toBe(`export: ${bundled.organisations.length} of ${bundled.organisations.length} organisations\n`);
  });

  it('writes one JSON line per organisation, filtered by kind', () => {
    const { code, stdout } = nsl(['export', '--format', 'json', '--kind', 'icb']);
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; id: string });
    expect(lines.length).toBe(bundled.organisations.filter((o) => o.kind === 'icb').length);
    expect(lines.every((l) => l.kind === 'icb')).toBe(true);
  });

  it('filters by level and platform together', () => {
    const { code, stdout } = nsl(['export', '--format=json', '--platform', 'x', '--level', 'several-platforms']);
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { activePlatforms: string[]; adoptionLevel: string });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.activePlatforms.includes('x') && l.adoptionLevel === 'several-platforms')).toBe(true);
  });

  it('escapes formula-looking names from another index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsl-export-'));
    const file = join(dir, 'index.json');
    writeFileSync(file, JSON.stringify(makeIndex([makeOrganisation({ name: '=HYPERLINK("https://evil.example","Click")' })])));
    const { code, stdout } = nsl(['export', '--format', 'csv', '--index', file]);
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[1]).toMatch(/^RRV,ods,"'=HYPERLINK\(""https:\/\/evil\.example"",""Click""\)",trust,/);
  });

  it.each([
    [['export'], 'nsl: --format is needed; usage: export --format csv|json'],
    [['export', '--format', 'xml'], 'nsl: --format must be one of csv, json, datapackage, not "xml"'],
    [
      ['export', '--format', 'csv', '--kind', 'hospital'],
      'nsl: --kind must be one of trust, icb, national-body, health-board, other, not "hospital"',
    ],
    [['export', '--format', 'csv', '--level', 'lots'], 'nsl: --level must be one of'],
    [['export', '--format', 'csv', '--region', 'Narnia'], 'nsl: --region must be one of East of England, London'],
    [['export', '--format', 'csv', '--colour', 'blue'], 'nsl: unknown option --colour'],
  ])('%j exits 1 with one line and nothing on stdout', (args, message) => {
    const { code, stdout, stderr } = nsl(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.startsWith(message)).toBe(true);
  });
});
