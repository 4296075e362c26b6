import type { IndexLookups } from '../detect/types';
import { organisationKeys } from './keys';
import type { NhsIndex, Organisation } from './schema';

/** In-memory look-up tables for the command line and tests (the extension uses IndexedDB). */
export function createIndexLookups(index: NhsIndex): IndexLookups {
  const tables = {
    hosts: new Map<string, Organisation[]>(),
    codes: new Map<string, Organisation[]>(),
    accounts: new Map<string, Organisation[]>(),
  };
  for (const org of index.organisations) {
    const keys = organisationKeys(org);
    for (const kind of ['hosts', 'codes', 'accounts'] as const) {
      for (const key of keys[kind]) {
        const list = tables[kind].get(key);
        if (list) list.push(org);
        else tables[kind].set(key, [org]);
      }
    }
  }
  return {
    byHost: (host) => tables.hosts.get(host) ?? [],
    byCode: (code) => tables.codes.get(code) ?? [],
    byAccount: (key) => tables.accounts.get(key) ?? [],
  };
}
