/**
 * "How to cite" (issue 30): the facts of CITATION.cff the dashboard needs, read from its text
 * (bundled at build time), and the reference in words with the installed index's version and date,
 * since a figure is only reproducible from the index it came from. A small reader of the keys the
 * project's own file uses, not a YAML parser: a key it does not know is left out.
 */
import { formatFactDate } from '../format';

export interface Citation {
  /** The dataset's authors (the preferred citation's), as written. */
  authors: string[];
  /** The dataset's title. */
  title: string;
  year?: string;
  licences: string[];
  /** The software's own title and version. */
  software: string;
  softwareVersion?: string;
}

const unquote = (value: string) => value.trim().replace(/^(["'])(.*)\1$/, '$2');

/** The citation facts of a CITATION.cff text; the software's title stands in for any fact missing. */
export function parseCitation(text: string): Citation {
  const top: Record<string, string> = {};
  const preferred: Record<string, string> = {};
  const lists: Record<string, string[]> = { authors: [], license: [] };
  let section = '';
  let list = '';
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const topKey = /^([a-z-]+):\s*(.*)$/.exec(line);
    if (topKey) {
      section = topKey[1] ?? '';
      list = '';
      top[section] = unquote(topKey[2] ?? '');
      continue;
    }
    if (section !== 'preferred-citation') continue;
    const key = /^ {2}([a-z-]+):\s*(.*)$/.exec(line);
    if (key) {
      list = key[1] ?? '';
      preferred[list] = unquote(key[2] ?? '');
      continue;
    }
    const item = /^ {4}-\s*(?:name:\s*)?(.+)$/.exec(line);
    if (item && list in lists) lists[list]?.push(unquote(item[1] ?? ''));
  }
  const software = top.title || 'NHS Social Lens';
  const licence = preferred.license;
  return {
    authors: lists.authors?.length ? lists.authors : [software],
    title: preferred.title || software,
    ...(preferred.year ? { year: preferred.year } : {}),
    licences: lists.license?.length ? lists.license : licence ? [licence] : [],
    software,
    ...(top.version ? { softwareVersion: top.version } : {}),
  };
}

/**
 * The reference in words: "The NHS Social Lens contributors (2026). NHS Social Lens dataset: ….
 * Index version 3, generated 28 Nov 2026. NHS Social Lens 0.1.0."
 */
export function citationText(citation: Citation, index: { version: number; generatedAt: string }): string {
  const year = citation.year ?? index.generatedAt.slice(0, 4);
  const software = `${citation.software}${citation.softwareVersion ? ` ${citation.softwareVersion}` : ''}`;
  return `${citation.authors.join(', ')} (${year}). ${citation.title}. Index version ${index.version}, generated ${formatFactDate(index.generatedAt.slice(0, 10))}. ${software}.`;
}
