/**
 * Whether an index already says what a correction asks for: the volunteer's "merged" state, worked
 * out from the index itself, so it holds whichever way the maintainers merged it.
 */
import type { Organisation } from '../index/schema';
import { accountKey } from '../social/profile-url';
import type { Correction } from './correction';

export function isReflectedIn(correction: Correction, organisation: Organisation | undefined): boolean {
  if (organisation === undefined) return false;
  const key = correction.platform && correction.handle ? accountKey(correction.platform, correction.handle) : undefined;
  const account = key === undefined ? undefined : organisation.accounts.find((a) => accountKey(a.platform, a.handle) === key);
  switch (correction.kind) {
    case 'missing-account':
      return account?.verification === 'official';
    case 'wrong-account':
      return key !== undefined && account === undefined;
    case 'account-closed':
      return account?.state === 'closed';
    case 'missing-domain':
      return organisation.domains.some((d) => d.host === correction.domain);
    case 'observed-followers':
      return correction.observed !== undefined && account?.metrics !== undefined && account.metrics.measuredAt >= correction.observed.on;
    default:
      // "Other" and "wrong organisation" need a person to judge: the index cannot say.
      return false;
  }
}
