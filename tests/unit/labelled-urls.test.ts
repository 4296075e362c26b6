import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect/detect';
import { createIndexLookups } from '../../lib/index/lookup';
import { parseCsvRecords } from '../../lib/index-build/csv';
import { loadBundledIndex } from '../support/bundled-index';

/**
 * Precision and recall of recognition on a labelled set: every trust's and ICB's real board-papers
 * page (labelled by the board-papers reader's curators), and hand-written positives for every other
 * rule plus hard negatives (look-alikes, news, private hospitals, platform pages).
 */
const FILES = ['labelled-urls-board-papers.csv', 'labelled-urls-extra.csv'];
const rows = FILES.flatMap((file) => parseCsvRecords(readFileSync(join(process.cwd(), 'tests/fixtures', file), 'utf8')));
const lookups = createIndexLookups(loadBundledIndex());

describe('recognition on the labelled URL set', () => {
  it('has at least 300 labelled URLs, with positives and negatives', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(rows.filter((r) => r.expected === '').length).toBeGreaterThanOrEqual(80);
  });

  it('reaches 0.99 precision and 0.97 recall', async () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const mistakes: string[] = [];
    for (const row of rows) {
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
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.info(`labelled set: ${rows.length} URLs, precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`);
    if (mistakes.length > 0) console.info(mistakes.join('\n'));
    expect(precision, mistakes.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(recall, mistakes.join('\n')).toBeGreaterThanOrEqual(0.97);
  });
});
