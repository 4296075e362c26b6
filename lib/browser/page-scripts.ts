/**
 * The two functions the background runs in a page with `scripting.executeScript` (issue 22): it
 * reads the page's signals once the page has loaded, and shows the in-page flag when the user
 * turned it on. There is no content script: a page the extension does not read pays nothing, and a
 * page it reads pays for one function call, without the extension's messaging in the page.
 *
 * The browser sends each function's source text to the page, so each must stand alone: no imports
 * and no names from this module inside its body, only its parameters and the page's globals
 * (`tests/unit/page-scripts.test.ts` runs each from its source text to keep that true). The
 * `doc` parameter is for tests; in a page it is the page's document.
 */
import type { PageSignals } from '../detect/page-signals';
import type { PageFlag } from '../detect/types';

/** What a page reports: the address it was at when read, and its signals (decoded by `decodePageReport`). */
export interface PageRead {
  url: string;
  signals: PageSignals;
}

/**
 * Reads the page's possible profile links (`rel="me"` links, links whose `href` matches
 * `profileLink`), its JSON-LD blocks and its `twitter:site` values, unparsed, at most `maxLinks`
 * of each kind: the background applies the rules (`sanitisePageSignals`, `profilesFromSignals`).
 *
 * Runs in the page's own world, and reads attribute and text nodes through XPath rather than
 * elements: the first element a script touches makes the browser set up that element's interfaces
 * for the script's world (about 0.7 ms for a link in Chromium 156), an attribute node's far fewer
 * (docs/performance.md). In Chromium this is the cheapest way measured to read a page's links.
 *
 * The page's scripts can replace any built-in this calls (`Array.prototype.push`, the `nodeValue`
 * getter, `document.evaluate`…), so no cap relies on one (issue 26): the report is one primitive
 * string, each value a record `<kind><length>:<value>` (`u` the address, `r` rel="me", `l` a link,
 * `j` a JSON-LD block, `t` a `twitter:site` value), joined with template literals and `+=` on
 * primitive strings and numbers (no method is looked up) whose `length` a page cannot change, and never longer than `maxChars`; a value that is not a primitive
 * string is skipped. Arrays are not used: an indexed assignment reaches a setter a page put on
 * `Array.prototype`. Whatever the page does, it can only hang its own thread or send less.
 */
export function readPage(
  profileLink: string,
  maxLinks: number,
  maxJsonLdChars: number,
  maxChars: number,
  doc: Document = document,
): string {
  let out = '';
  const counts = { r: 0, l: 0, j: 0, t: 0 };
  /** Appends one record when it fits; false once the report is full. */
  const add = (kind: 'u' | 'r' | 'l' | 'j' | 't', value: unknown, maxLength: number) => {
    if (typeof value !== 'string' || value.length > maxLength) return true;
    const record = `${kind}${value.length}:${value}`;
    if (out.length + record.length > maxChars) return false;
    if (kind !== 'u') {
      if (counts[kind] >= maxLinks) return true;
      counts[kind] = counts[kind] + 1;
    }
    out += record;
    return true;
  };
  add('u', doc.URL, maxChars);
  const addressOnly = out;
  // `rel~="me"`: the token "me" in any case, as HTML reads `rel`.
  const relMe = "[@rel][contains(concat(' ', normalize-space(translate(@rel, 'ME', 'me')), ' '), ' me ')]";
  try {
    const pattern = new RegExp(profileLink, 'i');
    // One question for every signal, in document order (7: XPathResult.ORDERED_NODE_SNAPSHOT_TYPE):
    // each link's address, the `rel` of a link or <link> that is "me" (its owner's address is read
    // then: rare), each JSON-LD block's text and each `twitter:site` value.
    const nodes = doc.evaluate(
      `//a/@href | //a[@href]${relMe}/@rel | //link[@href]${relMe}/@rel | //script[@type='application/ld+json']/text() | //meta[@name='twitter:site']/@content`,
      doc,
      null,
      7,
      null,
    );
    const length = nodes.snapshotLength;
    // A page whose own `snapshotLength` never ends is bounded too: no page has 100,000 links.
    for (let i = 0; i < length && i < 100_000; i++) {
      const node = nodes.snapshotItem(i) as Attr | Text | null;
      if (node === null) continue;
      const value = node.nodeValue;
      let room: boolean;
      if (node.nodeType === 3) room = add('j', value, maxJsonLdChars);
      else if (node.nodeName === 'content') room = add('t', value, maxChars);
      else if (node.nodeName === 'rel') room = add('r', (node as Attr).ownerElement?.getAttribute('href'), maxChars);
      else room = typeof value !== 'string' || !pattern.test(value) || add('l', value, maxChars);
      if (!room) break;
    }
    return out;
  } catch {
    // The page's own scripts broke the reading: it is still known by its address.
    return addressOnly;
  }
}

/**
 * The in-page flag (off unless the user turns it on): a small label in the page's corner naming
 * the organisation, in a closed shadow root so the page's styles cannot reach it and it cannot
 * shift the page's layout (fixed position, no space taken). Shown once per page (a second call
 * replaces it). Text only, never HTML. Run in the extension's isolated world, so the page's own
 * scripts cannot reach its button. Drawn only while the document is still at `url`, the address
 * that was read (issue 26): where the browser cannot name the document that was read (Firefox),
 * a page that moved on right after the read does not get another page's flag.
 */
export function showPageFlag(flag: PageFlag, url: string, doc: Document = document): { host: HTMLElement; root: ShadowRoot } | undefined {
  if (doc.URL !== url) return undefined;
  const hostId = 'nhs-social-lens-flag';
  doc.getElementById(hostId)?.remove();
  const host = doc.createElement('div');
  host.id = hostId;
  host.style.cssText = 'all:initial;position:fixed;z-index:2147483647;right:12px;bottom:12px';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent =
    'div{font:14px/1.4 Arial,sans-serif;background:#005eb8;color:#fff;padding:6px 8px 6px 12px;border-radius:4px}' +
    'button{font:inherit;background:none;border:0;color:#fff;cursor:pointer;margin-left:8px}button:focus{outline:3px solid #ffeb3b}';
  const box = doc.createElement('div');
  box.setAttribute('role', 'note');
  const label = doc.createElement('span');
  label.textContent = `NHS Social Lens: ${flag.name} · ${flag.level}`;
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', () => host.remove());
  box.append(label, close);
  root.append(style, box);
  doc.documentElement.append(host);
  return { host, root };
}
