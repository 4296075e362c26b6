/**
 * Addresses of the corrections page, prefilled: the popup's "Suggest a correction", "Confirm",
 * "Not theirs" and "Suggest adding" each start one this way; and what the form makes of one.
 * The popup loads this file: it imports the kinds' labels, not the correction schema.
 */

import { PLATFORMS, type Platform } from '../social/platforms';
import type { CorrectionDraft, CorrectionKind } from './correction';
import { CORRECTION_KIND_LABELS } from './describe';

export interface CorrectionPrefill {
  organisationId: string;
  kind?: CorrectionKind;
  platform?: Platform;
  handle?: string;
  evidenceUrl?: string;
  /** The page the popup was opened on, for the form's suggestions. */
  pageUrl?: string;
}

const PARAMS: Record<Exclude<keyof CorrectionPrefill, 'organisationId'>, string> = {
  kind: 'kind',
  platform: 'platform',
  handle: 'handle',
  evidenceUrl: 'evidence',
  pageUrl: 'page',
};

/** The corrections page's address, prefilled with what the popup knows. */
export function correctionFormHref(prefill: CorrectionPrefill): string {
  const params = new URLSearchParams({ org: prefill.organisationId });
  for (const [field, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const value = prefill[field];
    if (value) params.set(name, value);
  }
  return `/corrections.html?${params}`;
}

/**
 * Values a field of the prefill may take; the free-text ones are checked with the rest of the draft.
 * The kinds come from their labels: the popup loads these links, and not the correction schema.
 */
const KINDS = Object.keys(CORRECTION_KIND_LABELS) as CorrectionKind[];
const KNOWN: Partial<Record<keyof typeof PARAMS, readonly string[]>> = { kind: KINDS, platform: PLATFORMS };

/**
 * Reads a prefill back on the corrections page; anything unexpected is simply left out: a kind or
 * platform it does not know (issue 17). Handles and addresses stay as given: the form shows them
 * and `validateDraft` checks them like anything typed.
 */
export function readCorrectionPrefill(search: string): CorrectionPrefill | undefined {
  const params = new URLSearchParams(search);
  const organisationId = params.get('org');
  if (!organisationId) return undefined;
  const prefill: CorrectionPrefill = { organisationId };
  for (const [field, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const value = params.get(name);
    const known = KNOWN[field];
    if (value && (known === undefined || known.includes(value))) (prefill as unknown as Record<string, string>)[field] = value;
  }
  return prefill;
}

/**
 * The draft fields a prefill gives: a known kind and platform, and the handle and evidence address
 * cut to a length no form field needs more of (checked with the rest of the draft when saved).
 */
export function prefillDraft(prefill: CorrectionPrefill | undefined): Partial<CorrectionDraft> {
  if (!prefill) return {};
  const kind = KINDS.find((k) => k === prefill.kind);
  const platform = PLATFORMS.find((p) => p === prefill.platform);
  return {
    ...(kind ? { kind } : {}),
    ...(platform ? { platform } : {}),
    ...(prefill.handle ? { handle: prefill.handle.slice(0, 300) } : {}),
    ...(prefill.evidenceUrl ? { evidenceUrl: prefill.evidenceUrl.slice(0, 2000) } : {}),
  };
}

/** What a prefill asked for: the same button in the popup gives the same origin, and so finds its draft again. */
export function prefillOrigin(prefill: CorrectionPrefill | undefined): string {
  return [prefill?.kind ?? '', prefill?.platform ?? '', prefill?.handle ?? ''].join('|');
}
