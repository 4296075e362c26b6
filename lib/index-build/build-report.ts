/**
 * What a build did with its inputs: every row it dropped and every conflict between sources it
 * settled, each with its rule, so no rule is ever applied silently. Its own module, so the
 * readers and mergers fill it in without importing the build that calls them (issue 18).
 */
export interface BuildReport {
  inputs: { table: string; rows: number }[];
  dropped: { table: string; row: string; reason: string }[];
  conflicts: { subject: string; kept: string; dropped: string; rule: string }[];
}
