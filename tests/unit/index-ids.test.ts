import { describe, expect, it } from 'vitest';
import { ORGANISATION_ID_PATTERN } from '../../lib/index/schema';
import { validateIndex } from '../../lib/index/validate';
import { makeIndex, makeOrganisation } from '../support/index-factory';

/** Issue 20: one id pattern for every nation's codes, countries as a closed list, trust types with their source. */
describe('ORGANISATION_ID_PATTERN', () => {
  it.each([
    'RJ1',
    'G6V2S',
    '7A1',
    'SB0801',
    'S08000031',
    'W11000023',
    'govuk:nhs-england',
    'england:nhsx',
    'nhs-wales:digital-health-and-care-wales',
    'scot:public-health-scotland',
    'hscni:belfast-trust',
  ])('accepts %s', (id) => {
    expect(ORGANISATION_ID_PATTERN.test(id)).toBe(true);
  });

  it.each([
    'rj1',
    'RJ',
    'RJ12345',
    's08000031',
    'S0800003',
    'S080000311',
    'SS8000031',
    'hscni:',
    'hscni:b',
    'hscni:Belfast-Trust',
    'hscni:belfast trust',
    'hscni:belfast_trust',
    'wales:x1',
    'nhs-scotland:x1',
    'govuk:nhs-england/about',
    ' RJ1',
    'RJ1\n',
  ])('refuses %j', (id) => {
    expect(ORGANISATION_ID_PATTERN.test(id)).toBe(false);
  });
});

describe('validateIndex, the fields of issue 20', () => {
  const check = (org: Record<string, unknown>) => validateIndex(makeIndex([makeOrganisation(org)]));
  const firstProblem = (org: Record<string, unknown>) => {
    const result = check(org);
    return result.ok ? undefined : result.problems[0];
  };

  it('accepts a Scottish board by its GSS code, a Northern Irish trust with no code, and a typed trust', () => {
    expect(check({ id: 'S08000031', codeScheme: 'gss', kind: 'health-board', country: 'Scotland', region: 'Scotland' }).ok).toBe(true);
    expect(check({ id: 'hscni:belfast-trust', kind: 'trust', trustType: 'unknown', country: 'Northern Ireland' }).ok).toBe(true);
    expect(
      check({ trustType: 'acute', trustTypeSource: { classification: 'ACUTE - TEACHING', source: 'test-source', checked: '2024-03-31' } })
        .ok,
    ).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      'a country outside the four nations',
      { country: 'Narnia' },
      '$.organisations[0].country',
      /England, Wales, Scotland or Northern Ireland/,
    ],
    ['an unknown code scheme', { codeScheme: 'nhs' }, '$.organisations[0].codeScheme', /ods, gss or phs/],
    ['a trust type no classification has', { trustType: 'acute-teaching' }, '$.organisations[0].trustType', /known trust type/],
    [
      'a trust type source that is not listed',
      { trustType: 'acute', trustTypeSource: { classification: 'ACUTE - LARGE', source: 'eric-1999', checked: '2024' } },
      '$.organisations[0].trustTypeSource.source',
      /not listed/,
    ],
    [
      'a trust type source with no date',
      { trustType: 'acute', trustTypeSource: { classification: 'ACUTE - LARGE', source: 'test-source' } },
      '$.organisations[0].trustTypeSource.checked',
      /./,
    ],
    ['a namespace no nation uses', { id: 'narnia:cair-paravel' }, '$.organisations[0].id', /ODS code/],
  ])('refuses %s', (_label, org, path, message) => {
    const problem = firstProblem(org);
    expect(problem?.path).toBe(path);
    expect(problem?.message).toMatch(message);
  });
});
