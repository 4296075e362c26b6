import { accountKey } from '../social/profile-url';
import type { Organisation } from './schema';

/**
 * Every key an organisation can be found by: its hosts and its predecessors', its code and its
 * predecessors' codes, and its accounts. Stored with each organisation in IndexedDB and used for
 * the command line's in-memory tables, so both look-ups give the same answers.
 */
export function organisationKeys(org: Organisation): { hosts: string[]; codes: string[]; accounts: string[] } {
  const hosts = new Set(org.domains.map((d) => d.host));
  const codes = new Set([org.id]);
  for (const predecessor of org.predecessors) {
    codes.add(predecessor.id);
    for (const d of predecessor.domains) hosts.add(d.host);
  }
  const accounts = new Set(org.accounts.map((a) => accountKey(a.platform, a.handle)));
  return { hosts: [...hosts], codes: [...codes], accounts: [...accounts] };
}
