import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect/detect';
import { createIndexLookups } from '../../lib/index/lookup';
import { parseCsvRecords } from '../../lib/index-build/csv';
import { loadBundledIndex } from '../support/bundled-index';

/**
 * Precision and recall of recognition on a labelled set: every trust's and ICB's real board-papers
 * page (labelled by the board-papers reader's curators), hand-written positives for every other
 * rule plus hard negatives (look-alikes, news, private hospitals, platform pages), and, since
 * issue 20, every new kind of page: national bodies' own sites, GOV.UK organisation pages, legacy
 * bodies' and CCGs' old domains, the NHS in Wales, Scotland and Northern Ireland, and look-alikes.
 */
const FILES = ['labelled-urls-board-papers.csv', 'labelled-urls-extra.csv', 'labelled-urls-nations.csv'];
const byFile = new Map(FILES.map((file) => [file, parseCsvRecords(readFileSync(join(process.cwd(), 'tests/fixtures', file), 'utf8'))]));
const rows = [...byFile.values()].flat();
/**
 * The board-papers rows are labelled from the same source rows the index takes its trusts' and
 * ICBs' hosts from (data/sources/nhs-trusts-index.csv and icbs.csv, the board-papers reader's
 * URLs), so they show that the build and the look-up keep what the sources say, not how well
 * recognition does on pages the index was not made from. The rest were written by hand and are
 * held out from the build: their figures are the ones that say how well recognition generalises,
 * and each set is scored and held to its own thresholds (issue 26).
 */
const BUILT_FROM_FILES = ['labelled-urls-board-papers.csv'];
const builtFrom = BUILT_FROM_FILES.flatMap((file) => byFile.get(file) ?? []);
const heldOut = FILES.filter((file) => !BUILT_FROM_FILES.includes(file)).flatMap((file) => byFile.get(file) ?? []);
const lookups = createIndexLookups(loadBundledIndex());

interface Score {
  precision: number;
  recall: number;
  mistakes: string[];
}

async function score(labelled: Record<string, string>[]): Promise<Score> {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const mistakes: string[] = [];
  for (const row of labelled) {
    const expected = (row.expected ?? '').split(';').filter(Boolean).sort().join(';');
    const predicted = (await detectPage(row.url ?? '', lookups)).candidates
      .map((c) => c.organisation.id)
      .sort()
      .join(';');
    if (predicted === expected) {
      if (expected !== '') truePositives++;
      continue;
    }
    mistakes.push(`${row.url}: expected ${expected || 'none'}, got ${predicted || 'none'}`);
    if (predicted !== '') falsePositives++;
    if (expected !== '') falseNegatives++;
  }
  return {
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
    mistakes,
  };
}

describe('recognition on the labelled URL set', () => {
  it('has at least 300 labelled URLs, with positives and negatives', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(rows.filter((r) => r.expected === '').length).toBeGreaterThanOrEqual(80);
  });

  it('splits the set into labels held out from the build and labels from the rows it is built from', () => {
    expect(heldOut.length + builtFrom.length).toBe(rows.length);
    expect(heldOut.filter((r) => r.expected !== '').length).toBeGreaterThanOrEqual(120);
    expect(heldOut.filter((r) => r.expected === '').length).toBeGreaterThanOrEqual(100);
  });

  it('reaches 0.99 precision and 0.97 recall on the labels held out from the build', async () => {
    const { precision, recall, mistakes } = await score(heldOut);
    console.info(`held-out labels: ${heldOut.length} URLs, precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`);
    if (mistakes.length > 0) console.info(mistakes.join('\n'));
    expect(precision, mistakes.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(recall, mistakes.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  // Labelled from the very rows the index is built from: any miss is a fault in the build or the look-up.
  it('recognises every board-papers page labelled from the rows the index is built from', async () => {
    const { precision, recall, mistakes } = await score(builtFrom);
    console.info(
      `labels from the build's own rows: ${builtFrom.length} URLs, precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`,
    );
    expect(precision, mistakes.join('\n')).toBe(1);
    expect(recall, mistakes.join('\n')).toBe(1);
  });

  // Issue 20: detection stays exact, so no file may hold a single wrong match.
  it.each(FILES)('keeps precision at 1.0 on %s', async (file) => {
    const { precision, mistakes } = await score(byFile.get(file) ?? []);
    expect(precision, mistakes.join('\n')).toBe(1);
  });

  it('holds positives and negatives for every new kind of page of issue 20', () => {
    const nations = byFile.get('labelled-urls-nations.csv') ?? [];
    const categories = (expected: boolean) => new Set(nations.filter((r) => (r.expected !== '') === expected).map((r) => r.category));
    expect([...categories(true)].sort()).toEqual([
      'ccg',
      'govuk-page',
      'legacy-body',
      'national-body',
      'northern-ireland',
      'scotland',
      'wales',
    ]);
    expect([...categories(false)].sort()).toEqual(['govuk-other', 'look-alike']);
  });
});
