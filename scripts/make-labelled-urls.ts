/**
 * Writes tests/fixtures/labelled-urls-board-papers.csv: the real board-papers page of every trust
 * and ICB, labelled with the organisation(s) the board-papers reader's curators gave it (the
 * organisation's own code plus any trust that shares the site). Run by hand when data/sources change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCsvRecords } from '../lib/index-build/csv';

const trusts = parseCsvRecords(readFileSync('data/sources/nhs-trusts-index.csv', 'utf8'));
const icbs = parseCsvRecords(readFileSync('data/sources/icbs.csv', 'utf8'));
const current = new Set(trusts.map((t) => t.ods_code));
const rows = ['url,expected,category,note'];
for (const trust of trusts) {
  const url = trust.board_papers_url_dw_2026_08;
  if (!url) continue;
  const shared = (trust.host_dw_shared_with ?? '').split(';').filter((code) => current.has(code));
  rows.push(`${url},${[trust.ods_code, ...shared].sort().join(';')},trust-board-papers,${trust.ods_code}`);
}
for (const icb of icbs.filter((row) => row.status?.startsWith('current') && row.board_papers_url)) {
  rows.push(`${icb.board_papers_url},${icb.ods_code},icb-board-papers,${icb.ods_code}`);
}
writeFileSync('tests/fixtures/labelled-urls-board-papers.csv', `${rows.join('\n')}\n`);
console.log(`wrote ${rows.length - 1} labelled URLs`);
