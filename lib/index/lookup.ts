import { organisationKeys } from './keys';
import type { NhsIndex, Organisation } from './schema';

type Found = Promise<readonly Organisation[]> | readonly Organisation[];

/**
 * The index look-ups detection needs. The command line answers them from memory, the extension
 * from IndexedDB; both are built from `organisationKeys`, so they agree. Declared here, in the
 * model, so that the index never imports detection, which sits above it (issue 18).
 */
export interface IndexLookups {
  /** Organisations listing `host` as their own or a predecessor's domain. */
  byHost(host: string): Found;
  /** Organisations whose code, or a predecessor's code, is `code`. */
  byCode(code: string): Found;
  /** Organisations with the account `accountKey(platform, handle)`. */
  byAccount(key: string): Found;
}

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
