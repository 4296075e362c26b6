import type { Account, NhsIndex, Organisation } from '../../lib/index/schema';

/** A small valid index for tests; `organisations` replace the defaults when given. */
export function makeIndex(organisations?: Organisation[], overrides: Partial<NhsIndex> = {}): NhsIndex {
  return {
    schemaVersion: 1,
    indexVersion: 7,
    generatedAt: '2026-11-25T00:00:00.000Z',
    sources: [{ id: 'test-source', name: 'Test source', url: 'https://example.org/source', licence: 'OGL-3.0', date: '2026-08-01' }],
    organisations: organisations ?? [makeOrganisation()],
    ...overrides,
  };
}

export function makeOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: 'RRV',
    name: 'University College London Hospitals NHS Foundation Trust',
    kind: 'trust',
    region: 'London',
    country: 'England',
    domains: [{ host: 'uclh.nhs.uk', source: 'test-source', checked: '2026-08-01' }],
    predecessors: [],
    accounts: [],
    platformChecks: [],
    source: 'test-source',
    ...overrides,
  };
}

/** An official, active X account (@uclh) from the test source; `overrides` change what a test is about. */
export function makeAccount(overrides: Partial<Account> = {}): Account {
  return {
    platform: 'x',
    handle: 'uclh',
    url: 'https://x.com/uclh',
    verification: 'official',
    state: 'active',
    source: 'test-source',
    checked: '2026-08-01',
    ...overrides,
  };
}
