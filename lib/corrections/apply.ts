/**
 * Merging reviewed corrections into the project's curated data (data/curated/corrections.jsonl),
 * which the index build reads beside the public sources. Pure: the command line reads and writes.
 */
import * as v from 'valibot';
import type { NhsIndex, Organisation } from '../index/schema';
import { accountKey } from '../social/profile-url';
import { CalendarDate, CORRECTION_ENTRIES, type Correction, issueText, showHidden, withCorrectionRules } from './correction';

/**
 * A correction a maintainer accepted: who reviewed it and when travel with it into the index. The
 * curated data is read back through the same rules as a volunteer's file (issue 17), so a line
 * edited by hand cannot carry an account address other than the one its handle names.
 */
export const CuratedCorrectionSchema = withCorrectionRules(
  v.object({
    ...CORRECTION_ENTRIES,
    reviewedAt: CalendarDate,
    reviewer: v.pipe(
      v.string(),
      v.minLength(1, 'must name the reviewer'),
      v.maxLength(100, 'must be at most 100 characters'),
      v.check((name) => showHidden(name) === name && name.trim() === name, 'must be one line, without control characters'),
    ),
  }),
);
export type CuratedCorrection = v.InferOutput<typeof CuratedCorrectionSchema>;

/** Reads the curated data (JSON lines), refusing the first line that is not a reviewed correction, with its number. */
export function parseCuratedCorrections(text: string): { ok: true; corrections: CuratedCorrection[] } | { ok: false; reason: string } {
  const corrections: CuratedCorrection[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      return { ok: false, reason: `line ${i + 1} is not JSON` };
    }
    const parsed = v.safeParse(CuratedCorrectionSchema, data);
    if (!parsed.success) return { ok: false, reason: `line ${i + 1}: ${issueText(parsed.issues[0])}` };
    corrections.push(parsed.output);
  }
  return { ok: true, corrections };
}

export type Plan = { id: string; status: 'apply'; change: string } | { id: string; status: 'refused'; reason: string };

/**
 * What each correction would change in `index`, given the corrections already curated; refused ones
 * say why. One plan per correction, in order: `check` prints them and `apply` writes exactly the
 * ones planned to apply, so the two can never disagree (issue 17).
 */
export function planCorrections(index: NhsIndex, curated: readonly CuratedCorrection[], corrections: readonly Correction[]): Plan[] {
  const byId = new Map(index.organisations.map((o) => [o.id, o]));
  const done = new Set(curated.map((c) => c.id));
  const seen = new Set<string>();
  const effects = new Set(curated.map(effectKey));
  return corrections.map((correction): Plan => {
    const refuse = (reason: string): Plan => ({ id: correction.id, status: 'refused', reason });
    if (done.has(correction.id)) return refuse('already applied (same id)');
    // An id names one correction: a second one under it is refused whatever it asks.
    if (seen.has(correction.id)) return refuse('the same id appears earlier in the files');
    seen.add(correction.id);
    if (effects.has(effectKey(correction))) return refuse('a correction with the same effect is already curated');
    const org = byId.get(correction.organisationId);
    if (org === undefined) return refuse(`no organisation ${correction.organisationId} in the index`);
    const listed = correction.platform && correction.handle ? findAccount(org, correction) : undefined;
    switch (correction.kind) {
      case 'missing-account': {
        if (!correction.accountUrl) return refuse('no account given');
        if (listed?.verification === 'official') return refuse('the index already lists this account as official');
        const owner = index.organisations.find((o) => o.id !== org.id && findAccount(o, correction)?.verification === 'official');
        if (owner) return refuse(`conflict: the index lists this account as ${owner.name}'s (${owner.id})`);
        effects.add(effectKey(correction));
        return { id: correction.id, status: 'apply', change: `${org.id}: add ${correction.platform} ${correction.handle} as official` };
      }
      case 'wrong-account':
      case 'account-closed': {
        if (listed === undefined) return refuse('the index has no such account for this organisation');
        effects.add(effectKey(correction));
        return {
          id: correction.id,
          status: 'apply',
          change: `${org.id}: ${correction.kind === 'wrong-account' ? 'remove' : 'mark as closed'} ${correction.platform} ${correction.handle}`,
        };
      }
      case 'observed-followers': {
        if (listed === undefined || !correction.observed) return refuse('the index has no such account for this organisation');
        if (listed.metrics && listed.metrics.measuredAt >= correction.observed.on)
          return refuse('the index has a figure as recent or newer');
        effects.add(effectKey(correction));
        return {
          id: correction.id,
          status: 'apply',
          change: `${org.id}: ${correction.platform} ${correction.handle} followers ${correction.observed.followers} observed on ${correction.observed.on}`,
        };
      }
      case 'missing-domain': {
        if (!correction.domain) return refuse('no domain given');
        if (org.domains.some((d) => d.host === correction.domain)) return refuse('the index already lists this domain');
        effects.add(effectKey(correction));
        return { id: correction.id, status: 'apply', change: `${org.id}: add domain ${correction.domain}` };
      }
      default:
        return refuse(`a "${correction.kind}" correction needs a maintainer to edit the data by hand`);
    }
  });
}

function findAccount(org: Organisation, correction: Correction) {
  if (!correction.platform || !correction.handle) return undefined;
  const key = accountKey(correction.platform, correction.handle);
  return org.accounts.find((a) => accountKey(a.platform, a.handle) === key);
}

function effectKey(c: Correction): string {
  return [
    c.kind,
    c.organisationId,
    c.platform && c.handle ? accountKey(c.platform, c.handle) : '',
    c.domain ?? '',
    c.observed?.on ?? '',
  ].join('|');
}
