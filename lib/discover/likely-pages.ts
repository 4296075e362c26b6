import type { QueryableDocument } from '../detect/page-signals';

/** Words in a link's text or address that lead to the pages where organisations list their accounts. */
const LIKELY = /\b(contact|about|follow|social|connect|news|media|press|get[- ]involved|keep[- ]in[- ]touch)\b/i;

/**
 * The pages of the same site worth a visit after the home page, best first: those whose link
 * text or address says contact, about, follow us, social, news…; at most `limit`.
 */
export function likelyPages(doc: QueryableDocument, pageUrl: string, isSameSite: (url: URL) => boolean, limit: number): string[] {
  const scored = new Map<string, number>();
  for (const anchor of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = anchor.getAttribute('href') ?? '';
    if (!URL.canParse(href, pageUrl)) continue;
    const url = new URL(href, pageUrl);
    url.hash = '';
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !isSameSite(url) || url.href === new URL(pageUrl).href) continue;
    if (/\.(pdf|docx?|xlsx?|pptx?|zip|jpe?g|png|gif|svg|mp4)$/i.test(url.pathname)) continue;
    const text = `${anchor.textContent ?? ''} ${url.pathname}`;
    if (!LIKELY.test(text)) continue;
    // "follow"/"social" pages are the best evidence, then contact and about.
    const score = /follow|social|connect|keep in touch/i.test(text) ? 3 : /contact|about/i.test(text) ? 2 : 1;
    scored.set(url.href, Math.max(scored.get(url.href) ?? 0, score));
  }
  return [...scored.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([url]) => url);
}
