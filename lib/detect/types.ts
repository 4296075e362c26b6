import type { Organisation } from '../index/schema';

/** Why a page was attributed to an organisation: the rule that matched and what it matched on. */
export type Evidence =
  | { rule: 'domain'; host: string }
  | { rule: 'former-domain'; host: string; predecessorId: string; predecessorName?: string; until?: string };

export type Confidence = 'high' | 'medium' | 'low';

export interface Candidate {
  organisation: Organisation;
  evidence: Evidence;
  confidence: Confidence;
}

/** What the extension knows about one page: no candidates means not recognised. */
export interface Detection {
  url: string;
  candidates: Candidate[];
}
