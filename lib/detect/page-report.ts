/**
 * The report `readPage` sends from a page (lib/browser/page-scripts.ts), decoded in the background
 * (issue 26). The page's scripts may have replaced every built-in the read calls, so the report is
 * one primitive string of records `<kind><length>:<value>` capped in the page with primitives
 * alone; here its size is checked first, before anything in it is looked at, and a report that is
 * too long or malformed in any way is refused whole: the page is then recognised by its address.
 */
import { MAX_PAGE_READ_CHARS, type PageSignals } from './page-signals';

const KINDS = { r: 'relMe', l: 'links', j: 'jsonLd', t: 'twitterSite' } as const;

/** A page's report, or undefined when there is none, it is longer than MAX_PAGE_READ_CHARS or malformed. */
export function decodePageReport(raw: unknown): { url?: string; signals: PageSignals } | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_PAGE_READ_CHARS) return undefined;
  const signals: PageSignals = { relMe: [], links: [], jsonLd: [], twitterSite: [] };
  let url: string | undefined;
  let at = 0;
  while (at < raw.length) {
    const kind = raw[at] ?? '';
    const colon = raw.indexOf(':', at + 1);
    const digits = raw.slice(at + 1, colon);
    if (colon < 0 || !/^[0-9]{1,7}$/.test(digits)) return undefined;
    const end = colon + 1 + Number(digits);
    if (end > raw.length) return undefined;
    const value = raw.slice(colon + 1, end);
    if (kind === 'u' && url === undefined) url = value;
    else if (Object.hasOwn(KINDS, kind)) signals[KINDS[kind as keyof typeof KINDS]].push(value);
    else return undefined;
    at = end;
  }
  return url === undefined ? { signals } : { url, signals };
}

/** The report `readPage` would send for `read`: for tests and stand-ins. */
export function encodePageReport(read: { url: string; signals: PageSignals }): string {
  const record = (kind: string, value: string) => `${kind}${value.length}:${value}`;
  const { relMe, links, jsonLd, twitterSite } = read.signals;
  return [
    record('u', read.url),
    ...relMe.map((v) => record('r', v)),
    ...links.map((v) => record('l', v)),
    ...jsonLd.map((v) => record('j', v)),
    ...twitterSite.map((v) => record('t', v)),
  ].join('');
}
