/**
 * What cffconvert 2 (the Citation File Format's own converter, which cannot be installed here: it is
 * on PyPI only) writes for a CITATION.cff, for the fields this project's file uses (issue 28), so
 * docs/dataset.md can show a researcher's BibTeX and APA and a test keeps them true. The rules,
 * from citation-file-format/cffconvert src/cffconvert/lib/cff_1_x_x/{bibtex,apalike}.py,
 * authors/{bibtex,apalike}.py, urls/{bibtex,apalike}.py and cff_1_2_x/{bibtex,apalike}.py:
 * - only the root keys are read: cffconvert does not convert `preferred-citation` (its README, and
 *   issue #158), so its output cites the software entry, with `message` as BibTeX's note;
 * - an author given by `name` alone is `{name}` in BibTeX and the name as it is in APA;
 * - the address is `identifiers` of type url, else `url`, else `repository-code`;
 * - BibTeX: `@misc{YourReferenceHere,` then author, doi, month (of `date-released`, no leading
 *   zero), title, url, year, note, joined by ",\n"; no version field;
 * - APA: author, "(year).", title, "(version V).", DOI, "URL: address", joined by spaces.
 */
import { parse as parseYaml } from 'yaml';

interface Cff {
  title: string;
  message?: string;
  version?: string | number;
  'date-released'?: string;
  url?: string;
  'repository-code'?: string;
  authors: { name?: string; 'given-names'?: string; 'family-names'?: string }[];
}

const authorName = (author: Cff['authors'][number]) => {
  if (author.name === undefined || author['given-names'] !== undefined || author['family-names'] !== undefined)
    throw new Error('only authors given by name are converted here');
  return author.name;
};
const addressOf = (cff: Cff) => cff.url ?? cff['repository-code'];

/** cffconvert's `--format bibtex` output. */
export function cffToBibtex(text: string): string {
  const cff = parseYaml(text) as Cff;
  const date = cff['date-released'];
  const url = addressOf(cff);
  const items = [
    `author = {${cff.authors.map((a) => `{${authorName(a)}}`).join(' and ')}}`,
    ...(date !== undefined ? [`month = {${date.split('-')[1]?.replace(/^0+/, '')}}`] : []),
    `title = {${cff.title}}`,
    ...(url !== undefined ? [`url = {${url}}`] : []),
    ...(date !== undefined ? [`year = {${date.slice(0, 4)}}`] : []),
    ...(cff.message !== undefined ? [`note = {${cff.message}}`] : []),
  ];
  return `@misc{YourReferenceHere,\n${items.join(',\n')}\n}\n`;
}

/** cffconvert's `--format apalike` output. */
export function cffToApalike(text: string): string {
  const cff = parseYaml(text) as Cff;
  const names = cff.authors.map(authorName);
  const author = names.length > 2 ? `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}` : names.join(' and ');
  const url = addressOf(cff);
  const items = [
    author,
    ...(cff['date-released'] !== undefined ? [`(${cff['date-released'].split('-')[0]}).`] : []),
    cff.title,
    ...(cff.version !== undefined ? [`(version ${cff.version}).`] : []),
    ...(url !== undefined ? [`URL: ${url}`] : []),
  ];
  return `${items.join(' ')}\n`;
}
