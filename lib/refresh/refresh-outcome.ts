/** What one refresh from the published copy did, as the options page reports it. */
export type RefreshOutcome =
  | { outcome: 'updated'; indexVersion: number }
  | { outcome: 'not-modified' }
  | { outcome: 'no-source' }
  | { outcome: 'failed'; check: string; reason: string };
