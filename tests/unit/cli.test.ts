import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIndex } from '../support/index-factory';
import { jsonLines, nsl, tempFileWriter } from '../support/nsl-cli';

const file = tempFileWriter();

describe('nsl lookup', () => {
  it('prints one JSON line per URL, with the match or null', () => {
    const { code, stdout, stderr } = nsl(['lookup', 'https://www.uclh.nhs.uk/', 'https://www.example.org/']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const [uclh, other] = jsonLines(stdout);
    expect(uclh).toMatchObject({
      url: 'https://www.uclh.nhs.uk/',
      match: { ods: 'RRV', name: 'University College London Hospitals NHS Foundation Trust', website: 'uclh.nhs.uk', confidence: 'high' },
    });
    expect(other).toEqual({ url: 'https://www.example.org/', match: null, ambiguous: false, candidates: [] });
  });

  it('reads URLs one a line from stdin and flags a shared site as ambiguous', () => {
    const { code, stdout } = nsl(['lookup'], 'https://www.gosh.nhs.uk/\n\nhttps://www.nlg.nhs.uk/\n');
    expect(code).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => (l.match as { ods: string } | null)?.ods)).toEqual(['RP4', 'RJL']);
    expect(lines[1]).toMatchObject({ ambiguous: true });
    expect(lines[1]?.candidates).toHaveLength(2);
  });

  it('gives the country and, on a legacy body’s old site, the succession in words (issue 20)', () => {
    const { code, stdout } = nsl([
      'lookup',
      'https://digital.nhs.uk/',
      'https://bcuhb.nhs.wales/',
      'https://www.gov.uk/government/organisations/nhs-england',
    ]);
    expect(code).toBe(0);
    const [digital, wales, govuk] = jsonLines(stdout);
    expect(digital?.match).toMatchObject({
      ods: 'X24',
      country: 'England',
      evidence: { rule: 'domain', predecessor: { name: 'NHS Digital', until: '2023-02-01' } },
      succession: 'This was the website of NHS Digital, now part of NHS England since 1 Feb 2023.',
    });
    expect(wales?.match).toMatchObject({ ods: '7A1', kind: 'health-board', country: 'Wales', website: 'bcuhb.nhs.wales' });
    expect(wales?.match).not.toHaveProperty('succession');
    expect(govuk?.match).toMatchObject({
      ods: 'X24',
      evidence: { rule: 'govuk-page', text: 'matched by its GOV.UK organisation page (www.gov.uk/government/organisations/nhs-england)' },
    });
  });

  it('uses another index with --index', () => {
    const { code, stdout } = nsl([
      'lookup',
      '--index',
      file('small.json', JSON.stringify(makeIndex())),
      'https://www.gosh.nhs.uk/',
      'https://uclh.nhs.uk/',
    ]);
    expect(code).toBe(0);
    expect(jsonLines(stdout).map((l) => (l.match as { ods: string } | null)?.ods ?? null)).toEqual([null, 'RRV']);
  });
});

describe('nsl index validate', () => {
  it('exits 0 with a one-line summary for a valid index', () => {
    const { code, stdout, stderr } = nsl(['index', 'validate', 'assets/index.json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(jsonLines(stdout)).toEqual([expect.objectContaining({ valid: true, schemaVersion: 1, organisations: expect.any(Number) })]);
  });

  it.each([
    ['an empty file', '', /the file is empty/],
    ['text that is not JSON', 'not json', /at \$: is not valid JSON/],
    ['wrong types', JSON.stringify({ ...makeIndex(), indexVersion: 'one' }), /at \$\.indexVersion: .*number/i],
    ['an unknown schema version', JSON.stringify({ ...makeIndex(), schemaVersion: 9 }), /at \$\.schemaVersion: must be 1/],
    [
      'duplicate codes',
      JSON.stringify(makeIndex([makeIndex().organisations[0]!, makeIndex().organisations[0]!])),
      /at \$\.organisations\[1\]\.id: duplicate organisation id RRV/,
    ],
    [
      'a javascript: URL',
      JSON.stringify(
        makeIndex([
          {
            ...makeIndex().organisations[0]!,
            accounts: [
              {
                platform: 'x',
                handle: 'a',
                url: 'javascript:alert(1)',
                verification: 'official',
                state: 'active',
                source: 'test-source',
                checked: '2026',
              },
            ],
          },
        ]),
      ),
      /at \$\.organisations\[0\]\.accounts\[0\]\.url: must be an http\(s\) URL/,
    ],
  ])('exits 1 with one clear line for %s', (_label, text, message) => {
    const { code, stdout, stderr } = nsl(['index', 'validate', file('bad.json', text)]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says plainly when the file does not exist', () => {
    const { code, stderr } = nsl(['index', 'validate', join(tmpdir(), 'nsl-no-such-dir', 'missing.json')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no such file/);
  });
});

describe('nsl usage errors', () => {
  it.each([[['bogus']], [['index', 'frobnicate']], [['lookup', '--nope', 'x']], [[]]])('exits 1 with one line for %j', (args) => {
    const { code, stderr } = nsl(args);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^nsl: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('nsl index stats', () => {
  it('prints the coverage of the bundled index as one JSON line', () => {
    const { code, stdout } = nsl(['index', 'stats']);
    expect(code).toBe(0);
    const [stats] = jsonLines(stdout);
    expect(stats).toMatchObject({
      indexVersion: expect.any(Number),
      byKind: { trust: 212, icb: 36, 'national-body': 41, 'health-board': 21 },
      byCountry: { England: 266, Wales: 14, Scotland: 22, 'Northern Ireland': 8 },
      trustTypesKnown: { count: 202, of: 212 },
      withDomain: { count: 294 },
      withoutDomain: [
        { id: 'K0N6A', name: 'The Online NHS Trust' },
        { id: 'nhs-wales:nhs-wales-shared-services-partnership', name: 'NHS Wales Shared Services Partnership' },
      ],
      bytes: { raw: expect.any(Number), gzip: expect.any(Number) },
    });
    const bytes = stats?.bytes as { raw: number; gzip: number };
    expect(bytes.gzip).toBeLessThan(bytes.raw);
  });
});

describe('nsl lookup --html', () => {
  const page = file(
    'saved.html',
    `<!-- saved from url=(0026)https://www.uclh.nhs.uk/ -->
<html><body><footer><a href="https://twitter.com/UCLHFixture">X</a><a href="https://twitter.com/intent/tweet">share</a></footer></body></html>`,
  );

  it('reads the page address from the saved page and lists the profiles it links to', () => {
    const { code, stdout } = nsl(['lookup', '--html', page]);
    expect(code).toBe(0);
    const [line] = jsonLines(stdout);
    expect(line).toMatchObject({ url: 'https://www.uclh.nhs.uk/', match: { ods: 'RRV' } });
    expect(line?.pageProfiles).toEqual([
      { platform: 'x', handle: 'UCLHFixture', url: 'https://x.com/UCLHFixture', via: 'link', inIndex: false },
    ]);
  });

  it('reads the canonical link when the page does not say where it was saved from, attributes in any order', () => {
    const canonical = file(
      'canonical.html',
      '<html><head><link href="https://www.uclh.nhs.uk/" data-x="1" rel="Canonical"></head><body><a href="https://x.com/uclh">X</a></body></html>',
    );
    const { code, stdout } = nsl(['lookup', '--html', canonical]);
    expect(code).toBe(0);
    expect(jsonLines(stdout)[0]).toMatchObject({ url: 'https://www.uclh.nhs.uk/', match: { ods: 'RRV' } });
  });

  it('refuses --html with several URLs', () => {
    const { code, stderr } = nsl(['lookup', '--html', page, 'https://a.nhs.uk/', 'https://b.nhs.uk/']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/one URL/);
  });
});
