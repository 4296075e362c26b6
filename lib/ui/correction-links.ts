/**
 * Addresses of the corrections page, prefilled: the popup's "Suggest a correction", "Confirm",
 * "Not theirs" and "Suggest adding" each start one this way.
 */
import type { CorrectionKind } from '../corrections/correction';
import type { Platform } from '../index/schema';

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

export function correctionFormHref(prefill: CorrectionPrefill): string {
  const params = new URLSearchParams({ org: prefill.organisationId });
  for (const [field, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const value = prefill[field];
    if (value) params.set(name, value);
  }
  return `/corrections.html?${params}`;
}

/** Reads a prefill back on the corrections page; anything unexpected is simply left out. */
export function readCorrectionPrefill(search: string): CorrectionPrefill | undefined {
  const params = new URLSearchParams(search);
  const organisationId = params.get('org');
  if (!organisationId) return undefined;
  const prefill: CorrectionPrefill = { organisationId };
  for (const [field, name] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const value = params.get(name);
    if (value) (prefill as unknown as Record<string, string>)[field] = value;
  }
  return prefill;
}
