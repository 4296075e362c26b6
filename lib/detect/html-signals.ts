/**
 * Reads an HTML page's signals (page-signals.ts) from its text, for the background's site reader
 * (issue 19): a service worker has no DOMParser, and a whole parser is far more than the few
 * things needed. One linear pass with `indexOf`, never a backtracking pattern over the page, so a
 * hostile page costs time in proportion to its size (which the reader caps).
 *
 * Rules, after the HTML tokenizer, simplified:
 * - a tag starts at `<` followed by a letter; its attributes run to the first `>` outside quotes;
 *   names are case-insensitive, the first of a repeated attribute wins; values decode `&amp;`,
 *   `&quot;`, `&#39;`, `&#x2F;` and the like;
 * - comments, `<!…>` and `<?…>` are skipped; the text of `script`, `style`, `textarea`, `title`
 *   and `template` is not markup (a link inside a script is no link), and is read only for JSON-LD;
 * - an `a` tag's text runs to `</a>` or the next `a` (anchors never nest).
 */
import { MAX_PAGE_BLOCKS, type PageSignals } from './page-signals';

/** A link on the page and the words it shows, to find a "follow us" or "contact" page. */
export interface HtmlAnchor {
  href: string;
  text: string;
}

export interface HtmlSignals extends PageSignals {
  /** The page's links with their text, document order, at most MAX_SCANNED_ANCHORS. */
  anchors: HtmlAnchor[];
  /** The `href` of the first `link` with `rel~="canonical"`: the command line's `lookup --html` reads it (issue 27). */
  canonical?: string;
}

/** Links kept with their text; profilesFromSignals reads no more than this either. */
export const MAX_SCANNED_ANCHORS = 3000;
const MAX_ANCHOR_TEXT = 200;
/** Elements whose content is text, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'template', 'xmp', 'iframe', 'noembed', 'plaintext']);
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };
const WHITESPACE = /\s/;

/** Decodes the character references that appear in links: named basics and numeric ones. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});?/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    // Invalid code points (and NUL) become U+FFFD, as the HTML tokenizer does.
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  });
}

/** The signals of `html`: profile candidates for profilesFromSignals, and links with their text. */
export function htmlSignals(html: string): HtmlSignals {
  const signals: HtmlSignals = { relMe: [], links: [], jsonLd: [], twitterSite: [], anchors: [] };
  let anchor: HtmlAnchor | undefined;
  const closeAnchor = () => {
    if (anchor) anchor.text = anchor.text.replace(/\s+/g, ' ').trim();
    anchor = undefined;
  };
  let at = 0;
  while (at < html.length) {
    const found = html.indexOf('<', at);
    const open = found < 0 ? html.length : found;
    if (anchor && anchor.text.length < MAX_ANCHOR_TEXT) anchor.text += decodeEntities(html.slice(at, open).slice(0, MAX_ANCHOR_TEXT));
    if (found < 0) break;
    const next = html[open + 1] ?? '';
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      at = end < 0 ? html.length : end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      at = skipTo(html, '>', open + 2);
      continue;
    }
    if (next === '/') {
      const name = tagName(html, open + 2);
      if (name === 'a') closeAnchor();
      at = skipTo(html, '>', open + 2);
      continue;
    }
    const name = tagName(html, open + 1);
    if (name === '') {
      // A `<` that starts no tag is text.
      if (anchor && anchor.text.length < MAX_ANCHOR_TEXT) anchor.text += '<';
      at = open + 1;
      continue;
    }
    const tag = readAttributes(html, open + 1 + name.length);
    at = tag.end;
    const attrs = tag.attributes;
    const rel = ` ${(attrs.get('rel') ?? '').toLowerCase().replace(/\s+/g, ' ')} `;
    const href = attrs.get('href');
    if (name === 'link' && href !== undefined && signals.canonical === undefined && rel.includes(' canonical ')) signals.canonical = href;
    if (name === 'a') {
      closeAnchor();
      if (href !== undefined) {
        if (rel.includes(' me ')) signals.relMe.push(href);
        signals.links.push(href);
        if (signals.anchors.length < MAX_SCANNED_ANCHORS) {
          anchor = { href, text: '' };
          signals.anchors.push(anchor);
        }
      }
    } else if (name === 'link' && href !== undefined && rel.includes(' me ')) {
      signals.relMe.push(href);
    } else if (name === 'meta' && attrs.get('name') === 'twitter:site' && attrs.has('content')) {
      signals.twitterSite.push(attrs.get('content') ?? '');
    } else if (RAW_TEXT.has(name)) {
      // `<script/>` is no shorter than `<script>` in HTML: its text still runs to `</script>`.
      const close = indexOfCaseless(html, `</${name}`, at);
      const text = html.slice(at, close < 0 ? html.length : close);
      // No more blocks than a page's report may hold: the rest is never parsed either (issue 26).
      const jsonLd = name === 'script' && (attrs.get('type') ?? '').trim().toLowerCase() === 'application/ld+json';
      if (jsonLd && signals.jsonLd.length < MAX_PAGE_BLOCKS) signals.jsonLd.push(text);
      at = close < 0 ? html.length : skipTo(html, '>', close);
    }
  }
  closeAnchor();
  return signals;
}

/** The position after the next `char` from `from`, or the end of the text. */
function skipTo(html: string, char: string, from: number): number {
  const found = html.indexOf(char, from);
  return found < 0 ? html.length : found + 1;
}

/** A tag's name at `from`, lower-case: a letter, then anything up to a space, `/` or `>`; '' when none. */
function tagName(html: string, from: number): string {
  if (!/[A-Za-z]/.test(html[from] ?? '')) return '';
  let end = from;
  while (end < html.length && !WHITESPACE.test(html[end] ?? '') && html[end] !== '/' && html[end] !== '>') end++;
  return html.slice(from, end).toLowerCase();
}

/** The attributes from `from` to the tag's closing `>` (outside quotes), and where the tag ends. */
function readAttributes(html: string, from: number): { attributes: Map<string, string>; end: number } {
  const attributes = new Map<string, string>();
  let at = from;
  while (at < html.length) {
    const char = html[at] ?? '';
    if (char === '>') return { attributes, end: at + 1 };
    if (WHITESPACE.test(char) || char === '/') {
      at++;
      continue;
    }
    let end = at + 1;
    while (end < html.length && !/[\s/>=]/.test(html[end] ?? '')) end++;
    const name = html.slice(at, end).toLowerCase();
    at = end;
    while (WHITESPACE.test(html[at] ?? '')) at++;
    let value = '';
    if (html[at] === '=') {
      at++;
      while (WHITESPACE.test(html[at] ?? '')) at++;
      const quote = html[at];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, at + 1);
        value = html.slice(at + 1, close < 0 ? html.length : close);
        at = close < 0 ? html.length : close + 1;
      } else {
        end = at;
        while (end < html.length && !WHITESPACE.test(html[end] ?? '') && html[end] !== '>') end++;
        value = html.slice(at, end);
        at = end;
      }
    }
    if (!attributes.has(name)) attributes.set(name, decodeEntities(value));
  }
  return { attributes, end: html.length };
}

/** `indexOf` ignoring ASCII case, for closing tags such as `</SCRIPT`. */
function indexOfCaseless(html: string, needle: string, from: number): number {
  const lower = needle.toLowerCase();
  let at = from;
  while (at < html.length) {
    const found = html.indexOf('<', at);
    if (found < 0) return -1;
    if (html.slice(found, found + lower.length).toLowerCase() === lower) return found;
    at = found + 1;
  }
  return -1;
}
