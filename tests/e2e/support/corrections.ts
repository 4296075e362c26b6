import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Correction, type CorrectionDraft, exportCorrections } from '../../../lib/corrections/correction';
import type { StoredCorrection } from '../../../lib/corrections/stored-correction';
import type { ExtensionBrowser } from './extension-browser';
import { askBackground } from './extension-state';

/**
 * Set-up for tests that start further along a volunteer's loop: a correction saved and checked,
 * or sent as a file, through the background's own messages, as the corrections page does.
 */

/** A stored correction that passed the checks. */
export type CheckedCorrection = StoredCorrection & { correction: Correction };

/** Saves `draft` as the form does when the volunteer presses Save, and returns it checked ("ready to send"). */
export async function savedCorrection(browser: ExtensionBrowser, draft: CorrectionDraft): Promise<CheckedCorrection> {
  const { organisation } = await askBackground(browser, 'ui-bg-get-organisation', { id: draft.organisationId });
  const now = new Date().toISOString();
  const record: StoredCorrection = {
    id: `c-${randomUUID()}`,
    status: 'draft',
    draft,
    organisationName: organisation?.name ?? '',
    createdAt: now,
    updatedAt: now,
  };
  const result = await askBackground(browser, 'ui-bg-save-correction', { record, submit: true });
  if (!result.saved || result.record.correction === undefined)
    throw new Error(`set-up: the correction was not saved as ready: ${JSON.stringify(result)}`);
  return { ...result.record, correction: result.record.correction };
}

/** Sends `records` as "Download as a file" does: the file's path, with the records marked as sent. */
export async function exportedCorrectionsFile(browser: ExtensionBrowser, records: readonly CheckedCorrection[]): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'nsl-corrections-')), 'nhs-social-lens-corrections.json');
  const corrections = records.map((r) => r.correction);
  writeFileSync(file, `${JSON.stringify(exportCorrections(corrections, new Date()), null, 2)}\n`);
  const { marked } = await askBackground(browser, 'ui-bg-mark-corrections-exported', { ids: records.map((r) => r.id) });
  if (marked !== records.length) throw new Error(`set-up: ${marked} of ${records.length} corrections marked as sent`);
  return file;
}
