import { organisationHostKeys } from '../detect/detect-by-host';
import type { NhsIndex, Organisation } from './schema';

/** An in-memory host table for the command line and tests (the extension uses IndexedDB's index). */
export function createHostTable(index: NhsIndex): (host: string) => readonly Organisation[] {
  const byHost = new Map<string, Organisation[]>();
  for (const org of index.organisations) {
    for (const host of organisationHostKeys(org)) {
      const list = byHost.get(host);
      if (list) list.push(org);
      else byHost.set(host, [org]);
    }
  }
  return (host) => byHost.get(host) ?? [];
}
