import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCsv } from '../../lib/index-build/csv';
import { dataPackageDescriptor, dataPackageFiles, PROJECT_LICENCE } from '../../lib/index-build/datapackage/data-package';
import { rowsToCsv, type TableDefinition } from '../../lib/index-build/datapackage/table-schema';
import { ACCOUNTS, METRICS } from '../../lib/index-build/datapackage/tables';
import { cffToApalike, cffToBibtex } from '../support/cffconvert';
import { citationErrors, descriptorErrors, rowProblems } from '../support/data-package-check';
import { makeAccount, makeIndex, makeOrganisation } from '../support/index-factory';
import { nsl } from '../support/nsl-cli';

/** An index with what the bundled one lacks yet: figures, a monthly history, a closed account, checks. */
const measured = makeIndex(
  [
    makeOrganisation({
      accounts: [
        makeAccount({
          platform: 'bluesky',
          handle: 'uclh.bsky.social',
          url: 'https://bsky.app/profile/uclh.bsky.social',
          note: '=HYPERLINK("http://evil.example") looks like a formula',
          metrics: {
            measuredAt: '2026-11-25',
            source: 'test-source',
            followers: 2048,
            posts30d: 12,
            replyShare30d: 0.25,
            engagementPerPost30d: 3.5,
          },
          history: [
            { month: '2026-09', followers: 1900 },
            { month: '2026-10', followers: 2000 },
            { month: '2026-11', followers: 2040 },
          ],
        }),
        makeAccount({ state: 'closed', checked: '2025', handle: '@uclh' }),
      ],
      platformChecks: [
        { platform: 'facebook', result: 'no-account', source: 'test-source', checked: '2026-11-25' },
        { platform: 'x', result: 'closed', source: 'test-source', checked: '2024-08' },
      ],
    }),
    makeOrganisation({ id: 'RJ1', name: 'Guy’s and St Thomas’', domains: [], accounts: [], platformChecks: [] }),
  ],
  { indexVersion: 12 },
);

/**
 * A python3 with pandas, if any (CI installs Debian's python3-pandas, .ci/run): the pandas test
 * skips with a notice without one, as on a machine without Python.
 */
const pandasPython = ['python3', '/usr/bin/python3'].find(
  (python) => spawnSync(python, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0,
);
if (pandasPython === undefined) console.warn('datapackage: no python3 with pandas; the pandas round trip is skipped');

function writeDataset(index = measured): string {
  const dir = mkdtempSync(join(tmpdir(), 'nsl-dataset-'));
  for (const [name, text] of dataPackageFiles(index)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('nsl export --format datapackage', () => {
  it('writes the bundled index as a Tabular Data Package that the published schema accepts, every row fitting its Table Schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsl-export-dp-'));
    const { code, stderr } = nsl(['export', '--format', 'datapackage', '--out', dir]);
    expect(stderr).toMatch(
      /^export: wrote organisations\.csv, accounts\.csv, metrics\.csv, checks\.csv, sources\.csv, datapackage\.json, README\.md to .* \(index version \d+, \d+ organisations\)\n$/,
    );
    expect(code).toBe(0);
    const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    expect(descriptorErrors(descriptor)).toBe('');
    const { problems, rows } = rowProblems(dir, descriptor);
    expect(problems).toEqual([]);
    expect(rows.get('organisations')).toBeGreaterThan(300);
    expect(rows.get('accounts')).toBeGreaterThan(0);
    expect(rows.get('checks')).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('library(readr)');
  });

  it.each([
    [['export', '--format', 'datapackage'], 'nsl: --format datapackage needs --out DIR: it writes several files\n'],
    [
      ['export', '--format', 'datapackage', '--out', '/tmp/x', '--kind', 'icb'],
      'nsl: --kind does not apply to --format datapackage: the dataset is the whole index\n',
    ],
    [['export', '--format', 'csv', '--out', '/tmp/x'], 'nsl: --out is for --format datapackage; csv and json go to stdout\n'],
  ])('refuses %j in one line', (args, message) => {
    const { code, stderr, stdout } = nsl(args);
    expect([code, stderr, stdout]).toEqual([1, message, '']);
  });
});

describe('the data package of an index with figures', () => {
  const dir = writeDataset();
  const descriptor = dataPackageDescriptor(measured);

  it('is a valid Tabular Data Package naming the index version, the licences and the sources', () => {
    expect(descriptorErrors(descriptor)).toBe('');
    expect(descriptor).toMatchObject({ profile: 'tabular-data-package', version: '12', indexVersion: 12, created: measured.generatedAt });
    expect(descriptor.licenses.map((l) => l.name)).toEqual(['OGL-UK-3.0', 'MIT']);
    expect(Object.fromEntries(descriptor.resources.map((r) => [r.name, r.licenses[0]?.name]))).toEqual({
      organisations: 'OGL-UK-3.0',
      accounts: 'MIT',
      metrics: 'MIT',
      checks: 'MIT',
      sources: 'MIT',
    });
    expect(descriptor.sources).toEqual([{ title: 'Test source (test-source; OGL-3.0; 2026-08-01)', path: 'https://example.org/source' }]);
  });

  it('writes one metrics row per account per month, the latest measurement in full, missing figures empty', () => {
    const rows = parseCsv(readFileSync(join(dir, 'metrics.csv'), 'utf8'));
    expect(rows).toEqual([
      METRICS.fields.map((f) => f.name),
      ['RRV', 'https://bsky.app/profile/uclh.bsky.social', '2026-09', '1900', '', '', '', '', '', '', 'test-source'],
      ['RRV', 'https://bsky.app/profile/uclh.bsky.social', '2026-10', '2000', '', '', '', '', '', '', 'test-source'],
      ['RRV', 'https://bsky.app/profile/uclh.bsky.social', '2026-11', '2048', '', '12', '0.25', '3.5', '', '2026-11-25', 'test-source'],
    ]);
  });

  it('writes dated checks, and every row fits its schema, keys unique and resolving', () => {
    expect(parseCsv(readFileSync(join(dir, 'checks.csv'), 'utf8')).slice(1)).toEqual([
      ['RRV', 'facebook', 'no-account', '2026-11-25', 'test-source', ''],
      ['RRV', 'x', 'closed', '2024-08', 'test-source', ''],
    ]);
    expect(rowProblems(dir, descriptor)).toEqual({
      problems: [],
      rows: new Map([
        ['organisations', 2],
        ['accounts', 2],
        ['metrics', 3],
        ['checks', 2],
        ['sources', 1],
      ]),
    });
  });

  it('carries every value exactly as the index holds it, a formula-looking note and an @handle too (no spreadsheet apostrophe, issue 28)', () => {
    const text = readFileSync(join(dir, 'accounts.csv'), 'utf8');
    expect(text).toContain(`,"=HYPERLINK(""http://evil.example"") looks like a formula"\r\n`);
    expect(parseCsv(text).map((row) => row[2])).toEqual(['handle', 'uclh.bsky.social', '@uclh']);
  });

  it('declares its CSV dialect on every resource; without one, the check reports what a validator would guess', () => {
    expect(descriptor.resources.map((r) => r.dialect)).toEqual(
      Array(5).fill({ delimiter: ',', quoteChar: '"', doubleQuote: true, lineTerminator: '\r\n', header: true }),
    );
    const undeclared = { resources: descriptor.resources.map(({ dialect: _, ...r }) => r) };
    expect(rowProblems(dir, undeclared).problems).toEqual(
      ['organisations', 'accounts', 'metrics', 'checks', 'sources'].map(
        (t) => `${t}.csv: no CSV dialect declared, so a validator guesses the delimiter`,
      ),
    );
  });

  it('gives metrics.source a foreign key to sources.id', () => {
    const broken = writeDataset();
    writeFileSync(
      join(broken, 'metrics.csv'),
      readFileSync(join(broken, 'metrics.csv'), 'utf8').replaceAll(',test-source\r\n', ',nowhere\r\n'),
    );
    expect(rowProblems(broken, descriptor).problems).toEqual(
      [2, 3, 4].map((row) => `metrics.csv row ${row}: source nowhere not in sources`),
    );
  });

  it.skipIf(pandasPython === undefined)('reads back in pandas as the README says, identifiers exactly as written', () => {
    const script = [
      'import json, sys, pandas as pd',
      `accounts = pd.read_csv(sys.argv[1] + "/accounts.csv", keep_default_na=False, na_values=[""], dtype=str)`,
      'print(json.dumps(accounts[["handle", "note"]].fillna("").values.tolist()))',
    ].join('\n');
    const run = spawnSync(pandasPython ?? '', ['-c', script, dir], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      ['uclh.bsky.social', '=HYPERLINK("http://evil.example") looks like a formula'],
      ['@uclh', ''],
    ]);
  });

  it('the checks catch what does not fit: a bad descriptor, a bad cell, a repeated key and a dangling foreign key', () => {
    expect(descriptorErrors({ ...descriptor, resources: descriptor.resources.map((r) => ({ ...r, name: r.name.toUpperCase() })) })).toMatch(
      /resources\/0\/name must match pattern/,
    );
    expect(descriptorErrors({ ...descriptor, profile: undefined })).toMatch(/must have required property 'profile'/);
    const broken = writeDataset();
    const metrics = readFileSync(join(broken, 'metrics.csv'), 'utf8');
    writeFileSync(
      join(broken, 'metrics.csv'),
      metrics
        .replace(',2000,', ',2k,')
        .replace('RRV,https://bsky.app/profile/uclh.bsky.social,2026-09', 'RRV,https://bsky.app/profile/uclh.bsky.social,2026-10'),
    );
    const accounts = readFileSync(join(broken, 'accounts.csv'), 'utf8');
    writeFileSync(join(broken, 'accounts.csv'), accounts.replace('\r\nRRV,x,', '\r\nRXX,x,'));
    expect(rowProblems(broken, descriptor).problems).toEqual([
      'metrics.csv row 3 followers: "2k" is not an integer',
      'metrics.csv row 3: primary key ["RRV","https://bsky.app/profile/uclh.bsky.social","2026-10"] repeated',
      'accounts.csv row 3: organisation_id RXX not in organisations',
    ]);
  });
});

describe('rowsToCsv', () => {
  const table: TableDefinition = {
    ...ACCOUNTS,
    fields: [
      { name: 'a', type: 'string', description: 'a' },
      { name: 'n', type: 'number', description: 'n' },
    ],
  };

  it('reads back exactly as written through an RFC 4180 parser, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a: fc.option(fc.string(), { nil: undefined }),
            n: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
          }),
          { maxLength: 8 },
        ),
        (rows) => {
          const [header, ...back] = parseCsv(rowsToCsv(table, rows));
          expect(header).toEqual(['a', 'n']);
          expect(back).toHaveLength(rows.length);
          back.forEach(([a, n], i) => {
            const row = rows[i];
            expect(a).toBe(row?.a ?? '');
            expect(n).toBe(row?.n === undefined ? '' : String(row.n));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('CITATION.cff', () => {
  it('is valid Citation File Format 1.2.0, citing the dataset as data, under the licences the package names', () => {
    const text = readFileSync('CITATION.cff', 'utf8');
    expect(citationErrors(text)).toBe('');
    expect(text).toMatch(/preferred-citation:\n {2}type: data\n/);
    expect(text).toContain(`license: ${JSON.parse(readFileSync('package.json', 'utf8')).license}\n`);
    expect(text).toContain(`\nversion: ${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
    expect(citationErrors(text.replace('type: data', 'type: dataset'))).toMatch(
      /preferred-citation\/type must be equal to one of the allowed values/,
    );
  });

  it('names where to find it, and the dataset with the index version bundled at this release (issue 28)', () => {
    const cff = parseYaml(readFileSync('CITATION.cff', 'utf8'));
    const repository = 'https://github.com/nhs-social-lens/nhs-social-lens';
    expect(cff).toMatchObject({ 'repository-code': repository, url: 'https://nhs-social-lens.github.io/nhs-social-lens/' });
    expect(cff['preferred-citation']).toMatchObject({
      type: 'data',
      'repository-code': repository,
      version: String(JSON.parse(readFileSync('assets/index.json', 'utf8')).indexVersion),
    });
  });

  it('docs/dataset.md shows the BibTeX and APA that cffconvert makes of it', () => {
    const text = readFileSync('CITATION.cff', 'utf8');
    const docs = readFileSync('docs/dataset.md', 'utf8');
    expect(docs).toContain(`\`\`\`bibtex\n${cffToBibtex(text)}\`\`\``);
    expect(docs).toContain(`\`\`\`text\n${cffToApalike(text)}\`\`\``);
    expect(cffToBibtex(text)).toContain('url = {https://nhs-social-lens.github.io/nhs-social-lens/}');
    expect(cffToApalike(text)).toMatch(/\(version \d+\.\d+\.\d+\)\. URL: https:/);
  });

  it('the project licence in the package is the one LICENSE and package.json give', () => {
    expect(PROJECT_LICENCE.name).toBe(JSON.parse(readFileSync('package.json', 'utf8')).license);
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License/);
  });
});
