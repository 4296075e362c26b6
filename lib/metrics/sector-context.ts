import type { NhsIndex, Organisation } from '../index/schema';
import type { Platform } from '../social/platforms';
import { organisationMetrics } from './organisation-metrics';

/** The share (0–100) of `population` strictly below `value`. */
export function percentileRank(value: number, population: readonly number[]): number {
  if (population.length === 0) return 0;
  return Math.round((population.filter((v) => v < value).length / population.length) * 100);
}

/** How peers are named in a sentence: "ambulance trusts", "integrated care boards". */
export function peerLabel(org: Organisation): string {
  if (org.kind === 'trust') {
    const type = org.trustType && org.trustType !== 'unknown' ? `${org.trustType.replace('-', ' ')} ` : '';
    return type === 'care trust ' ? 'care trusts' : `${type}trusts`;
  }
  return { icb: 'integrated care boards', 'national-body': 'national bodies', 'health-board': 'health boards', other: 'organisations' }[
    org.kind
  ];
}

/** Organisations compared with `org`: the same kind, and the same trust type where that is known. */
export function peersOf(org: Organisation, index: Pick<NhsIndex, 'organisations'>): Organisation[] {
  return index.organisations.filter(
    (other) =>
      other.kind === org.kind &&
      (org.kind !== 'trust' || org.trustType === undefined || org.trustType === 'unknown' || other.trustType === org.trustType),
  );
}

export interface SectorContext {
  platform: Platform;
  percentile: number;
  /** How many peers have a measured figure: the percentile means little when this is small. */
  peersMeasured: number;
}

/**
 * Where an organisation's followers on `platform` stand among its measured peers ("more Bluesky
 * followers than 80% of ambulance trusts"); undefined when it has no measured figure.
 */
export function followersContext(org: Organisation, index: Pick<NhsIndex, 'organisations'>, platform: Platform): SectorContext | undefined {
  const own = organisationMetrics(org, platform).followers;
  if (own === undefined) return undefined;
  const population = peersOf(org, index)
    .filter((peer) => peer.id !== org.id)
    .map((peer) => organisationMetrics(peer, platform).followers)
    .filter((v): v is number => v !== undefined);
  return { platform, percentile: percentileRank(own, population), peersMeasured: population.length };
}
