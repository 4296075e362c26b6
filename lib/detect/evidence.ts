import type { Evidence } from './types';

/** One line a person can read: why the extension thinks this page is the organisation's. */
export function describeEvidence(evidence: Evidence): string {
  switch (evidence.rule) {
    case 'domain':
      return `matched by domain ${evidence.host}`;
    case 'former-domain':
      return `matched by ${evidence.host}, the former domain of ${evidence.predecessorName ?? evidence.predecessorId}`;
  }
}
